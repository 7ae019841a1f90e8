import { describe, expect, it } from 'vitest';
import { buildSlug, isValidSlug, MAX_SLUG_LENGTH } from '../../src/plan/build-slug.js';

const LONG_KEYPHRASE =
  'recrutement des meilleurs talents en intelligence artificielle générative dans les grandes entreprises technologiques américaines';

describe('buildSlug', () => {
  it.each([
    // Stopwords and function words removed.
    ['talents en IA', 'talents-ia'],
    ['potager en permaculture', 'potager-permaculture'],
    ['sommeil des adolescents', 'sommeil-adolescents'],
    ['vélos en libre-service', 'velos-libre-service'],
    // Accents and ligatures folded.
    ['Métro parisien', 'metro-parisien'],
    ['rénovation énergétique', 'renovation-energetique'],
    ['naïve façon', 'naive-facon'],
    ['Œuvre d’art', 'oeuvre-art'],
    ['Straße München', 'strasse-munchen'],
    // Elisions dropped, both apostrophes.
    ['l’IA générative', 'ia-generative'],
    ["L'intelligence artificielle", 'intelligence-artificielle'],
    ['Ça coûte cher', 'coute-cher'],
    // Symbols and numbers.
    ['C++ et Rust', 'c-rust'],
    ['100 000 dollars', '100-000-dollars'],
    // Only function words: they are kept rather than an empty slug.
    ['de la', 'de-la'],
    ['le', 'le'],
    // Nothing usable.
    ['', 'article'],
    ['   ', 'article'],
    ['!!!', 'article'],
    // Cut between words at 75 characters.
    [LONG_KEYPHRASE, 'recrutement-meilleurs-talents-intelligence-artificielle-generative-grandes'],
  ])('%j -> %s', (keyphrase, expected) => {
    expect(buildSlug(keyphrase)).toBe(expected);
  });

  it.each([
    'talents en IA',
    LONG_KEYPHRASE,
    'Les « talents » (en IA) : 100 % à Paris !',
    'été 2024',
    'x'.repeat(80),
    'anticonstitutionnellement '.repeat(5),
  ])('only [a-z0-9-], at most 75 characters, no empty part: %j', (keyphrase) => {
    const slug = buildSlug(keyphrase);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });

  it('cuts between words, never inside one', () => {
    const slug = buildSlug(LONG_KEYPHRASE);
    expect(slug.length).toBeLessThanOrEqual(75);
    const parts = slug.split('-');
    expect(parts.at(-1)).toBe('grandes');
    // The next word would not have fitted.
    expect(`${slug}-entreprises`.length).toBeGreaterThan(75);
  });

  it('honours a shorter maxLength', () => {
    expect(buildSlug('rénovation énergétique des logements anciens', 30)).toBe('renovation-energetique');
    expect(MAX_SLUG_LENGTH).toBe(75);
  });
});

describe('isValidSlug', () => {
  it.each([
    ['talents-ia', true],
    ['a', true],
    ['2024-bilan-3', true],
    ['x'.repeat(75), true],
    ['x'.repeat(76), false],
    ['', false],
    ['../x', false],
    ['../../victim', false],
    ['sub/x', false],
    ['sub\\x', false],
    ['.cache', false],
    ['a\nb', false],
    ['a\u0000b', false],
    ['a\u001bb', false],
    ['talents-ia\n', false],
    ['-talents', false],
    ['talents-', false],
    ['talents--ia', false],
    ['Talents-IA', false],
    ['talents ia', false],
    ['talents_ia', false],
    ['métro', false],
    ['talents.ia', false],
  ])('%j -> %s', (slug, expected) => {
    expect(isValidSlug(slug)).toBe(expected);
  });

  it('accepts every slug buildSlug makes', () => {
    for (const keyphrase of ['talents en IA', 'Œuvre d’art', LONG_KEYPHRASE, '!!!', 'le la les'])
      expect(isValidSlug(buildSlug(keyphrase))).toBe(true);
  });
});
