import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as analyzeModule from '../../src/analyze/analyze.js';
import { analyze, analyzeReusing } from '../../src/analyze/analyze.js';
import { ingest } from '../../src/ingest/ingest.js';
import { optimize } from '../../src/optimize.js';
import { polishTree } from '../../src/write/polish-article.js';

const goldenRoot = new URL('../golden/', import.meta.url);

/** Every golden's input: French and English, text, Markdown and HTML. */
function goldenInputs(): { name: string; text: string; format: 'text' | 'markdown' | 'html' }[] {
  return readdirSync(goldenRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const file = readdirSync(new URL(`${entry.name}/`, goldenRoot)).find((name) =>
        name.startsWith('input.'),
      );
      if (file === undefined) return [];
      const extension = file.slice('input.'.length);
      const format = extension === 'md' ? 'markdown' : extension === 'html' ? 'html' : 'text';
      return [
        {
          name: entry.name,
          text: readFileSync(new URL(`${entry.name}/${file}`, goldenRoot), 'utf8'),
          format,
        },
      ];
    });
}

describe('analyzeReusing', () => {
  it('is exported beside analyze', () => {
    expect(Object.keys(analyzeModule)).toContain('analyzeReusing');
  });

  it.each(goldenInputs())(
    'analyses the optimized draft of $name exactly as a full analysis does, reusing its source',
    async ({ text, format }) => {
      const source = await ingest(text, { format });
      const sourceAnalysis = analyze(source);
      const result = await optimize(source, { date: '2024-03-25' });
      const draft = await ingest(result.markdown, { format: 'markdown' });
      const options = { keyphrase: result.plan.keyphrase, title: result.plan.title };
      const reused = analyzeReusing(draft, options, sourceAnalysis);
      const full = analyze(draft, options);
      expect(reused).toEqual(full);
      // Same keys in the same order: the report serializes analyses.
      expect(JSON.stringify(reused)).toBe(JSON.stringify(full));
    },
  );

  it('gives the full analysis when the blocks move, repeat, change or vanish', async () => {
    const text = readFileSync(new URL('../../examples/talents-ia.txt', import.meta.url), 'utf8');
    const source = await ingest(text, { format: 'text' });
    const paragraphs = text.split('\n').filter((line) => line.trim().length > 0);
    const edited = [
      '# Les talents en IA',
      ...paragraphs.slice(5, 9),
      '## D’abord, les salaires',
      paragraphs[3] ?? '',
      paragraphs[3] ?? '',
      `${paragraphs[4] ?? ''} Une phrase de plus.`,
      '## Les talents en IA',
      ...paragraphs.slice(10).reverse(),
    ].join('\n\n');
    const draft = await ingest(edited, { format: 'markdown' });
    const options = { keyphrase: 'talents en IA' };
    const sourceAnalysis = analyze(source, options);
    expect(analyzeReusing(draft, options, sourceAnalysis)).toEqual(analyze(draft, options));
    // The case is worth testing: most sentences are the source's, a few are not.
    const sourceSentences = new Set(sourceAnalysis.sentences.map((sentence) => sentence.text));
    const draftSentences = analyze(draft, options).sentences;
    const shared = draftSentences.filter((sentence) => sourceSentences.has(sentence.text)).length;
    expect(shared).toBeGreaterThan(20);
    expect(shared).toBeLessThan(draftSentences.length);
    // And with itself as the previous analysis (every block reused), or an unrelated one (none).
    const draftAnalysis = analyze(draft, options);
    expect(analyzeReusing(draft, options, draftAnalysis)).toEqual(draftAnalysis);
    const unrelated = analyze(await ingest('Un tout autre texte, bref.', { format: 'text' }));
    expect(analyzeReusing(draft, options, unrelated)).toEqual(draftAnalysis);
  });

  it('reads a sentence the polish only retyped (apostrophes, no-break spaces) as a full analysis does', async () => {
    // Straight apostrophes, plain spaces in numbers and before signs, no-break spaces between words:
    // the polish changes them all, so the draft's sentences are the source's but for their typography.
    const text = [
      "L'IA coûte 100 000 euros par an, d'après l'étude ; aujourd'hui c'est ainsi.",
      'Les talents\u00a0en IA sont rares : 4 % des candidats, soit 12 345 personnes, sont qualifiés !',
      "Il a été recruté par l'entreprise, puis il l'a quittée. Cependant, qu'en est-il des autres ?",
      "Voir https://exemple.fr/l'article pour plus d'informations. A l'heure actuelle, rien ne change.",
    ].join('\n\n');
    const examples = [
      text,
      readFileSync(new URL('../../examples/talents-ia.txt', import.meta.url), 'utf8'),
      ...goldenInputs()
        .filter((input) => input.format === 'text')
        .map((input) => input.text),
    ];
    let retyped = 0;
    for (const example of examples) {
      const source = await ingest(example, { format: 'text' });
      const sourceAnalysis = analyze(source);
      const polished = polishTree(source.tree);
      const draft = { format: 'markdown' as const, tree: polished.tree, metadata: {} };
      const reused = analyzeReusing(draft, {}, sourceAnalysis);
      const full = analyze(draft, {});
      expect(reused).toEqual(full);
      expect(JSON.stringify(reused)).toBe(JSON.stringify(full));
      const written = new Set(sourceAnalysis.sentences.map((sentence) => sentence.text));
      retyped += full.sentences.filter((sentence) => !written.has(sentence.text)).length;
    }
    // The case is worth testing: many sentences differ from the source's by their typography alone.
    expect(retyped).toBeGreaterThan(50);
  });
});
