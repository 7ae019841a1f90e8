import type { Document } from '../document.js';
import { countSyllables } from '../lang/fr/count-syllables.js';
import type { LanguageGuess } from '../lang/fr/detect-language.js';
import { detectLanguage } from '../lang/fr/detect-language.js';
import { fleschReadingEase } from '../lang/fr/flesch-reading-ease.js';
import { isFunctionWord } from '../lang/fr/function-words.js';
import { normalizeWord } from '../lang/fr/normalize-word.js';
import { findPassive } from '../lang/fr/passive-voice.js';
import { segmentSentences } from '../lang/fr/segment-sentences.js';
import { stem, stemNormalized } from '../lang/fr/stem.js';
import type { TextSpan } from '../lang/fr/text-span.js';
import { createWordBoundaries, scanWords, tokenizeWords, type WordKind } from '../lang/fr/tokenize-words.js';
import { findTransitionWordsInWords, type TransitionMatch } from '../lang/fr/transition-words.js';
import type { TypographyIssue } from '../lang/fr/typography.js';
import { typographyIssuesOf } from '../lang/fr/typography-issues-memo.js';
import { measureTextWidth } from '../lang/pixel-width/measure-text-width.js';
import type {
  Analysis,
  AnalyzedSentence,
  AnalyzedWord,
  Block,
  Heading,
  Image,
  KeyphraseAnalysis,
  Link,
  Section,
} from './analysis.js';
import { collectBlocks, type RawBlock } from './collect-blocks.js';
import { extractFacts } from './extract-facts.js';
import { findHeadingLikeLines } from './find-heading-like-lines.js';
import { countPhraseWordsInSlug, createPhraseMatcher, type PhraseMatcher } from './phrase-matcher.js';
import { unwrapParenthesizedUrl } from './unwrap-parenthesized-url.js';

export interface AnalyzeOptions {
  /** Focus keyphrase (default: the document's own, else none). */
  keyphrase?: string | null;
  /** Synonyms of the keyphrase (default: the document's own, else none). */
  synonyms?: readonly string[];
  /** SEO title (default: the document's own, else the H1, else none). */
  title?: string | null;
  /** Meta description (default: the document's own, else none). */
  description?: string | null;
  slug?: string | null;
  /** Address of the site: links to its host count as internal (default: the document's URL, if any). */
  siteUrl?: string | null;
  /** Entries of the « Sommaire » the rendered page will insert (default: none). */
  tableOfContents?: readonly string[];
}

const BLOCK_SEPARATOR = '\n\n';
/** Digits are read aloud as words; two syllables is a fair average for « 4 % » or « 100 000 ». */
const SYLLABLES_PER_NUMBER = 2;

/**
 * Reads an article once and records everything the assessments need: they
 * never tokenize again. Pure: no I/O.
 */
export function analyze(document: Document, options: AnalyzeOptions = {}): Analysis {
  return analyzeWith(document, options, null);
}

/**
 * `analyze`, reading again only the blocks that `previous` (an analysis of another version of the article:
 * the source of a draft) does not have word for word: a block's sentences, words, transitions, passive
 * voice and typography depend on its text alone, so an unchanged paragraph's are copied with their offsets
 * moved. The result is identical to `analyze(document, options)`. Pure.
 */
export function analyzeReusing(document: Document, options: AnalyzeOptions, previous: Analysis): Analysis {
  return analyzeWith(document, options, indexBlocks(previous));
}

