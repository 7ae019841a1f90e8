import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { checkCoverage } from '../../src/audit/check-coverage.js';
import { checkHardConstraints } from '../../src/audit/check-hard-constraints.js';
import { comparableSentence } from '../../src/audit/comparable-sentence.js';
import type { Document } from '../../src/document.js';
import { parseText } from '../../src/ingest/parse-text.js';

function analysisOf(text: string) {
  const document: Document = parseText(text);
  return analyze(document);
}

const SOURCE = [
  'Au sommet du Ventoux à 82 ans',
  "Depuis que je fais du VTT, je n'avais jamais tenté le Ventoux. Il me fallait un défi.",
  'Nous sommes partis à six heures du matin depuis Bédoin.',
].join('\n');

describe('checkCoverage', () => {
  it('finds every source sentence, title included, whatever the typography', () => {
    const output = analysisOf(
      'Au sommet du Ventoux à 82 ans\nDepuis que je fais du VTT, je n’avais jamais tenté le Ventoux. Il me fallait un défi.\nNous sommes partis à six heures du matin depuis Bédoin.',
    );
    const result = checkCoverage(output, analysisOf(SOURCE));
    expect(result).toMatchObject({ passed: true, sourceSentences: 4, covered: 4, missing: [] });
  });

  it('names the sentences the article lost', () => {
    const output = analysisOf(
      'Au sommet du Ventoux à 82 ans\nDepuis que je fais du VTT, je n’avais jamais tenté le Ventoux.',
    );
    const result = checkCoverage(output, analysisOf(SOURCE));
    expect(result.passed).toBe(false);
    expect(result.missing).toEqual([
      'Il me fallait un défi.',
      'Nous sommes partis à six heures du matin depuis Bédoin.',
    ]);
  });

  it('makes a lost sentence fail the coverage hard constraint, with the sentence quoted', () => {
    const source = analysisOf(SOURCE);
    const output = analysisOf(
      'Au sommet du Ventoux à 82 ans\nNous sommes partis à six heures du matin depuis Bédoin.',
    );
    const coverage = checkCoverage(output, source);
    const constraints = checkHardConstraints({
      analysis: output,
      report: { results: [] } as never,
      fidelity: { passed: true, checked: { figure: 0, quote: 0, name: 0 }, issues: [] },
      coverage,
      config: {
        minWords: 1,
        subheadingDistribution: { maxWords: 300 },
        titleWidth: { maxPixels: 600 },
        metaDescription: { minCharacters: 120, maxCharacters: 156 },
      } as never,
      keyphrase: 'ventoux',
      writerCanRewrite: false,
    });
    const result = constraints.find((constraint) => constraint.id === 'coverage');
    expect(result?.passed).toBe(false);
    expect(result?.message).toContain('2 phrases de la source sur 4 absentes de l’article');
    expect(result?.message).toContain('« Il me fallait un défi. »');
  });
});

describe('checkCoverage and accented capitals', () => {
  it('finds « A quoi bon » written « À quoi bon » by the polish, but not a changed lower-case accent', () => {
    const source = analysisOf('A quoi bon tout cela ? Il a eu tort.');
    expect(checkCoverage(analysisOf('À quoi bon tout cela ? Il a eu tort.'), source).missing).toEqual([]);
    expect(checkCoverage(analysisOf('A quoi bon tout cela ? Il à eu tort.'), source).missing).toEqual([
      'Il a eu tort.',
    ]);
  });
});

describe('checkCoverage, sentences and headings looked up before the whole text', () => {
  /** The definition: a source unit is covered when its words are a run of the article's words. */
  function missingByDefinition(output: ReturnType<typeof analysisOf>, source: ReturnType<typeof analysisOf>) {
    const text = ` ${comparableSentence(output.text)} `;
    const units = source.blocks.flatMap((block) =>
      block.kind === 'heading'
        ? [block.text]
        : source.sentences.slice(block.sentenceStart, block.sentenceEnd).map((sentence) => sentence.text),
    );
    return units
      .filter((unit) => comparableSentence(unit).replace(/ /g, '').length >= 3)
      .filter((unit) => !text.includes(` ${comparableSentence(unit)} `))
      .map((unit) => unit.trim());
  }

  it.each([
    // The title kept as a heading, a sentence split in two, one dropped, one joined to the next.
    [
      SOURCE,
      [
        '# Au sommet du Ventoux à 82 ans',
        '',
        'Depuis que je fais du VTT, je n’avais jamais tenté le Ventoux.',
        '',
        'Nous sommes partis à six heures du matin depuis Bédoin.',
      ].join('\n'),
    ],
    [
      SOURCE,
      'Au sommet du Ventoux à 82 ans. Il me fallait un défi. Nous sommes partis à six heures du matin.',
    ],
    [SOURCE, SOURCE],
  ])('finds what the definition finds (%#)', (sourceText, outputText) => {
    const source = analysisOf(sourceText);
    const output = analysisOf(outputText);
    expect(checkCoverage(output, source).missing).toEqual(missingByDefinition(output, source));
  });
});
