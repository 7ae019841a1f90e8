import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analyze/analysis.js';
import type { Assessment } from '../../src/audit/assessment.js';
import { ASSESSMENTS } from '../../src/audit/assessments/index.js';
import { DEFAULT_AUDIT_CONFIG, mergeAuditConfig } from '../../src/audit/audit-config.js';
import { renderMessage } from '../../src/audit/messages-fr.js';
import { makeAnalysis, makeBlock, makeKeyphrase, makeSentences } from '../helpers/make-analysis.js';

interface Case {
  name: string;
  analysis: Analysis;
  applicable?: boolean;
  score?: number;
  messageId?: string;
  marks?: number;
}

const byId = (id: string): Assessment => {
  const found = ASSESSMENTS.find((assessment) => assessment.id === id);
  if (!found) throw new Error(`no assessment ${id}`);
  return found;
};

const body = (bodyWords: number, extra: Partial<Analysis['statistics']> = {}) => ({
  statistics: { bodyWords, sentences: 10, syllables: 0, paragraphs: 5, fleschReadingEase: 60, ...extra },
});

const metadata = (title: string | null, description: string | null = null, titleWidth = 450) => ({
  metadata: { title, titleWidth, description, slug: null },
});

/** A link of the given text and kind, its span at the start of the text. */
const link = (text: string, kind: 'internal' | 'outbound' | 'anchor') => ({
  url: kind === 'anchor' ? '#a' : 'https://example.org/a',
  text,
  kind,
  span: { start: 0, end: text.length },
});