function analyzeWith(document: Document, options: AnalyzeOptions, previous: PreviousBlocks | null): Analysis {
  const siteHost = hostOf(options.siteUrl ?? document.metadata.url ?? null);
  const { text, blocks, sentences, words, headings, links, images, blockWordRanges, typography } = readBlocks(
    collectBlocks(document.tree),
    siteHost,
    previous,
  );

  const sections = buildSections(blocks, text, sentences, words);
  const firstSubheading = blocks.find((block) => block.kind === 'heading' && block.depth >= 2);
  // The introduction is the first paragraph of the body wherever it stands, a quote or a box included:
  // that is the one search engines and Yoast SEO read as the introduction.
  const introduction = blocks.find(
    (block) =>
      (block.kind === 'paragraph' || block.kind === 'blockquote') &&
      (firstSubheading === undefined || block.index < firstSubheading.index),
  );
  const h1 = headings.find((heading) => heading.depth === 1);
  const title = pick(options.title, document.metadata.title, h1?.text);
  const description = pick(options.description, document.metadata.description);
  const slug = pick(options.slug, document.metadata.slug);
  const keyphraseText = pick(options.keyphrase, document.metadata.keyphrase);
  const synonyms = (options.synonyms ?? document.metadata.synonyms ?? []).filter(
    (value) => value.trim().length > 0,
  );

  const bodyBlocks = blocks.filter((block) => block.kind !== 'heading');
  const bodyText = bodyBlocks.map((block) => block.text).join(BLOCK_SEPARATOR);
  const bodySentences = sentences;
  const statistics = {
    bodyWords: bodyBlocks.reduce((sum, block) => sum + block.wordCount, 0),
    sentences: bodySentences.length,
    syllables: bodySentences.reduce((sum, sentence) => sum + sentence.syllableCount, 0),
    paragraphs: blocks.filter((block) => block.kind === 'paragraph' || block.kind === 'blockquote').length,
    fleschReadingEase: 0,
  };
  const countedWords = bodySentences.reduce((sum, sentence) => sum + sentence.wordCount, 0);
  statistics.fleschReadingEase = fleschReadingEase({
    sentences: statistics.sentences,
    words: countedWords,
    syllables: statistics.syllables,
  });

  const keyphrase =
    keyphraseText === null
      ? null
      : analyzeKeyphrase({
          keyphraseText,
          synonyms,
          title,
          description,
          slug,
          blocks,
          sentences,
          words,
          blockWordRanges,
          introduction: introduction ?? null,
          images,
          links,
        });

  return {
    format: document.format,
    text,
    blocks,
    sentences,
    words,
    headings,
    sections,
    introductionBlock: introduction?.index ?? null,
    headingLikeLines: findHeadingLikeLines(blocks, sentences),
    links,
    images,
    metadata: { title, titleWidth: title === null ? 0 : measureTextWidth(title), description, slug },
    keyphrase,
    language: bodyLanguage(bodyText, words),
    typography,
    facts: extractFacts(text, words, sentences),
    statistics,
    ...(options.tableOfContents && options.tableOfContents.length > 0
      ? { tableOfContents: [...options.tableOfContents] }
      : {}),
  };
}

/** What a previous analysis read: its sentences, headings and blocks by their text. */
interface PreviousBlocks {
  analysis: Analysis;
  sentences: Map<string, AnalyzedSentence>;
  /**
   * The same sentences by length, in order, built when a sentence is first not found as written: a
   * typographic variant has its sentence's length, so only those of its length have their
   * {@link typographyKey} computed (once, on first need).
   */
  sentencesByLength: Map<number, TypographyCandidate[]> | null;
  headings: Map<string, Block>;
  /** Blocks other than headings, for their typography issues. */
  paragraphs: Map<string, Block>;
  /** Typography issues of each block of `analysis`, by block index. */
  typography: TypographyIssue[][];
}

function indexBlocks(analysis: Analysis): PreviousBlocks {
  const sentences = new Map<string, AnalyzedSentence>();
  const headings = new Map<string, Block>();
  const paragraphs = new Map<string, Block>();
  // Loops, not `map`, for arrays read in hot code: see nounPhrases (headline-from-sentence.ts).
  const typography: TypographyIssue[][] = [];
  for (let index = 0; index < analysis.blocks.length; index += 1) typography.push([]);
  for (const sentence of analysis.sentences)
    if (!sentences.has(sentence.text)) sentences.set(sentence.text, sentence);
  for (const block of analysis.blocks) {
    const map = block.kind === 'heading' ? headings : paragraphs;
    if (!map.has(block.text)) map.set(block.text, block);
  }
  // Issues come block by block, in order (see readBlocks); an issue belongs to the block it starts in.
  let blockIndex = 0;
  for (const issue of analysis.typography) {
    while (
      blockIndex < analysis.blocks.length - 1 &&
      issue.start > (analysis.blocks[blockIndex] as Block).end
    )
      blockIndex += 1;
    typography[blockIndex]?.push(issue);
  }
  return { analysis, sentences, sentencesByLength: null, headings, paragraphs, typography };
}

/**
 * A sentence with its apostrophes straight and its spaces plain, the same length: the polish writes « l’IA »
 * and « 100 000 » where the author typed « l'IA » and « 100 000 ». The tokenizer reads ’ and ' alike, and
 * the four spaces alike (separators, number group separators, `\s` in a URL), so two sentences with the
 * same key have the same tokens at the same offsets; only the texts of the tokens holding those characters
 * differ.
 */
function typographyKey(text: string): string {
  // Two native replacements: no JavaScript callback per apostrophe or space.
  return text.replace(CURLY_APOSTROPHES, "'").replace(SPECIAL_SPACES, ' ');
}

const CURLY_APOSTROPHES = /’/g;
const SPECIAL_SPACES = /[\u00a0\u202f\u2009]/g;

