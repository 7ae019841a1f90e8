import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as analyzeModule from '../../src/analyze/analyze.js';
import { analyze, analyzeReusing } from '../../src/analyze/analyze.js';
import { ingest } from '../../src/ingest/ingest.js';
import { optimize } from '../../src/optimize.js';
import { polishTree } from '../../src/write/polish-article.js';
import { seededRandom } from '../helpers/seeded-random.js';

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

  it('segments a retyped paragraph as a full analysis does, an apostrophe opening a sentence included', async () => {
    // « fin. 'Tain » starts a sentence at the straight apostrophe; « fin. ’Tain » does not: a retyped
    // paragraph cannot take its source paragraph's sentence cuts as they are.
    const sourceText = [
      "Il l'a dit. C'est l'heure, d'après lui. Puis il est parti.",
      "C'était la fin. 'Tain, quelle journée ! Elle rit.",
      'Un prix de 100 000 euros. Ensuite, plus rien : le calme.',
    ].join('\n\n');
    const retyped = sourceText
      .replaceAll("'", '’')
      .replaceAll('100 000', '100\u202f000')
      .replace(' :', '\u00a0:');
    const source = await ingest(sourceText, { format: 'markdown' });
    const draft = await ingest(retyped, { format: 'markdown' });
    const sourceAnalysis = analyze(source);
    const full = analyze(draft);
    expect(analyzeReusing(draft, {}, sourceAnalysis)).toEqual(full);
    // The case is worth testing: the source and the draft cut the second paragraph differently.
    const cuts = (analysis: typeof full) => analysis.sentences.map((sentence) => sentence.text.length);
    expect(cuts(full)).not.toEqual(cuts(sourceAnalysis));
  });

  it('analyses random retypings of the corpus paragraphs as a full analysis does', async () => {
    const corpusRoot = new URL('../corpus/', import.meta.url);
    const paragraphs = readdirSync(corpusRoot, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.startsWith('fr-md-'))
      .flatMap((entry) =>
        readFileSync(new URL(`${entry.name}/source.md`, corpusRoot), 'utf8')
          .split(/\n{2,}/u)
          .filter((paragraph) => /^\p{L}/u.test(paragraph) && /[.!?] \p{Lu}/u.test(paragraph)),
      );
    expect(paragraphs.length).toBeGreaterThan(40);
    const { next } = seededRandom(7);
    // Apostrophes and the four spaces swapped at random; now and then a straight apostrophe opening a
    // sentence (« fin. 'tain »), where the two spellings cut differently.
    const retype = (text: string) =>
      text
        .replace(/['’]/gu, () => (next() < 0.5 ? "'" : '’'))
        .replace(
          /[ \u00a0\u202f\u2009]/gu,
          () => [' ', ' ', '\u00a0', '\u202f', '\u2009'][Math.floor(next() * 5)] as string,
        )
        .replace(/([.!?]) (\p{Lu})/gu, (whole, mark, letter) =>
          next() < 0.1 ? `${mark} '${letter}` : whole,
        );
    let retypedParagraphs = 0;
    for (let round = 0; round < 40; round += 1) {
      const chosen = Array.from(
        { length: 6 },
        () => paragraphs[Math.floor(next() * paragraphs.length)] as string,
      );
      const sourceText = chosen.map(retype).join('\n\n');
      const draftText = sourceText
        .split('\n\n')
        .map((paragraph) =>
          next() < 0.8 ? paragraph.replace(/['’]/gu, () => (next() < 0.5 ? "'" : '’')) : paragraph,
        )
        .join('\n\n');
      const source = await ingest(sourceText, { format: 'markdown' });
      const draft = await ingest(draftText, { format: 'markdown' });
      const sourceAnalysis = analyze(source);
      const full = analyze(draft);
      expect(analyzeReusing(draft, {}, sourceAnalysis)).toEqual(full);
      retypedParagraphs += full.blocks.filter(
        (block) =>
          block.kind === 'paragraph' && !sourceAnalysis.blocks.some((known) => known.text === block.text),
      ).length;
    }
    // The case is worth testing: many paragraphs differ from the source's by their typography alone.
    expect(retypedParagraphs).toBeGreaterThan(100);
  });
});
