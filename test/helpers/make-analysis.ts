import type { Analysis, AnalyzedSentence, Block, KeyphraseAnalysis } from '../../src/analyze/analysis.js';

/** A neutral analysis (empty article) that tests override field by field. */
export function makeAnalysis(overrides: Partial<Analysis> = {}): Analysis {
  return {
    format: 'markdown',
    text: '',
    blocks: [],
    sentences: [],
    words: [],
    headings: [],
    sections: [],
    introductionBlock: null,
    headingLikeLines: [],
    links: [],
    images: [],
    metadata: { title: null, titleWidth: 0, description: null, slug: null },
    keyphrase: null,
    language: { language: 'fr', iso6393: 'fra', confidence: 1, reliable: true },
    typography: [],
    facts: { figures: [], quotes: [], names: [] },
    statistics: { bodyWords: 0, sentences: 0, syllables: 0, paragraphs: 0, fleschReadingEase: 0 },
    ...overrides,
  };
}

/** A keyphrase analysis with nothing found, to override. */
export function makeKeyphrase(overrides: Partial<KeyphraseAnalysis> = {}): KeyphraseAnalysis {
  return {
    keyphrase: {
      text: 'talents en IA',
      words: ['talents', 'en', 'ia'],
      contentWords: ['talents', 'ia'],
      contentStems: ['talent', 'ia'],
    },
    synonyms: [],
    inTitle: null,
    inDescription: {
      exact: false,
      exactIndex: -1,
      allContentWords: false,
      contentWordsFound: 0,
      occurrences: 0,
    },
    inSlug: null,
    inIntroduction: null,
    inSubheadings: [],
    bodyOccurrences: 0,
    synonymOccurrences: 0,
    marks: [],
    inImageAlts: 0,
    inLinkTexts: [],
    ...overrides,
  };
}

/** Sentences with the given word counts and first words, in one block. */
export function makeSentences(
  specs: readonly {
    words: number;
    first?: string;
    passive?: boolean;
    transition?: boolean;
    block?: number;
  }[],
): AnalyzedSentence[] {
  let offset = 0;
  return specs.map((spec) => {
    const start = offset;
    offset += spec.words * 6;
    return {
      text: 'x'.repeat(spec.words * 6 - 1),
      start,
      end: offset - 1,
      blockIndex: spec.block ?? 0,
      wordStart: 0,
      wordEnd: 0,
      wordCount: spec.words,
      syllableCount: spec.words * 2,
      firstWord: spec.first ?? `mot${start}`,
      transitions: spec.transition
        ? [{ phrase: 'cependant', category: 'opposition', start, end: start + 9 }]
        : [],
      passive: spec.passive ? { start, end: start + 5 } : null,
    };
  });
}

/** A block of the given kind and word count. */
export function makeBlock(index: number, kind: Block['kind'], wordCount: number, depth = 0): Block {
  return {
    index,
    kind,
    depth,
    nodeIndex: index,
    text: 'x',
    start: index * 10,
    end: index * 10 + 5,
    sentenceStart: 0,
    sentenceEnd: 0,
    wordCount,
  };
}