/** A previous sentence and its {@link typographyKey}, null until asked. */
interface TypographyCandidate {
  sentence: AnalyzedSentence;
  key: string | null;
}

/**
 * The first previous sentence that reads as `text` but for its typography (see {@link typographyKey}).
 * Only sentences of its length can: the others' keys are never computed.
 */
function typographicVariantOf(previous: PreviousBlocks, text: string): AnalyzedSentence | undefined {
  if (previous.sentencesByLength === null) {
    previous.sentencesByLength = new Map();
    for (const sentence of previous.analysis.sentences) {
      const bucket = previous.sentencesByLength.get(sentence.text.length);
      if (bucket === undefined)
        previous.sentencesByLength.set(sentence.text.length, [{ sentence, key: null }]);
      else bucket.push({ sentence, key: null });
    }
  }
  const candidates = previous.sentencesByLength.get(text.length);
  if (candidates === undefined) return undefined;
  const key = typographyKey(text);
  for (const candidate of candidates) {
    candidate.key ??= typographyKey(candidate.sentence.text);
    if (candidate.key === key) return candidate.sentence;
  }
  return undefined;
}

/**
 * `analyzeSentence` of `span`, whose text differs from `known`'s only by typography: the words are cut where
 * `known`'s are, each read from its own text; when every word reads as `known`'s (the same normalized forms),
 * its passive voice, transitions and first word are `known`'s moved, since they depend on nothing else (the
 * spaces between words are spaces in both).
 */
function analyzeTypographicVariant(
  previous: Analysis,
  known: AnalyzedSentence,
  span: TextSpan,
  blockOffset: number,
  blockIndex: number,
  words: AnalyzedWord[],
): AnalyzedSentence {
  const start = blockOffset + span.start;
  const delta = start - known.start;
  const wordStart = words.length;
  let wordCount = 0;
  let syllables = 0;
  let sameForms = true;
  for (let index = known.wordStart; index < known.wordEnd; index += 1) {
    const word = previous.words[index] as AnalyzedWord;
    // Most words of a variant are written as `known`'s: their reading is the same (it depends on the
    // text and kind alone), so it is copied rather than looked up again.
    if (span.text.startsWith(word.text, word.start - known.start)) {
      words.push(movedWord(word, delta));
      if (word.kind !== 'elision' && !isUrlWord(word.text, word.kind)) {
        wordCount += 1;
        syllables += word.syllables;
      }
      continue;
    }
    const text = span.text.slice(word.start - known.start, word.end - known.start);
    const reading = pushWord(words, text, word.start + delta, word.kind);
    if (reading.normalized !== word.normalized) sameForms = false;
    if (word.kind !== 'elision' && !reading.isUrl) {
      wordCount += 1;
      syllables += reading.syllables;
    }
  }
  const wordEnd = words.length;
  if (!sameForms) return finishSentence(span, start, blockIndex, words, wordStart, wordCount, syllables);
  return {
    text: span.text,
    start,
    end: start + span.text.length,
    blockIndex,
    wordStart,
    wordEnd,
    wordCount,
    syllableCount: syllables,
    firstWord: known.firstWord,
    transitions: movedTransitions(known.transitions, delta),
    passive: known.passive && { start: known.passive.start + delta, end: known.passive.end + delta },
  };
}

/** Copies of `transitions` moved by `delta`. */
function movedTransitions(transitions: readonly TransitionMatch[], delta: number): TransitionMatch[] {
  const moved: TransitionMatch[] = [];
  for (const match of transitions)
    moved.push({
      phrase: match.phrase,
      category: match.category,
      start: match.start + delta,
      end: match.end + delta,
    });
  return moved;
}

/** Copies the words from `start` to `end` of a previous analysis, moved by `delta`. */
function copyWords(
  previous: Analysis,
  start: number,
  end: number,
  delta: number,
  words: AnalyzedWord[],
): void {
  for (let index = start; index < end; index += 1) {
    const word = previous.words[index] as AnalyzedWord;
    words.push(movedWord(word, delta));
  }
}

/** A copy of `word` moved by `delta`, written out in `pushWord`'s order: copies share the read words' shape. */
function movedWord(word: AnalyzedWord, delta: number): AnalyzedWord {
  return {
    text: word.text,
    start: word.start + delta,
    end: word.end + delta,
    kind: word.kind,
    normalized: word.normalized,
    stem: word.stem,
    syllables: word.syllables,
    isFunctionWord: word.isFunctionWord,
  };
}

