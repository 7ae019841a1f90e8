import { readFileSync } from 'node:fs';
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { describe, expect, test } from 'vitest';
import * as module from '../../../src/lang/fr/detect-language.js';
import { detectLanguage, ISO_639_3_TO_1, MIN_LETTERS } from '../../../src/lang/fr/detect-language.js';

const FRENCH =
  'La lutte pour recruter les meilleurs talents s’intensifie alors que les entreprises, grandes et petites, ' +
  'rivalisent pour créer les meilleurs produits. Les recruteurs affirment que les géants de la technologie ' +
  'offrent des salaires que les petites entreprises ne peuvent pas égaler.';
const ENGLISH =
  'The fight to recruit the best talent is heating up as companies big and small compete to build the best ' +
  'products. Recruiters say that the tech giants offer salaries that smaller companies simply cannot match.';
const SPANISH =
  'La lucha por contratar al mejor talento se intensifica mientras las empresas, grandes y pequeñas, compiten ' +
  'por crear los mejores productos. Los reclutadores afirman que los gigantes tecnológicos ofrecen salarios ' +
  'que las empresas pequeñas no pueden igualar.';
const GERMAN =
  'Der Kampf um die besten Talente verschärft sich, da große und kleine Unternehmen darum wetteifern, die ' +
  'besten Produkte zu entwickeln. Personalvermittler sagen, dass die Technologieriesen Gehälter bieten, mit ' +
  'denen kleinere Unternehmen nicht mithalten können.';
const ARTICLE = readFileSync(new URL('../../../examples/talents-ia.txt', import.meta.url), 'utf8');

test('public API', () => {
  expect(Object.keys(module).sort()).toEqual([
    'ISO_639_3_TO_1',
    'MIN_LETTERS',
    'RELIABLE_CONFIDENCE',
    'SAMPLE_SLICES',
    'SAMPLE_SLICE_LENGTH',
    'detectLanguage',
  ]);
});

describe('detectLanguage', () => {
  test.each([
    ['French', FRENCH, 'fr', 'fra'],
    ['English', ENGLISH, 'en', 'eng'],
    ['Spanish', SPANISH, 'es', 'spa'],
    ['German', GERMAN, 'de', 'deu'],
    ['the French fixture article', ARTICLE, 'fr', 'fra'],
  ])('%s', (_name, text, language, iso6393) => {
    const guess = detectLanguage(text);
    expect(guess).toMatchObject({ language, iso6393, reliable: true });
    expect(guess.confidence).toBeGreaterThan(0.85);
    expect(guess.confidence).toBeLessThanOrEqual(1);
  });

  test.each([
    ['empty', ''],
    ['blank', '   \n  '],
    ['a few words', 'Bonjour tout le monde'],
    ['digits only', '12 345 678 910 111 213 141 516'],
    ['a URL only', 'https://www.example.com/un-article-sur-les-talents-en-intelligence-artificielle'],
  ])('%s: undetermined', (_name, text) => {
    expect(detectLanguage(text)).toEqual({ language: 'und', iso6393: 'und', confidence: 0, reliable: false });
  });

  test(`needs ${MIN_LETTERS} letters`, () => {
    expect(detectLanguage('Les talents en IA !').language).toBe('und');
    expect(detectLanguage('Les talents recrutés par les géants').language).toBe('fr');
  });

  test('a short text gets a lower confidence than a long one', () => {
    const short = detectLanguage('Les entreprises recrutent des talents.');
    expect(short.language).toBe('fr');
    expect(short.confidence).toBeLessThan(detectLanguage(FRENCH).confidence);
  });

  test.each([
    ['French then English', `${FRENCH} ${ENGLISH}`],
    ['English then French', `${ENGLISH} ${FRENCH}`],
    ['French then Spanish', `${FRENCH} ${SPANISH}`],
    [
      'one sentence of each',
      'Les entreprises recrutent des talents en intelligence artificielle. The fight to recruit the best AI talent is heating up.',
    ],
  ])('a text half in each language is not reliable: %s', (_name, text) => {
    const mixed = detectLanguage(text);
    expect(mixed.confidence).toBeLessThan(detectLanguage(FRENCH).confidence);
    expect(mixed.reliable).toBe(false);
  });

  test('a French text quoting a little English stays French', () => {
    const guess = detectLanguage(`${FRENCH} « The best talent is heating up », dit-il.`);
    expect(guess).toMatchObject({ language: 'fr', reliable: true });
  });

  test('a long text that switches language halfway is sampled on both sides', () => {
    const frenchHalf = ARTICLE.slice(0, 3500);
    const englishHalf = `${ENGLISH} `.repeat(20);
    const switched = detectLanguage(`${frenchHalf}\n${englishHalf}`);
    // Only the first 2,048 characters would say « French, sure ».
    expect(switched.confidence).toBeLessThan(detectLanguage(frenchHalf).confidence);
  });

  test('URLs and e-mail addresses do not sway the guess', () => {
    const text = `${FRENCH} https://www.example.com/the-best-english-words-ever contact: hello.world@example.com`;
    expect(detectLanguage(text).language).toBe('fr');
  });

  test('a language decided by its script alone has confidence 1', () => {
    expect(detectLanguage('日本語のテキストはここにあります。これは日本語の文章です。')).toMatchObject({
      language: 'ja',
      iso6393: 'jpn',
      confidence: 1,
      reliable: true,
    });
  });
});

describe('ISO_639_3_TO_1', () => {
  test('maps the languages that matter', () => {
    expect(ISO_639_3_TO_1).toMatchObject({
      fra: 'fr',
      eng: 'en',
      spa: 'es',
      deu: 'de',
      ita: 'it',
      por: 'pt',
      nld: 'nl',
    });
  });

  test('covers every language franc-min knows that has an ISO 639-1 code', () => {
    // These have no ISO 639-1 code: their ISO 639-3 code is kept.
    const without = ['bho', 'ceb', 'hms', 'hnj', 'ilo', 'mad', 'mag', 'mai', 'skr'];
    // Languages told apart by trigrams, within a script, plus languages that have a script of their own.
    const known = new Set(Object.values(data).flatMap((languages) => Object.keys(languages)));
    for (const script of Object.keys(expressions)) if (!(script in data)) known.add(script);
    for (const code of known) {
      if (without.includes(code)) expect(ISO_639_3_TO_1[code], code).toBeUndefined();
      else expect(ISO_639_3_TO_1[code], code).toMatch(/^[a-z]{2}$/);
    }
  });
});
