import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { ingest } from '../../src/ingest/ingest.js';
import { sharedLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';
import { buildMetaDescription } from '../../src/plan/build-meta-description.js';
import { extractKeyphrases } from '../../src/plan/extract-keyphrases.js';
import { equalityTexts } from '../helpers/equality-texts.js';
import { buildMetaDescription as buildMetaDescriptionBefore } from './reference/build-meta-description-before.js';

// The candidate search now sums the lengths of a run's parts instead of building every combination: it
// must choose exactly as the version it replaced, kept as the oracle in `reference/`.
describe('buildMetaDescription matches the version it replaced', () => {
  it.each(equalityTexts())('$name', async ({ name, text }) => {
    const format = name.endsWith('.html') ? 'html' : name.endsWith('.md') ? 'markdown' : 'text';
    const analysis = analyze(await ingest(text, { format }), { keyphrase: null });
    const all = analysis.sentences.map((sentence) => sentence.text);
    const keyphrases = extractKeyphrases(analysis, { limit: 2 }).map((candidate) => candidate.phrase);
    // Windows of the text, so that every sentence is in some lead.
    const windows = [all];
    for (let start = 0; start < all.length; start += 6) windows.push(all.slice(start, start + 10));
    let compared = 0;
    for (const keyphrase of [...keyphrases, 'mot absent']) {
      for (const sentences of windows) {
        for (const bounds of [{}, { minLength: 80, maxLength: 120 }, { minLength: 150, maxLength: 300 }]) {
          for (const lexicon of [undefined, sharedLefffLexicon()]) {
            const options = { keyphrase, sentences, ...bounds, ...(lexicon ? { lexicon } : {}) };
            expect(buildMetaDescription(options)).toBe(buildMetaDescriptionBefore(options));
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('on sentences with markers and irregular spaces', () => {
    const sentences = [
      '- Les talents en IA\u00a0sont rares  et chers, selon les recruteurs du secteur technologique.',
      '> Les startups\tpeinent à recruter des talents en IA face aux géants\u202f!',
      ' Les salaires des talents en IA dépassent désormais un million de dollars par an. ',
      '•  Une pénurie\nqui touche aussi les petites entreprises, dit-on, depuis deux ans.',
      'Les talents en IA, cofondateurs de startups, quittent les laboratoires pour Microsoft.',
    ];
    for (const order of [sentences, [...sentences].reverse()]) {
      for (const bounds of [{}, { minLength: 60, maxLength: 100 }]) {
        const options = { keyphrase: 'talents en IA', sentences: order, ...bounds };
        expect(buildMetaDescription(options)).toBe(buildMetaDescriptionBefore(options));
      }
    }
  });
});