/** A previous sentence with the same text, its words appended to `words`, moved to `start` and `blockIndex`. */
function copySentence(
  previous: Analysis,
  sentence: AnalyzedSentence,
  start: number,
  blockIndex: number,
  words: AnalyzedWord[],
): AnalyzedSentence {
  const delta = start - sentence.start;
  const wordDelta = words.length - sentence.wordStart;
  copyWords(previous, sentence.wordStart, sentence.wordEnd, delta, words);
  // Written out, in `finishSentence`'s order: the copies share the read sentences' shape.
  return {
    text: sentence.text,
    start: sentence.start + delta,
    end: sentence.end + delta,
    blockIndex,
    wordStart: sentence.wordStart + wordDelta,
    wordEnd: sentence.wordEnd + wordDelta,
    wordCount: sentence.wordCount,
    syllableCount: sentence.syllableCount,
    firstWord: sentence.firstWord,
    transitions: movedTransitions(sentence.transitions, delta),
    passive: sentence.passive && { start: sentence.passive.start + delta, end: sentence.passive.end + delta },
  };
}

/**
 * The sentences of a block whose text a previous block has word for word, copied from it: a block's
 * sentences depend on its text alone, so it is not segmented again. Each is copied from the sentence the
 * segmented span would have found by its text (the first with that text), as the other blocks' are.
 */
function copyBlockSentences(
  previous: PreviousBlocks,
  known: Block,
  offset: number,
  blockIndex: number,
  words: AnalyzedWord[],
): AnalyzedSentence[] {
  const copies: AnalyzedSentence[] = [];
  for (let index = known.sentenceStart; index < known.sentenceEnd; index += 1) {
    const sentence = previous.analysis.sentences[index] as AnalyzedSentence;
    const first = previous.sentences.get(sentence.text) ?? sentence;
    copies.push(
      copySentence(previous.analysis, first, offset + sentence.start - known.start, blockIndex, words),
    );
  }
  return copies;
}

/** A previous heading's words (they are in no sentence), appended to `words`, moved to `offset`. */
function copyHeadingWords(previous: Analysis, heading: Block, offset: number, words: AnalyzedWord[]): void {
  const all = previous.words;
  let start = 0;
  let high = all.length;
  while (start < high) {
    const middle = (start + high) >>> 1;
    if ((all[middle] as AnalyzedWord).start < heading.start) start = middle + 1;
    else high = middle;
  }
  let end = start;
  while (end < all.length && (all[end] as AnalyzedWord).end <= heading.end) end += 1;
  copyWords(previous, start, end, offset - heading.start, words);
}

/**
 * The text of every block, read once: sentences, words, headings, links, images and typography issues, with
 * their offsets. What `previous` has read (same sentence, same heading, same block text) is copied from it:
 * a sentence's words, transitions and passive voice depend on its text alone, a block's sentences and
 * typography on the block's text alone.
 */
function readBlocks(
  rawBlocks: readonly RawBlock[],
  siteHost: string | null,
  previous: PreviousBlocks | null,
) {
  const blocks: Block[] = [];
  const sentences: AnalyzedSentence[] = [];
  const words: AnalyzedWord[] = [];
  const headings: Heading[] = [];
  const links: Link[] = [];
  const images: Image[] = [];
  const blockWordRanges: { start: number; end: number }[] = [];
  const typography: TypographyIssue[] = [];
  let text = '';

  for (const raw of rawBlocks) {
    if (text.length > 0) text += BLOCK_SEPARATOR;
    const offset = text.length;
    text += raw.text;
    const block: Block = {
      index: blocks.length,
      kind: raw.kind,
      depth: raw.depth,
      nodeIndex: raw.nodeIndex,
      text: raw.text,
      start: offset,
      end: offset + raw.text.length,
      sentenceStart: sentences.length,
      sentenceEnd: sentences.length,
      wordCount: 0,
    };
    const wordStart = words.length;
    const knownParagraph = raw.kind === 'heading' ? undefined : previous?.paragraphs.get(raw.text);
    if (raw.kind === 'heading') {
      const known = previous?.headings.get(raw.text);
      if (known !== undefined && previous !== null) {
        copyHeadingWords(previous.analysis, known, offset, words);
        block.wordCount = known.wordCount;
      } else {
        block.wordCount = appendWords(raw.text, offset, words).wordCount;
      }
      headings.push({
        text: raw.text,
        start: block.start,
        end: block.end,
        blockIndex: block.index,
        depth: raw.depth,
        passive: findPassive(normalizedForms(words, wordStart, words.length)) !== null,
        transition: findTransitionWordsInWords(raw.text, words, offset, wordStart, words.length).length > 0,
      });
    } else if (knownParagraph !== undefined && previous !== null) {
      for (const sentence of copyBlockSentences(previous, knownParagraph, offset, block.index, words)) {
        sentences.push(sentence);
        block.wordCount += sentence.wordCount;
      }
      block.sentenceEnd = sentences.length;
    } else {
      for (const span of segmentSentences(raw.text)) {
        const known = previous?.sentences.get(span.text);
        const variant =
          known === undefined && previous !== null ? typographicVariantOf(previous, span.text) : undefined;
        const sentence =
          known !== undefined && previous !== null
            ? copySentence(previous.analysis, known, offset + span.start, block.index, words)
            : variant !== undefined && previous !== null
              ? analyzeTypographicVariant(previous.analysis, variant, span, offset, block.index, words)
              : analyzeSentence(span, offset, block.index, words);
        sentences.push(sentence);
        block.wordCount += sentence.wordCount;
      }
      block.sentenceEnd = sentences.length;
    }
    const knownBlock = previous?.[raw.kind === 'heading' ? 'headings' : 'paragraphs'].get(raw.text);
    if (knownBlock !== undefined && previous !== null) {
      const delta = offset - knownBlock.start;
      for (const issue of previous.typography[knownBlock.index] ?? []) {
        typography.push({ ...issue, start: issue.start + delta, end: issue.end + delta });
      }
    } else {
      for (const issue of typographyIssuesOf(withoutCode(raw))) {
        typography.push({ ...issue, start: issue.start + offset, end: issue.end + offset });
      }
    }
    blockWordRanges.push({ start: wordStart, end: words.length });
    collectLinks(raw, offset, siteHost, links);
    images.push(...raw.images);
    blocks.push(block);
  }
  return { text, blocks, sentences, words, headings, links, images, blockWordRanges, typography };
}

