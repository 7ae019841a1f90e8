import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { frontMatterYaml } from '../../src/render/front-matter-yaml.js';

const reference = (value: Record<string, unknown>) => stringify(value, { lineWidth: 0 });

describe('frontMatterYaml', () => {
  it('writes Plume’s front matter as yaml does', () => {
    const frontMatter = {
      title: 'Big Tech est prêt à payer jusqu’à un million pour les talents en IA',
      description: 'Les talents en IA sont parmi les mieux rémunérés : Meta et Google offrent un million.',
      slug: 'talents-en-ia',
      keyphrase: 'talents en IA',
      keywords: ['talents en IA', 'startups', 'recrutement'],
      lang: 'fr-FR',
      date: '2024-03-25',
      words: 1122,
      draft: true,
      constraints_failed: [],
      generator: 'Plume',
    };
    expect(frontMatterYaml(frontMatter)).toBe(reference(frontMatter));
    const nested = { title: 'Titre', image: { path: '/a.png', alt: 'Une image' }, tags: ['a', 1, null] };
    expect(frontMatterYaml(nested)).toBe(reference(nested));
  });

  it('writes French prose with no-break spaces as yaml does', () => {
    for (const text of [
      'Est-ce vrai\u202f? Oui, à 100\u00a0%.',
      'Le prix\u00a0: 20\u00a0€.',
      'Un\u00a0#mot et un\u00a0-tiret.',
      'Trois\u202f!',
      'fin\u00a0',
      '\u00a0début',
      'a \u00a0b',
      'L’embauche est impitoyable – et les géants en sont la cause. Pour eux, la variante compte.',
      'Il l’a dit : « ça change tout »',
      'Une phrase… suspendue…',
      '« Citation »',
      '« Il y a pénurie », déclare Libre. Il n’y a pas assez de travailleurs.',
      '“Bonjour” dit-il.',
      '« Titre » : la suite',
      '«',
      '« ',
      '– tiret en tête',
    ]) {
      const frontMatter = { description: text, keywords: [text] };
      expect(frontMatterYaml(frontMatter), text).toBe(reference(frontMatter));
    }
  });

  it('writes random values as yaml does', () => {
    // Letters, digits and every character YAML gives a meaning somewhere.
    const alphabet = [
      ...'aZéÉ09 ’\'".,;:!?()[]{}/%€$+-#&*|>@`~=\\\t',
      '\u00a0',
      '\u202f',
      '«',
      '»',
      '“',
      '”',
      '…',
      '–',
      '—',
      '\n',
      ' : ',
      ' ',
      'mot',
      'true',
      'null',
      'yes',
      'NO',
      '0x1',
      '1e3',
    ];
    let seed = 99;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const word = () => {
      let text = '';
      const length = Math.floor(random() * 8);
      for (let index = 0; index < length; index += 1)
        text += alphabet[Math.floor(random() * alphabet.length)] as string;
      return text;
    };
    const value = (): unknown => {
      const pick = random();
      if (pick < 0.6) return word();
      if (pick < 0.7) return Math.floor(random() * 3000) - (random() < 0.1 ? 5000 : 0);
      if (pick < 0.75) return random() < 0.5;
      if (pick < 0.8)
        return `${2000 + Math.floor(random() * 30)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
      if (pick < 0.95) return Array.from({ length: Math.floor(random() * 3) }, word);
      return random() < 0.5 ? null : 1.5;
    };
    for (let run = 0; run < 6_000; run += 1) {
      const frontMatter: Record<string, unknown> = {};
      for (const key of ['title', 'description', 'slug', 'words', 'site_name']) frontMatter[key] = value();
      expect(frontMatterYaml(frontMatter), JSON.stringify(frontMatter)).toBe(reference(frontMatter));
    }
  });
});