const TABLE: Record<string, Case[]> = {
  'keyphrase-length': [
    { name: 'no keyphrase', analysis: makeAnalysis(), score: 1, messageId: 'keyphrase-length.missing' },
    { name: 'two content words', analysis: makeAnalysis({ keyphrase: makeKeyphrase() }), score: 9 },
    {
      name: 'six content words',
      analysis: makeAnalysis({
        keyphrase: makeKeyphrase({
          keyphrase: {
            text: 'a b c d e f',
            words: [],
            contentWords: ['a', 'b', 'c', 'd', 'e', 'f'],
            contentStems: [],
          },
        }),
      }),
      score: 6,
      messageId: 'keyphrase-length.long',
    },
  ],
  'keyphrase-in-title': [
    { name: 'no keyphrase', analysis: makeAnalysis(metadata('Titre')), applicable: false },
    { name: 'no title', analysis: makeAnalysis({ keyphrase: makeKeyphrase() }), applicable: false },
    {
      name: 'exact at start',
      analysis: makeAnalysis({
        ...metadata('Talents en IA : la guerre'),
        keyphrase: makeKeyphrase({
          inTitle: { exact: true, exactIndex: 0, allContentWords: true, contentWordsFound: 2 },
        }),
      }),
      score: 9,
    },
    {
      name: 'exact after function words only (« Le sommeil des adolescents, … »), as Yoast SEO counts it',
      analysis: makeAnalysis({
        ...metadata('Le sommeil des adolescents, grand oublié'),
        keyphrase: makeKeyphrase({
          inTitle: { exact: true, exactIndex: 3, allContentWords: true, contentWordsFound: 2 },
        }),
      }),
      score: 9,
    },
    {
      name: 'exact later',
      analysis: makeAnalysis({
        ...metadata('La guerre des talents en IA'),
        keyphrase: makeKeyphrase({
          inTitle: { exact: true, exactIndex: 14, allContentWords: true, contentWordsFound: 2 },
        }),
      }),
      score: 6,
      messageId: 'keyphrase-in-title.not-start',
    },
    {
      name: 'absent',
      analysis: makeAnalysis({
        ...metadata('Autre chose'),
        keyphrase: makeKeyphrase({
          inTitle: { exact: false, exactIndex: -1, allContentWords: false, contentWordsFound: 0 },
        }),
      }),
      score: 2,
    },
  ],
  'title-width': [
    { name: 'missing', analysis: makeAnalysis(), score: 1 },
    { name: 'fits', analysis: makeAnalysis(metadata('x', null, 540)), score: 9 },
    {
      name: 'too wide',
      analysis: makeAnalysis(metadata('x', null, 640)),
      score: 3,
      messageId: 'title-width.too-wide',
    },
    { name: 'short', analysis: makeAnalysis(metadata('x', null, 120)), score: 6 },
  ],
  'meta-description-length': [
    { name: 'missing', analysis: makeAnalysis(), score: 1 },
    { name: 'in range', analysis: makeAnalysis(metadata('t', 'é'.repeat(140))), score: 9 },
    {
      name: 'counts characters, not bytes',
      analysis: makeAnalysis(metadata('t', 'é'.repeat(156))),
      score: 9,
    },
    {
      name: 'too long',
      analysis: makeAnalysis(metadata('t', 'a'.repeat(157))),
      score: 6,
      messageId: 'meta-description-length.long',
    },
    {
      name: 'too short',
      analysis: makeAnalysis(metadata('t', 'a'.repeat(80))),
      score: 6,
      messageId: 'meta-description-length.short',
    },
  ],
  'keyphrase-in-meta-description': [
    {
      name: 'once',
      analysis: makeAnalysis({
        ...metadata('t', 'd'),
        keyphrase: makeKeyphrase({
          inDescription: {
            exact: true,
            exactIndex: 0,
            allContentWords: true,
            contentWordsFound: 2,
            occurrences: 1,
          },
        }),
      }),
      score: 9,
    },
    {
      name: 'three times',
      analysis: makeAnalysis({
        ...metadata('t', 'd'),
        keyphrase: makeKeyphrase({
          inDescription: {
            exact: true,
            exactIndex: 0,
            allContentWords: true,
            contentWordsFound: 2,
            occurrences: 3,
          },
        }),
      }),
      score: 3,
      messageId: 'keyphrase-in-meta-description.too-many',
    },
    {
      name: 'absent',
      analysis: makeAnalysis({ ...metadata('t', 'd'), keyphrase: makeKeyphrase() }),
      score: 3,
    },
  ],
  'keyphrase-in-slug': [
    {
      name: 'no slug',
      analysis: makeAnalysis({ keyphrase: makeKeyphrase() }),
      score: 3,
      messageId: 'keyphrase-in-slug.missing',
    },
    {
      name: 'all words',
      analysis: makeAnalysis({ keyphrase: makeKeyphrase({ inSlug: { contentWordsFound: 2, total: 2 } }) }),
      score: 9,
    },
    {
      name: 'half',
      analysis: makeAnalysis({ keyphrase: makeKeyphrase({ inSlug: { contentWordsFound: 1, total: 2 } }) }),
      score: 6,
    },
    {
      name: 'none',
      analysis: makeAnalysis({ keyphrase: makeKeyphrase({ inSlug: { contentWordsFound: 0, total: 2 } }) }),
      score: 3,
    },
  ],
  'keyphrase-in-introduction': [
    {
      name: 'one sentence',
      analysis: makeAnalysis({
        keyphrase: makeKeyphrase({
          inIntroduction: { inOneSentence: true, inParagraph: true, synonym: false },
        }),
      }),
      score: 9,
    },
    {
      name: 'spread',
      analysis: makeAnalysis({
        keyphrase: makeKeyphrase({
          inIntroduction: { inOneSentence: false, inParagraph: true, synonym: false },
        }),
      }),
      score: 6,
    },
    {
      name: 'absent',
      analysis: makeAnalysis({
        introductionBlock: 0,
        blocks: [makeBlock(0, 'paragraph', 40)],
        keyphrase: makeKeyphrase({
          inIntroduction: { inOneSentence: false, inParagraph: false, synonym: false },
        }),
      }),
      score: 3,
      marks: 1,
    },
  ],
  'keyphrase-density': [
    {
      name: 'short text',
      analysis: makeAnalysis({ ...body(50), keyphrase: makeKeyphrase() }),
      applicable: false,
    },
    { name: 'absent', analysis: makeAnalysis({ ...body(1000), keyphrase: makeKeyphrase() }), score: 2 },
    {
      name: 'one percent',
      analysis: makeAnalysis({ ...body(1000), keyphrase: makeKeyphrase({ bodyOccurrences: 10 }) }),
      score: 9,
    },
    // Plain occurrences against the minimum: 4 / 1000 = 0.4 %, although 2 words × 4 = 0.8 %.
    {
      name: 'two-word keyphrase, 4 times in 1000 words',
      analysis: makeAnalysis({ ...body(1000), keyphrase: makeKeyphrase({ bodyOccurrences: 4 }) }),
      score: 4,
      messageId: 'keyphrase-density.low',
    },
    // Occurrences × content words against the maximum: 2 × 16 / 1000 = 3.2 %.
    {
      name: 'two-word keyphrase, 16 times in 1000 words',
      analysis: makeAnalysis({ ...body(1000), keyphrase: makeKeyphrase({ bodyOccurrences: 16 }) }),
      score: 0,
      messageId: 'keyphrase-density.high',
    },
    {
      name: 'low',
      analysis: makeAnalysis({ ...body(1000), keyphrase: makeKeyphrase({ bodyOccurrences: 2 }) }),
      score: 4,
    },
    {
      name: 'too dense counting its words',
      analysis: makeAnalysis({ ...body(1000), keyphrase: makeKeyphrase({ bodyOccurrences: 20 }) }),
      score: 0,
      messageId: 'keyphrase-density.high',
    },
    // Plain occurrences above the maximum: 40 / 1000 = 4 %.
    {
      name: 'stuffed',
      analysis: makeAnalysis({ ...body(1000), keyphrase: makeKeyphrase({ bodyOccurrences: 40 }) }),
      score: 0,
      messageId: 'keyphrase-density.stuffing',
    },
  ],
  'keyphrase-in-subheadings': [
    {
      name: 'no subheadings, short text',
      analysis: makeAnalysis({ ...body(300), keyphrase: makeKeyphrase() }),
      applicable: false,
    },
    {
      name: 'no subheadings, 301 words',
      analysis: makeAnalysis({ ...body(301), keyphrase: makeKeyphrase() }),
      score: 2,
      messageId: 'keyphrase-in-subheadings.no-subheadings',
    },
    {
      name: 'the only subheading has it',
      analysis: makeAnalysis({
        keyphrase: makeKeyphrase({ inSubheadings: [{ blockIndex: 0, found: true }] }),
      }),
      score: 9,
    },
    {
      name: 'half',
      analysis: makeAnalysis({
        blocks: [makeBlock(0, 'heading', 3, 2), makeBlock(1, 'heading', 3, 2)],
        keyphrase: makeKeyphrase({
          inSubheadings: [
            { blockIndex: 0, found: true },
            { blockIndex: 1, found: false },
          ],
        }),
      }),
      score: 9,
      marks: 1,
    },
    {
      name: 'all four',
      analysis: makeAnalysis({
        keyphrase: makeKeyphrase({
          inSubheadings: [0, 1, 2, 3].map((blockIndex) => ({ blockIndex, found: true })),
        }),
      }),
      score: 3,
      messageId: 'keyphrase-in-subheadings.many',
    },
    {
      name: 'one of five',
      analysis: makeAnalysis({
        keyphrase: makeKeyphrase({
          inSubheadings: [0, 1, 2, 3, 4].map((blockIndex) => ({ blockIndex, found: blockIndex === 0 })),
        }),
      }),
      score: 3,
      messageId: 'keyphrase-in-subheadings.few',
    },
  ],
  'single-h1': [
    { name: 'none', analysis: makeAnalysis(), score: 6 },
    {
      name: 'one',
      analysis: makeAnalysis({ headings: [{ text: 'T', start: 0, end: 1, blockIndex: 0, depth: 1 }] }),
      score: 8,
    },
    {
      name: 'two',
      analysis: makeAnalysis({
        headings: [
          { text: 'T', start: 0, end: 1, blockIndex: 0, depth: 1 },
          { text: 'U', start: 3, end: 4, blockIndex: 1, depth: 1 },
        ],
      }),
      score: 2,
      marks: 1,
    },
  ],
  'text-length': [
    { name: 'enough', analysis: makeAnalysis(body(700)), score: 9 },
    { name: 'short', analysis: makeAnalysis(body(600)), score: 6 },
    { name: 'too short', analysis: makeAnalysis(body(350)), score: 3 },
    { name: 'far too short', analysis: makeAnalysis(body(250)), score: 1 },
    { name: 'thin', analysis: makeAnalysis(body(199)), score: 0, messageId: 'text-length.thin' },
    {
      name: 'almost empty',
      analysis: makeAnalysis(body(99)),
      score: 0,
      messageId: 'text-length.almost-empty',
    },
  ],
  'heading-hierarchy': [
    {
      name: 'skips H3',
      analysis: makeAnalysis({
        headings: [
          { text: 'A', start: 0, end: 1, blockIndex: 0, depth: 2 },
          { text: 'B', start: 3, end: 4, blockIndex: 1, depth: 4 },
        ],
      }),
      score: 3,
      marks: 1,
    },
    {
      name: 'in order',
      analysis: makeAnalysis({
        headings: [
          { text: 'T', start: 0, end: 1, blockIndex: 0, depth: 1 },
          { text: 'A', start: 3, end: 4, blockIndex: 1, depth: 2 },
          { text: 'B', start: 6, end: 7, blockIndex: 2, depth: 3 },
          { text: 'C', start: 9, end: 10, blockIndex: 3, depth: 2 },
        ],
      }),
      score: 9,
    },
  ],
  'duplicate-headings': [
    {
      name: 'same text twice, different case',
      analysis: makeAnalysis({
        headings: [
          { text: 'Le marché', start: 0, end: 9, blockIndex: 0, depth: 2 },
          { text: 'le Marché', start: 12, end: 21, blockIndex: 1, depth: 2 },
        ],
      }),
      score: 3,
      marks: 1,
    },
  ],
  'competing-links': [
    {
      name: 'no keyphrase',
      analysis: makeAnalysis({ links: [link('Talents en IA', 'outbound')] }),
      applicable: false,
    },
    {
      name: 'no link holds it',
      analysis: makeAnalysis({ keyphrase: makeKeyphrase(), links: [link('nos talents', 'outbound')] }),
      score: 9,
      messageId: 'competing-links.good',
    },
    {
      name: 'one link holds it',
      analysis: makeAnalysis({
        keyphrase: makeKeyphrase({ inLinkTexts: ['le talent en IA'] }),
        links: [link('le talent en IA', 'internal'), link('x', 'outbound')],
      }),
      score: 2,
      messageId: 'competing-links.found',
      marks: 1,
    },
  ],
  'outbound-links': [
    { name: 'none', analysis: makeAnalysis(), score: 3, messageId: 'outbound-links.none' },
    {
      name: 'one',
      analysis: makeAnalysis({
        links: [{ url: 'https://example.org', text: 'x', kind: 'outbound', span: { start: 0, end: 1 } }],
      }),
      score: 9,
    },
  ],
  'internal-links': [
    {
      name: 'only outbound',
      analysis: makeAnalysis({
        links: [{ url: 'https://example.org', text: 'x', kind: 'outbound', span: { start: 0, end: 1 } }],
      }),
      score: 3,
    },
    {
      name: 'one internal',
      analysis: makeAnalysis({
        links: [{ url: '/page', text: 'x', kind: 'internal', span: { start: 0, end: 1 } }],
      }),
      score: 9,
    },
  ],
  images: [
    { name: 'none', analysis: makeAnalysis(), score: 3 },
    { name: 'alt missing', analysis: makeAnalysis({ images: [{ url: 'a.png', alt: '' }] }), score: 4 },
    {
      name: 'with alt',
      analysis: makeAnalysis({ images: [{ url: 'a.png', alt: 'Un graphique' }] }),
      score: 9,
    },
  ],
  'keyphrase-in-image-alt': [
    {
      name: 'no keyphrase',
      analysis: makeAnalysis({ images: [{ url: 'a.png', alt: 'x' }] }),
      applicable: false,
    },
    {
      name: 'no image',
      analysis: makeAnalysis({ keyphrase: makeKeyphrase() }),
      score: 3,
      messageId: 'keyphrase-in-image-alt.no-images',
    },
    {
      name: '1 of 5 alt texts (20 %)',
      analysis: makeAnalysis({
        images: [1, 2, 3, 4, 5].map((index) => ({ url: `${index}.png`, alt: 'x' })),
        keyphrase: makeKeyphrase({ inImageAlts: 1 }),
      }),
      score: 6,
      messageId: 'keyphrase-in-image-alt.few',
    },
    {
      name: '4 of 5 alt texts (80 %)',
      analysis: makeAnalysis({
        images: [1, 2, 3, 4, 5].map((index) => ({ url: `${index}.png`, alt: 'x' })),
        keyphrase: makeKeyphrase({ inImageAlts: 4 }),
      }),
      score: 6,
      messageId: 'keyphrase-in-image-alt.all',
    },
    {
      name: 'absent',
      analysis: makeAnalysis({ images: [{ url: 'a.png', alt: 'x' }], keyphrase: makeKeyphrase() }),
      score: 4,
    },
    {
      name: 'present',
      analysis: makeAnalysis({
        images: [{ url: 'a.png', alt: 'x' }],
        keyphrase: makeKeyphrase({ inImageAlts: 1 }),
      }),
      score: 9,
    },
  ],
  'sentence-length': [
    { name: 'no sentence', analysis: makeAnalysis(), applicable: false },
    {
      name: '1 long in 4 (25 %)',
      analysis: makeAnalysis({
        sentences: makeSentences([{ words: 25 }, { words: 10 }, { words: 8 }, { words: 12 }]),
      }),
      score: 9,
      marks: 1,
    },
    {
      name: '1 long in 3',
      analysis: makeAnalysis({ sentences: makeSentences([{ words: 25 }, { words: 10 }, { words: 8 }]) }),
      score: 3,
    },
  ],
  'paragraph-length': [
    {
      name: 'short paragraphs',
      analysis: makeAnalysis({ ...body(200), blocks: [makeBlock(0, 'paragraph', 100)] }),
      score: 9,
    },
    {
      name: 'one of 170',
      analysis: makeAnalysis({ ...body(200), blocks: [makeBlock(0, 'paragraph', 170)] }),
      score: 6,
      marks: 1,
    },
    {
      name: 'one of 260',
      analysis: makeAnalysis({ ...body(300), blocks: [makeBlock(0, 'paragraph', 260)] }),
      score: 3,
    },
    {
      name: 'lists are not paragraphs',
      analysis: makeAnalysis({ ...body(300), blocks: [makeBlock(0, 'list-item', 260)] }),
      score: 9,
    },
  ],
  'subheading-distribution': [
    { name: 'short text without subheadings', analysis: makeAnalysis(body(250)), score: 9 },
    { name: 'long text without subheadings', analysis: makeAnalysis(body(900)), score: 2 },
    {
      name: 'one long section',
      analysis: makeAnalysis({
        ...body(900),
        headings: [{ text: 'A', start: 0, end: 1, blockIndex: 0, depth: 2 }],
        sections: [
          {
            headingBlock: null,
            blockStart: 0,
            blockEnd: 0,
            wordCount: 100,
            span: { start: 0, end: 1 },
            language: null,
          },
          {
            headingBlock: 0,
            blockStart: 1,
            blockEnd: 4,
            wordCount: 420,
            span: { start: 2, end: 9 },
            language: null,
          },
        ],
      }),
      score: 3,
      marks: 1,
    },
  ],
  'passive-voice': [
    {
      name: '1 in 10',
      analysis: makeAnalysis({
        sentences: makeSentences(Array.from({ length: 10 }, (_, i) => ({ words: 10, passive: i === 0 }))),
      }),
      score: 9,
    },
    {
      name: '2 in 10',
      analysis: makeAnalysis({
        sentences: makeSentences(Array.from({ length: 10 }, (_, i) => ({ words: 10, passive: i < 2 }))),
      }),
      score: 3,
    },
  ],
  'transition-words': [
    { name: 'short text', analysis: makeAnalysis(body(150)), applicable: false },
    {
      name: '3 in 10',
      analysis: makeAnalysis({
        ...body(300),
        sentences: makeSentences(Array.from({ length: 10 }, (_, i) => ({ words: 10, transition: i < 3 }))),
      }),
      score: 9,
      marks: 3,
    },
    {
      name: '1 in 10',
      analysis: makeAnalysis({
        ...body(300),
        sentences: makeSentences(Array.from({ length: 10 }, (_, i) => ({ words: 10, transition: i < 1 }))),
      }),
      score: 3,
    },
  ],
  'consecutive-sentences': [
    {
      name: 'three « les » in a row',
      analysis: makeAnalysis({
        sentences: makeSentences([
          { words: 5, first: 'les' },
          { words: 5, first: 'les' },
          { words: 5, first: 'les' },
          { words: 5 },
        ]),
      }),
      score: 3,
      marks: 3,
    },
    {
      name: 'two in a row is fine',
      analysis: makeAnalysis({
        sentences: makeSentences([{ words: 5, first: 'les' }, { words: 5, first: 'les' }, { words: 5 }]),
      }),
      score: 9,
    },
    {
      name: 'runs do not cross a list item',
      analysis: makeAnalysis({
        blocks: [makeBlock(0, 'paragraph', 10), makeBlock(1, 'list-item', 5)],
        sentences: makeSentences([
          { words: 5, first: 'les' },
          { words: 5, first: 'les' },
          { words: 5, first: 'les', block: 1 },
        ]),
      }),
      score: 9,
    },
    {
      name: 'runs do not cross a heading',
      analysis: makeAnalysis({
        blocks: [makeBlock(0, 'paragraph', 10), makeBlock(1, 'heading', 2), makeBlock(2, 'paragraph', 5)],
        sentences: makeSentences([
          { words: 5, first: 'si' },
          { words: 5, first: 'si' },
          { words: 5, first: 'si', block: 2 },
        ]),
      }),
      score: 9,
    },
    {
      name: 'runs go on from one paragraph to the next',
      analysis: makeAnalysis({
        blocks: [makeBlock(0, 'paragraph', 5), makeBlock(1, 'paragraph', 5), makeBlock(2, 'paragraph', 5)],
        sentences: makeSentences([
          { words: 5, first: 'si' },
          { words: 5, first: 'si', block: 1 },
          { words: 5, first: 'si', block: 2 },
        ]),
      }),
      score: 3,
      marks: 3,
    },
  ],
  'flesch-reading-ease': [
    { name: 'easy', analysis: makeAnalysis(body(500, { fleschReadingEase: 72 })), score: 9 },
    { name: 'fairly difficult', analysis: makeAnalysis(body(500, { fleschReadingEase: 55 })), score: 6 },
    { name: 'difficult', analysis: makeAnalysis(body(500, { fleschReadingEase: 35 })), score: 3 },
  ],
  'french-language': [
    { name: 'French', analysis: makeAnalysis(), score: 9 },
    {
      name: 'English',
      analysis: makeAnalysis({
        language: { language: 'en', iso6393: 'eng', confidence: 0.9, reliable: true },
      }),
      score: 1,
    },
    {
      name: 'a section in English',
      analysis: makeAnalysis({
        sections: [
          {
            headingBlock: null,
            blockStart: 0,
            blockEnd: 1,
            wordCount: 80,
            span: { start: 0, end: 50 },
            language: { language: 'en', iso6393: 'eng', confidence: 0.8, reliable: true },
          },
        ],
      }),
      score: 3,
      marks: 1,
    },
  ],
  'french-typography': [
    { name: 'clean', analysis: makeAnalysis({ text: 'x' }), score: 9 },
    {
      name: 'one issue in 1000 words',
      analysis: makeAnalysis({
        text: 'x',
        ...body(1000),
        typography: [{ kind: 'space-before-colon', start: 0, end: 1, found: ' :', expected: '\u00a0:' }],
      }),
      score: 6,
      marks: 1,
    },
    {
      // An English text (test/corpus/en-*): « Who are you? » is right there; the language check says it all.
      name: 'not applicable to a text reliably in another language',
      analysis: makeAnalysis({
        text: 'x',
        language: { language: 'en', iso6393: 'eng', confidence: 0.96, reliable: true },
        typography: [{ kind: 'space-before-colon', start: 0, end: 1, found: ' :', expected: '\u00a0:' }],
      }),
      applicable: false,
    },
    {
      name: 'still applicable when the language is unsure',
      analysis: makeAnalysis({
        text: 'x',
        ...body(1000),
        language: { language: 'en', iso6393: 'eng', confidence: 0.5, reliable: false },
      }),
      score: 9,
    },
  ],
};