/**
 * The block's text with each inline code span written as a stand-in word of the same length: « `"type":
 * "module"` » is the author's code, its quotes and colons are not French prose, yet « `make`; puis » still
 * takes its space before « ; » and a quote in code does not pair with one in the prose.
 */
function withoutCode(raw: RawBlock): string {
  if (raw.code.length === 0) return raw.text;
  let text = '';
  let from = 0;
  for (const span of raw.code) {
    text += raw.text.slice(from, span.start) + 'x'.repeat(span.end - span.start);
    from = span.end;
  }
  return text + raw.text.slice(from);
}

function pick(...values: readonly (string | null | undefined)[]): string | null {
  for (const value of values) {
    if (typeof value === 'string' && value.trim().length > 0) return value.trim();
  }
  return null;
}

/** How the tokenizer's URL tokens start (« https://… », « www.… »). */
const URL_START = /^(?:https?:\/\/|www\.)/i;

/** Whether a word of `kind` is an address (« https://… », « www.… »): it counts no word nor syllable. */
function isUrlWord(text: string, kind: WordKind): boolean {
  return kind === 'word' && mayStartUrl(text.charCodeAt(0)) && URL_START.test(text);
}

/** « h », « H », « w » or « W »: only then is the URL pattern worth trying on a word. */
function mayStartUrl(code: number): boolean {
  return code === 0x68 || code === 0x48 || code === 0x77 || code === 0x57;
}

/** Reused by every `appendWords`: it reads them back before anything else tokenizes. */
const boundaries = createWordBoundaries();

function appendWords(
  blockText: string,
  offset: number,
  words: AnalyzedWord[],
): { wordCount: number; syllables: number } {
  let wordCount = 0;
  let syllables = 0;
  // The tokens' offsets and kinds, not one token object per word: each word is built once, below.
  const count = scanWords(blockText, boundaries);
  const { starts, ends, kinds } = boundaries;
  for (let index = 0; index < count; index += 1) {
    const start = starts[index] as number;
    const kind = kinds[index] as WordKind;
    const reading = pushWord(words, blockText.slice(start, ends[index]), start + offset, kind);
    if (kind !== 'elision' && !reading.isUrl) {
      wordCount += 1;
      syllables += reading.syllables;
    }
  }
  return { wordCount, syllables };
}

function analyzeSentence(
  span: TextSpan,
  blockOffset: number,
  blockIndex: number,
  words: AnalyzedWord[],
): AnalyzedSentence {
  const start = blockOffset + span.start;
  const wordStart = words.length;
  const { wordCount, syllables } = appendWords(span.text, start, words);
  return finishSentence(span, start, blockIndex, words, wordStart, wordCount, syllables);
}

