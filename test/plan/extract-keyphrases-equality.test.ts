import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { ingest } from '../../src/ingest/ingest.js';
import { sharedLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';
import { extractKeyphrases } from '../../src/plan/extract-keyphrases.js';
import { equalityTexts } from '../helpers/equality-texts.js';
import { extractKeyphrases as extractKeyphrasesBefore } from './reference/extract-keyphrases-before.js';

// The extraction was made cheaper (fewer allocations per n-gram, scores computed only for the candidates
// that can rank): it must rank exactly as the version it replaced, kept as the oracle in `reference/`.
describe('extractKeyphrases matches the version it replaced', () => {
  it.each(equalityTexts())('$name', async ({ name, text }) => {
    const format = name.endsWith('.html') ? 'html' : name.endsWith('.md') ? 'markdown' : 'text';
    const document = await ingest(text, { format });
    const analysis = analyze(document, { keyphrase: null });
    for (const options of [{}, { limit: 12, lexicon: sharedLefffLexicon() }, { limit: 40, maxWords: 5 }]) {
      expect(extractKeyphrases(analysis, options)).toEqual(extractKeyphrasesBefore(analysis, options));
    }
  });
});
