import { describe, expect, it } from 'vitest';
import { analyze, analyzeReusing } from '../../src/analyze/analyze.js';
import { ingest } from '../../src/ingest/ingest.js';
import { tokenizeWords } from '../../src/lang/fr/tokenize-words.js';
import { sharedLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';
import { nounPhrases } from '../../src/plan/headline-from-sentence.js';
import { sentenceTokens } from '../../src/plan/plan-outline.js';
import { polishTree } from '../../src/write/polish-article.js';
import { equalityTexts } from '../helpers/equality-texts.js';

// Heading candidates read a sentence's tokens from the analysis instead of tokenizing it again: they must
// be the tokens `tokenizeWords` gives, in a fresh analysis and in one that reuses a source's sentences (a
// polished draft), and the noun phrases read from them the same.
describe('sentenceTokens', () => {
  it.each(equalityTexts())('$name', async ({ name, text }) => {
    const format = name.endsWith('.html') ? 'html' : name.endsWith('.md') ? 'markdown' : 'text';
    const document = await ingest(text, { format });
    const source = analyze(document, { keyphrase: null });
    const polished = polishTree(document.tree).tree;
    const draft = analyzeReusing({ format: 'markdown', tree: polished, metadata: {} }, {}, source);
    const lexicon = sharedLefffLexicon();
    for (const analysis of [source, draft]) {
      for (const sentence of analysis.sentences) {
        const tokens = sentenceTokens(sentence, analysis);
        expect(tokens).toEqual(tokenizeWords(sentence.text));
        expect(nounPhrases(sentence.text, { lexicon, tokens })).toEqual(
          nounPhrases(sentence.text, { lexicon }),
        );
      }
    }
  });
});