/** The sentence whose words are `words` from `wordStart` on: its passive voice, transitions, first word. */
function finishSentence(
  span: TextSpan,
  start: number,
  blockIndex: number,
  words: AnalyzedWord[],
  wordStart: number,
  wordCount: number,
  syllables: number,
): AnalyzedSentence {
  const wordEnd = words.length;
  const passive = findPassive(normalizedForms(words, wordStart, wordEnd));
  const transitions = findTransitionWordsInWords(span.text, words, start, wordStart, wordEnd);
  return {
    text: span.text,
    start,
    end: start + span.text.length,
    blockIndex,
    wordStart,
    wordEnd,
    wordCount,
    syllableCount: syllables,
    firstWord: firstWordOf(words, wordStart, wordEnd),
    transitions,
    passive: passive
      ? {
          start: (words[wordStart + passive.auxiliaryIndex] as AnalyzedWord).start,
          end: (words[wordStart + passive.participleIndex] as AnalyzedWord).end,
        }
      : null,
  };
}

/** Reused by every {@link normalizedForms}: `findPassive` keeps nothing of what it reads. */
const normalizedScratch: string[] = [];

/** The normalized forms of `words` from `start` to `end`, in an array reused from call to call. */
function normalizedForms(words: readonly AnalyzedWord[], start: number, end: number): readonly string[] {
  normalizedScratch.length = end - start;
  for (let index = start; index < end; index += 1)
    normalizedScratch[index - start] = (words[index] as AnalyzedWord).normalized;
  return normalizedScratch;
}

/** Words recur (within an article, and between the source and the article): count each once. */
const syllableMemo = new Map<string, number>();
const SYLLABLE_MEMO_LIMIT = 50_000;

/** Forgets every memoized syllable count and word reading: for benches that measure a cold article. */
export function clearSyllableMemo(): void {
  syllableMemo.clear();
  readingMemo.clear();
}

/** What the analysis records of a token, from its text and kind alone. */
interface WordReading {
  kind: WordKind;
  normalized: string;
  stem: string;
  syllables: number;
  isFunctionWord: boolean;
  /** A URL written out (a bare link) is not read as words: it counts for neither the length nor Flesch. */
  isUrl: boolean;
}

/** Readings by token text: one lookup per word instead of one per memo (normalized form, stem, syllables). */
const readingMemo = new Map<string, WordReading>();

/** Appends the word at `start` of the article text, read through the memo; returns its reading. */
function pushWord(words: AnalyzedWord[], text: string, start: number, kind: WordKind): WordReading {
  const reading = readWord(text, kind);
  words.push({
    text,
    start,
    end: start + text.length,
    kind,
    normalized: reading.normalized,
    stem: reading.stem,
    syllables: reading.syllables,
    isFunctionWord: reading.isFunctionWord,
  });
  return reading;
}

function readWord(text: string, kind: WordKind): WordReading {
  const known = readingMemo.get(text);
  if (known !== undefined && known.kind === kind) return known;
  const normalized = normalizeWord(text);
  const isUrl = isUrlWord(text, kind);
  const reading: WordReading = {
    kind,
    normalized,
    stem: kind === 'number' ? normalized : stemNormalized(normalized),
    syllables: kind === 'number' ? SYLLABLES_PER_NUMBER : kind === 'elision' || isUrl ? 0 : syllablesOf(text),
    isFunctionWord: kind === 'word' || kind === 'elision' ? isFunctionWord(normalized) : false,
    isUrl,
  };
  // A text read as another kind elsewhere (rare) keeps the first reading in the memo.
  if (known === undefined) {
    if (readingMemo.size >= SYLLABLE_MEMO_LIMIT) readingMemo.clear();
    readingMemo.set(text, reading);
  }
  return reading;
}

function syllablesOf(word: string): number {
  let count = syllableMemo.get(word);
  if (count === undefined) {
    count = countSyllables(word);
    if (syllableMemo.size >= SYLLABLE_MEMO_LIMIT) syllableMemo.clear();
    syllableMemo.set(word, count);
  }
  return count;
}

/** « L’une » and « L’embauche » start differently; the elision is kept with its word. */
function firstWordOf(words: readonly AnalyzedWord[], start: number, end: number): string | null {
  let index = start;
  while (index < end && (words[index] as AnalyzedWord).kind === 'elision') index += 1;
  if (index >= end) return null;
  const word = words[index] as AnalyzedWord;
  const previous = index > start ? (words[index - 1] as AnalyzedWord) : undefined;
  return previous && previous.kind === 'elision' && previous.end === word.start
    ? previous.normalized + word.normalized
    : word.normalized;
}

