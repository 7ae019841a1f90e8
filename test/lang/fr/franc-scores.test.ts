import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { francAll } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { francScores } from '../../../src/lang/fr/franc-scores.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every corpus source and golden input, whole: the texts Plume reads. */
function corpusTexts(): string[] {
  const texts: string[] = [];
  for (const folder of ['test/corpus', 'test/golden']) {
    for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const directory = join(ROOT, folder, entry.name);
      for (const file of readdirSync(directory)) {
        if (/^(?:source|input)\.(?:txt|md|html)$/u.test(file))
          texts.push(readFileSync(join(directory, file), 'utf8'));
      }
    }
  }
  return texts;
}

/** Pieces of `text`: slices of several lengths from several places, as detectLanguage samples it. */
function slicesOf(text: string): string[] {
  const slices: string[] = [];
  for (const length of [12, 40, 120, 300, 1200, 2500]) {
    for (let start = 0; start < text.length; start += Math.max(length, Math.floor(text.length / 7))) {
      slices.push(text.slice(start, start + length));
    }
  }
  return slices;
}

describe('francScores gives franc-min’s scores', () => {
  const texts = corpusTexts();

  it('reads the corpus', () => {
    expect(texts.length).toBeGreaterThan(20);
  });

  it('on every corpus text and slices of it: same languages, same order, same scores', () => {
    let compared = 0;
    for (const text of texts) {
      for (const sample of [text, ...slicesOf(text)]) {
        expect(francScores(sample)).toEqual(francAll(sample, { minLength: 1 }));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it.each([
    '',
    '   ',
    '1234 5678 !!!',
    'Съешь же ещё этих мягких французских булок, да выпей чаю.',
    'Η γρήγορη καφέ αλεπού πηδά πάνω από το τεμπέλικο σκυλί.',
    '日本語の文章はひらがなとカタカナと漢字で書かれています。',
    '中文的句子通常没有空格分隔词语。',
    'هذه جملة مكتوبة باللغة العربية للاختبار.',
    'यह हिंदी में लिखा गया एक वाक्य है।',
    'Der schnelle braune Fuchs springt über den faulen Hund.',
    'The quick brown fox jumps over the lazy dog and keeps running.',
    'El veloz murciélago hindú comía feliz cardillo y kiwi.',
    'Mixed: le chat est sur la table, the cat is on the table, el gato está en la mesa.',
  ])('%j', (text) => {
    expect(francScores(text)).toEqual(francAll(text, { minLength: 1 }));
  });
});
