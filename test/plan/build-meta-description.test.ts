import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { createPhraseMatcher } from '../../src/analyze/phrase-matcher.js';
import { parseText } from '../../src/ingest/parse-text.js';
import { isFunctionWord } from '../../src/lang/fr/function-words.js';
import { normalizeWord } from '../../src/lang/fr/normalize-word.js';
import { stem } from '../../src/lang/fr/stem.js';
import { tokenizeWords } from '../../src/lang/fr/tokenize-words.js';
import { buildMetaDescription } from '../../src/plan/build-meta-description.js';

const exampleText = readFileSync(new URL('../../examples/talents-ia.txt', import.meta.url), 'utf8');
const exampleSentences = analyze(parseText(exampleText)).sentences.map((sentence) => sentence.text);

const length = (text: string) => [...text].length;

/** Occurrences of the keyphrase by word forms (stems), as the audit counts them. */
function occurrences(keyphrase: string, text: string): number {
  const matcher = createPhraseMatcher(keyphrase);
  const stems = tokenizeWords(text)
    .filter((token) => token.kind !== 'elision')
    .map((token) => stem(token.text));
  return Math.max(matcher.exactIndices(text).length, matcher.countInStems(stems));
}

/** The last space-separated word before « … », as the cut sees it (« qu’il » is one word). */
function lastWord(text: string): string {
  const words = text.replace(/…$/u, '').split(' ');
  return normalizeWord(words[words.length - 1] ?? '');
}

interface Case {
  name: string;
  keyphrase: string;
  sentences: string[];
  expected: string;
}

const cases: Case[] = [
  {
    name: 'example lead: two sentences cut at a word',
    keyphrase: 'talents en IA',
    sentences: exampleSentences.slice(0, 8),
    expected:
      'L’embauche de talents en IA est impitoyable – et les grandes technologies pourraient en être la cause. Les recruteurs affirment que les géants…',
  },
  {
    name: 'another word form of the keyphrase counts',
    keyphrase: 'talent IA',
    sentences: exampleSentences.slice(0, 8),
    expected:
      'L’embauche de talents en IA est impitoyable – et les grandes technologies pourraient en être la cause. Les recruteurs affirment que les géants…',
  },
  {
    name: 'one whole sentence in range wins',
    keyphrase: 'talents en IA',
    sentences: [
      'Le marché se tend.',
      'Les géants de la tech recrutent les talents en IA à prix d’or, et les startups, qui ne peuvent pas suivre, perdent leurs meilleurs ingénieurs.',
    ],
    expected:
      'Les géants de la tech recrutent les talents en IA à prix d’or, et les startups, qui ne peuvent pas suivre, perdent leurs meilleurs ingénieurs.',
  },
  {
    name: 'two short sentences joined',
    keyphrase: 'talents en IA',
    sentences: [
      'Les talents en IA sont rares et les géants de la tech se les arrachent.',
      'Les startups, elles, peinent à suivre le rythme des salaires proposés.',
    ],
    expected:
      'Les talents en IA sont rares et les géants de la tech se les arrachent. Les startups, elles, peinent à suivre le rythme des salaires proposés.',
  },
  {
    name: 'bullet markers and extra spaces are cleaned',
    keyphrase: 'talents en IA',
    sentences: [
      '- La chasse aux talents en IA est ouverte et les grandes entreprises de la tech proposent des salaires qui dépassent souvent les cent mille dollars par an.',
    ],
    expected:
      'La chasse aux talents en IA est ouverte et les grandes entreprises de la tech proposent des salaires qui dépassent souvent les cent mille dollars par an.',
  },
  {
    name: 'one long sentence cut at a word, without a function word at the end',
    keyphrase: 'talents en IA',
    sentences: [
      'Les talents en IA sont rares et les entreprises, grandes et petites, se les arrachent à prix d’or dans une course effrénée qui ne semble jamais vouloir finir pour les startups de la Silicon Valley et d’ailleurs.',
    ],
    expected:
      'Les talents en IA sont rares et les entreprises, grandes et petites, se les arrachent à prix d’or dans une course effrénée qui ne semble jamais vouloir…',
  },
  {
    name: 'fallback: the lead never names the keyphrase',
    keyphrase: 'métro parisien',
    sentences: exampleSentences.slice(0, 5),
    // The label and the first sentence make 119 characters: a second sentence, cut, reaches 120.
    expected:
      'Métro parisien : l’embauche de talents en IA est impitoyable – et les grandes technologies pourraient en être la cause. Les recruteurs affirment…',
  },
];