function buildSections(
  blocks: readonly Block[],
  text: string,
  sentences: readonly AnalyzedSentence[],
  words: readonly AnalyzedWord[],
): Section[] {
  const sentencesOf = (block: Block) => sentences.slice(block.sentenceStart, block.sentenceEnd);
  const sections: Section[] = [];
  let current: Section | null = null;
  const close = (section: Section, endBlock: number) => {
    section.blockEnd = endBlock;
    const body = blocks.slice(section.blockStart, endBlock).filter((block) => block.kind !== 'heading');
    section.wordCount = body.reduce((sum, block) => sum + block.wordCount, 0);
    const first = body[0];
    const last = body[body.length - 1];
    section.span = first && last ? { start: first.start, end: last.end } : { start: 0, end: 0 };
    section.language =
      section.wordCount >= 30 ? sectionLanguage(body, sentencesOf, words, text, first, last) : null;
    if (section.headingBlock !== null || section.wordCount > 0) sections.push(section);
  };
  for (const block of blocks) {
    if (block.kind === 'heading' && block.depth >= 2) {
      if (current) close(current, block.index);
      current = emptySection(block.index, block.index + 1);
    } else if (current === null) {
      current = emptySection(null, block.index);
    }
  }
  if (current) close(current, blocks.length);
  return sections;
}