describe('assessments', () => {
  it('has a table entry for every assessment', () => {
    expect(Object.keys(TABLE).sort()).toEqual(ASSESSMENTS.map((assessment) => assessment.id).sort());
  });

  for (const [id, cases] of Object.entries(TABLE)) {
    describe(id, () => {
      for (const testCase of cases) {
        it(testCase.name, () => {
          const assessment = byId(id);
          const applicable = assessment.isApplicable(testCase.analysis, DEFAULT_AUDIT_CONFIG);
          expect(applicable).toBe(testCase.applicable ?? true);
          if (!applicable) return;
          const outcome = assessment.assess(testCase.analysis, DEFAULT_AUDIT_CONFIG);
          if (testCase.score !== undefined) expect(outcome.score).toBe(testCase.score);
          if (testCase.messageId !== undefined) expect(outcome.messageId).toBe(testCase.messageId);
          if (testCase.marks !== undefined) expect(outcome.marks ?? []).toHaveLength(testCase.marks);
          expect(outcome.messageId.startsWith(`${id}.`)).toBe(true);
          expect(renderMessage(outcome.messageId, outcome.params)).toMatch(/\S/);
        });
      }
    });
  }
});

describe('audit config', () => {
  it('merges overrides without touching the defaults', () => {
    const config = mergeAuditConfig({ minWords: 1000, sentenceLength: { maxWords: 25 } });
    expect(config.minWords).toBe(1000);
    expect(config.sentenceLength).toEqual({ maxWords: 25, maxPercent: 25, okPercent: 30 });
    expect(DEFAULT_AUDIT_CONFIG.minWords).toBe(700);
    expect(Object.isFrozen(config.sentenceLength)).toBe(true);
  });

  it('changes an outcome through a threshold', () => {
    const analysis = makeAnalysis(body(800));
    expect(byId('text-length').assess(analysis, mergeAuditConfig({ minWords: 1000 })).score).toBe(6);
  });
});

describe('keyphrase word forms in the message parameters', () => {
  // « plugins » counts for « plugin » by stem: the report says which forms it counted.
  const text = 'Ces plugins Jekyll sont utiles. Un plugin Jekyll suffit.';
  const analysis = makeAnalysis({
    ...body(200),
    text,
    introductionBlock: 0,
    blocks: [{ ...makeBlock(0, 'paragraph', 9), start: 0, end: text.length }],
    keyphrase: makeKeyphrase({
      bodyOccurrences: 2,
      inIntroduction: { inOneSentence: true, inParagraph: true, synonym: false },
      marks: [
        { start: 4, end: 11 },
        { start: 12, end: 18 },
        { start: 35, end: 41 },
        { start: 42, end: 48 },
      ],
    }),
  });

  it.each([
    ['keyphrase-density', 'plugins, jekyll, plugin'],
    ['keyphrase-in-introduction', 'plugins, jekyll, plugin'],
  ])('%s shows « %s »', (id, forms) => {
    expect(byId(id).assess(analysis, DEFAULT_AUDIT_CONFIG).params?.forms).toBe(forms);
  });
});