describe('buildMetaDescription', () => {
  it.each(cases)('$name', ({ keyphrase, sentences, expected }) => {
    expect(buildMetaDescription({ keyphrase, sentences })).toBe(expected);
  });

  it.each(cases)('at most 156 characters, keyphrase once: $name', ({ keyphrase, sentences }) => {
    const description = buildMetaDescription({ keyphrase, sentences });
    expect(length(description)).toBeLessThanOrEqual(156);
    expect(occurrences(keyphrase, description)).toBe(1);
  });

  it('at least 120 characters when the lead has enough text with the keyphrase', () => {
    for (const keyphrase of ['talents en IA', 'petites entreprises', 'Big Tech', 'IA générative']) {
      const description = buildMetaDescription({ keyphrase, sentences: exampleSentences });
      expect(length(description), description).toBeGreaterThanOrEqual(120);
      expect(length(description), description).toBeLessThanOrEqual(156);
      expect(occurrences(keyphrase, description), description).toBeGreaterThanOrEqual(1);
    }
  });

  it('prefers a sentence with the keyphrase once over an earlier one with it twice', () => {
    const twice =
      'Les talents en IA sont rares et chers, et les talents en IA les plus recherchés touchent jusqu’à un million de dollars par an chez les géants.';
    const once =
      'Les géants de la tech recrutent les talents en IA à prix d’or, et les startups, qui ne peuvent pas suivre, perdent leurs meilleurs ingénieurs.';
    expect(buildMetaDescription({ keyphrase: 'talents en IA', sentences: [twice, once] })).toBe(once);
    // With nothing better, twice is still better than nothing.
    expect(buildMetaDescription({ keyphrase: 'talents en IA', sentences: [twice] })).toBe(twice);
  });

  it('truncation ends with « … » and never with a function word, at any length', () => {
    // Every window of the example, cut at many limits: the cut lands everywhere in the text.
    for (let maxLength = 100; maxLength <= 200; maxLength += 3) {
      for (let start = 0; start + 2 <= exampleSentences.length; start += 3) {
        const sentences = exampleSentences.slice(start, start + 2);
        const description = buildMetaDescription({
          keyphrase: 'IA',
          sentences,
          minLength: maxLength - 36,
          maxLength,
        });
        expect(length(description)).toBeLessThanOrEqual(maxLength);
        if (!description.endsWith('…')) continue;
        expect(description).not.toMatch(/[\s,;:–—«(]…$/u);
        expect(isFunctionWord(lastWord(description)), description).toBe(false);
      }
    }
  });

  it('honours minLength and maxLength', () => {
    const description = buildMetaDescription({
      keyphrase: 'talents en IA',
      sentences: exampleSentences.slice(0, 8),
      minLength: 60,
      maxLength: 110,
    });
    expect(description).toBe(
      'L’embauche de talents en IA est impitoyable – et les grandes technologies pourraient en être la cause.',
    );
  });

  it('fallback is cut at a word when too long', () => {
    const description = buildMetaDescription({
      keyphrase: 'métro parisien',
      sentences: [exampleSentences[6] as string],
    });
    expect(description.startsWith('Métro parisien : une semaine auparavant')).toBe(true);
    expect(description.endsWith('…')).toBe(true);
    expect(length(description)).toBeLessThanOrEqual(156);
    expect(isFunctionWord(lastWord(description))).toBe(false);
  });

  it('an empty lead does not leave a dangling « : »', () => {
    expect(buildMetaDescription({ keyphrase: 'métro parisien', sentences: [] })).not.toMatch(/:\s*$/u);
  });
});

/**
 * Known bugs, reported to the module's owner: each test states the right behaviour and is expected to
 * fail until the bug is fixed (then turn `it.fails` into `it`).
 */
describe('buildMetaDescription: known bugs', () => {
  it.fails('short sentences with the keyphrase are joined past two, not labelled', () => {
    const description = buildMetaDescription({
      keyphrase: 'talents en IA',
      sentences: [
        'Les talents en IA sont rares.',
        'Les géants les recrutent à prix d’or.',
        'Les startups peinent à suivre le rythme.',
        'La formation prendra des années.',
      ],
    });
    // Today the three sentences make 108 characters, so the fallback labels them, keyphrase twice:
    // « Talents en IA : les talents en IA sont rares. Les géants les recrutent à prix d’or. Les startups
    // peinent à suivre le rythme. »
    expect(occurrences('talents en IA', description)).toBe(1);
    expect(length(description)).toBeGreaterThanOrEqual(120);
  });

  it.fails('the cut does not end on an elided function word (« qu’il »)', () => {
    const description = buildMetaDescription({
      keyphrase: 'talents en IA',
      sentences: [
        'Les talents en IA sont rares, et Aravind Srinivas, PDG de Perplexity, a déclaré dans un long podcast consacré au recrutement des chercheurs qu’il ne pouvait pas recruter chez Meta.',
      ],
    });
    // Today: « … des chercheurs qu’il… ».
    const tokens = tokenizeWords(description.replace(/…$/u, ''));
    expect(isFunctionWord(normalizeWord(tokens[tokens.length - 1]?.text ?? ''))).toBe(false);
  });
});