function emptySection(headingBlock: number | null, blockStart: number): Section {
  return {
    headingBlock,
    blockStart,
    blockEnd: blockStart,
    wordCount: 0,
    span: { start: 0, end: 0 },
    language: null,
  };
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

function collectLinks(raw: RawBlock, offset: number, siteHost: string | null, links: Link[]): void {
  for (const link of raw.links) {
    const url = unwrapParenthesizedUrl(link.url);
    let kind: Link['kind'] = 'outbound';
    if (url.startsWith('#')) kind = 'anchor';
    else if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//')) kind = 'internal';
    else if (siteHost !== null && hostOf(url.startsWith('//') ? `https:${url}` : url) === siteHost)
      kind = 'internal';
    links.push({ url, text: link.text, kind, span: { start: link.start + offset, end: link.end + offset } });
  }
}

interface KeyphraseInputs {
  keyphraseText: string;
  synonyms: readonly string[];
  title: string | null;
  description: string | null;
  slug: string | null;
  blocks: readonly Block[];
  sentences: readonly AnalyzedSentence[];
  words: readonly AnalyzedWord[];
  blockWordRanges: readonly { start: number; end: number }[];
  introduction: Block | null;
  images: readonly Image[];
  links: readonly Link[];
}

function analyzeKeyphrase(inputs: KeyphraseInputs): KeyphraseAnalysis {
  const matcher = createPhraseMatcher(inputs.keyphraseText);
  const synonymMatchers: PhraseMatcher[] = [];
  for (const synonym of inputs.synonyms) synonymMatchers.push(createPhraseMatcher(synonym));
  const { words } = inputs;
  // One array per sentence, not three (slice, filter, map): every sentence is read.
  const stemsOf = (start: number, end: number) => {
    const stems: string[] = [];
    for (let index = start; index < end; index += 1) {
      const word = words[index] as AnalyzedWord;
      if (word.kind !== 'elision') stems.push(word.stem);
    }
    return stems;
  };

  const wanted = new Set(matcher.phrase.contentStems);
  let bodyOccurrences = 0;
  let synonymOccurrences = 0;
  const marks: { start: number; end: number }[] = [];
  for (const sentence of inputs.sentences) {
    const stems = stemsOf(sentence.wordStart, sentence.wordEnd);
    const count = matcher.countInStems(stems);
    bodyOccurrences += count;
    if (count > 0) {
      for (let index = sentence.wordStart; index < sentence.wordEnd; index += 1) {
        const word = words[index] as AnalyzedWord;
        if (word.kind !== 'elision' && wanted.has(word.stem))
          marks.push({ start: word.start, end: word.end });
      }
    }
    for (const synonym of synonymMatchers) synonymOccurrences += synonym.countInStems(stems);
  }

  const anyMatcher = (stems: readonly string[]) =>
    matcher.countInStems(stems) > 0 || synonymMatchers.some((synonym) => synonym.countInStems(stems) > 0);

  const inSubheadings = inputs.blocks
    .filter((block) => block.kind === 'heading' && (block.depth === 2 || block.depth === 3))
    .map((block) => {
      const range = inputs.blockWordRanges[block.index] as { start: number; end: number };
      return { blockIndex: block.index, found: anyMatcher(stemsOf(range.start, range.end)) };
    });

  let inIntroduction: KeyphraseAnalysis['inIntroduction'] = null;
  if (inputs.introduction) {
    const intro = inputs.introduction;
    const introSentences = inputs.sentences.slice(intro.sentenceStart, intro.sentenceEnd);
    const inOneSentence = introSentences.some(
      (s) => matcher.countInStems(stemsOf(s.wordStart, s.wordEnd)) > 0,
    );
    const range = inputs.blockWordRanges[intro.index] as { start: number; end: number };
    const introStems = stemsOf(range.start, range.end);
    const inParagraph = matcher.countInStems(introStems) > 0;
    const synonym = synonymMatchers.some((s) => s.countInStems(introStems) > 0);
    inIntroduction = { inOneSentence, inParagraph, synonym };
  }

  const descriptionMatch = inputs.description
    ? matcher.match(inputs.description)
    : { exact: false, exactIndex: -1, allContentWords: false, contentWordsFound: 0 };
  const descriptionOccurrences = inputs.description
    ? Math.max(
        matcher.exactIndices(inputs.description).length,
        matcher.countInStems(
          tokenizeWords(inputs.description)
            .filter((token) => token.kind !== 'elision')
            .map((token) => stem(token.text)),
        ),
      )
    : 0;

  return {
    keyphrase: matcher.phrase,
    synonyms: synonymMatchers.map((synonym) => synonym.phrase),
    inTitle: inputs.title ? matcher.match(inputs.title) : null,
    inDescription: { ...descriptionMatch, occurrences: descriptionOccurrences },
    inSlug: inputs.slug
      ? {
          contentWordsFound: countPhraseWordsInSlug(matcher.phrase, inputs.slug),
          total: matcher.phrase.contentWords.length,
        }
      : null,
    inIntroduction,
    inSubheadings,
    bodyOccurrences,
    synonymOccurrences,
    marks,
    inImageAlts: inputs.images.filter((image) => image.alt.length > 0 && isMatchedBy(matcher, image.alt))
      .length,
    inLinkTexts: inputs.links
      .filter(
        (link) => link.kind !== 'anchor' && isMatchedBy(matcher, link.text.replace(ADDRESS_SEPARATORS, ' ')),
      )
      .map((link) => link.text),
  };
}

/** What separates words in an address shown as a link's text (« site.fr/biais-cognitifs »). */
const ADDRESS_SEPARATORS = /[/._-]+/gu;

function isMatchedBy(matcher: PhraseMatcher, text: string): boolean {
  return matcher.match(text).allContentWords;
}

/**
 * French prose is about 40 % function words (« de », « la », « que »…); English or Spanish prose
 * rarely reaches 15 % of French ones. Above this share a section is French without asking franc,
 * which costs about a millisecond a call and would be called for every section.
 */
const FRENCH_FUNCTION_WORD_SHARE = 0.25;

function sectionLanguage(
  body: readonly Block[],
  sentencesOf: (block: Block) => readonly AnalyzedSentence[],
  words: readonly AnalyzedWord[],
  text: string,
  first: Block | undefined,
  last: Block | undefined,
): LanguageGuess | null {
  let counted = 0;
  let french = 0;
  for (const block of body) {
    for (const sentence of sentencesOf(block)) {
      for (let index = sentence.wordStart; index < sentence.wordEnd; index += 1) {
        const word = words[index] as AnalyzedWord;
        if (word.kind !== 'word') continue;
        counted += 1;
        if (word.isFunctionWord) french += 1;
      }
    }
  }
  if (counted > 0 && french / counted >= FRENCH_FUNCTION_WORD_SHARE) {
    return {
      language: 'fr',
      iso6393: 'fra',
      confidence: Math.min(1, french / counted / 0.4),
      reliable: true,
    };
  }
  return first && last ? detectLanguage(text.slice(first.start, last.end)) : null;
}

/**
 * Words found in French prose and almost never in Spanish, Italian, Portuguese or English text. When
 * they make up enough of the body, the text is French and franc (about a millisecond a call) is not
 * asked; otherwise franc decides. Measured: 13–14 % in French articles, 0 % in English.
 */
const FRENCH_MARKERS: ReadonlySet<string> = new Set([
  'et',
  'est',
  'des',
  'du',
  'au',
  'aux',
  'une',
  'dans',
  'avec',
  'pour',
  'sont',
  'cette',
  'leur',
  'leurs',
  'pas',
]);
const FRENCH_MARKER_SHARE = 0.08;
/** The longest of {@link FRENCH_MARKERS}. */
const FRENCH_MARKER_LENGTH = Math.max(...[...FRENCH_MARKERS].map((marker) => marker.length));

function bodyLanguage(bodyText: string, words: readonly AnalyzedWord[]): LanguageGuess {
  let counted = 0;
  let markers = 0;
  for (const word of words) {
    if (word.kind !== 'word') continue;
    counted += 1;
    // No marker is longer than five letters: longer words, about half of them, skip the lookup.
    if (word.normalized.length <= FRENCH_MARKER_LENGTH && FRENCH_MARKERS.has(word.normalized)) markers += 1;
  }
  if (counted >= 50 && markers / counted >= FRENCH_MARKER_SHARE) {
    return { language: 'fr', iso6393: 'fra', confidence: 1, reliable: true };
  }
  return detectLanguage(bodyText);
}
