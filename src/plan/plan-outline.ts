import type { Heading as MdastHeading, Nodes } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Analysis, AnalyzedSentence, AnalyzedWord, Block } from '../analyze/analysis.js';
import { DEFAULT_AUDIT_CONFIG } from '../audit/audit-config.js';
import { lettersAndDigits } from '../character-class.js';
import type { Document } from '../document.js';
import { isFunctionWord } from '../lang/fr/function-words.js';
import { closedClassLexicon, type Lexicon } from '../lang/fr/lexicon.js';
import { normalizeWord } from '../lang/fr/normalize-word.js';
import { stem } from '../lang/fr/stem.js';
import { tokenizeWords, type WordToken } from '../lang/fr/tokenize-words.js';
import { isGenericAdjective } from './generic-adjectives.js';
import { extractHeadline, nounPhrases } from './headline-from-sentence.js';
import { contentForms } from './keyphrase-presence.js';
import { type HeadingCandidate, RankedCandidates } from './ranked-candidates.js';
import type { HeadingOrigin, OutlineSection, Passage } from './seo-plan.js';

export interface OutlineOptions {
  /** Stems of the keyphrase's content words: headings that contain them all count toward the 30–75 % aim. */
  keyphraseStems: readonly string[];
  /**
   * The keyphrase as written: when given, a generated heading counts toward the aim only if it also
   * writes more than half of its content words in these forms (« mots de passe », not « Un mot de
   * passe »), as Yoast SEO and a reader's search match them.
   */
  keyphrase?: string;
  /** Longest section without a subheading, in words (default: the audit's, 300). */
  maxSectionWords?: number;
  /** Longest paragraph, in words; longer ones are cut between sentences (default: the audit's, 150). */
  maxParagraphWords?: number;
  /** Longest introduction before the first subheading, in words (default: 150). */
  maxIntroductionWords?: number;
  /** Headings that must not be repeated (the H1). */
  reservedHeadings?: readonly string[];
  /** Parts of speech for generated headings (default: closed classes only). */
  lexicon?: Lexicon;
}

export interface Outline {
  /** Text of the source's H1, when it has one. */
  h1: string | null;
  keyPoints: Passage | null;
  introduction: Passage[];
  sections: OutlineSection[];
}

interface DraftSection {
  depth: number;
  heading: string | null;
  origin: HeadingOrigin;
  passages: Passage[];
}

/** Smallest share of a section each side of a cut, so that no stub section is made. */
const MIN_SPLIT_WORDS = 90;
/** Leftover text after the introduction shorter than this stays in the introduction. */
const MIN_GENERATED_SECTION_WORDS = 40;
/** Shares of subheadings with the keyphrase (the audit and Yoast SEO want 30–75 %). */
const KEYPHRASE_HEADING_SHARES = Object.freeze({
  /** Yoast SEO's floor: below it the article fails « Keyphrase in subheading ». */
  floor: 0.3,
  /** What the outline aims for when the keyphrase reads well in more headings. */
  aim: 0.5,
  /** Over this share the audit and Yoast SEO call it over-optimized. */
  ceiling: 0.75,
  /** To reach the floor, a unit with the keyphrase may score this share of the section's best unit. */
  floorShare: 0.1,
  /** Beyond the floor, up to the aim, it must score this share. */
  aimShare: 0.35,
});

/**
 * The structure of the article, from the source alone: which passages form
 * the introduction, the « L’essentiel » summary and each section, with
 * headings that are the source's own, its heading-like lines promoted, or
 * extracted from the section's most central sentence. Pure and deterministic.
 */
export function planOutline(document: Document, analysis: Analysis, options: OutlineOptions): Outline {
  const maxSectionWords = options.maxSectionWords ?? DEFAULT_AUDIT_CONFIG.subheadingDistribution.maxWords;
  const maxParagraphWords = options.maxParagraphWords ?? DEFAULT_AUDIT_CONFIG.paragraphLength.maxWords;
  const maxIntroductionWords = options.maxIntroductionWords ?? 150;
  const nodes = document.tree.children;
  const blocksByNode = groupBlocksByNode(analysis.blocks);
  const hasSubheadings = nodes.some(
    (node, index) => node.type === 'heading' && (node.depth >= 2 || index > firstH1Index(nodes)),
  );
  const headingLikeNodes = new Set(
    // Only plain text hides headings in paragraphs: in Markdown or HTML a paragraph is one on purpose.
    hasSubheadings || document.format !== 'text'
      ? []
      : analysis.headingLikeLines.map((line) => (analysis.blocks[line.blockIndex] as Block).nodeIndex),
  );
  const h1Index = firstH1Index(nodes);

  let keyPoints: Passage | null = null;
  const preamble: Passage[] = [];
  const sections: DraftSection[] = [];
  let previousDepth = 1;
  let seenParagraph = false;

  nodes.forEach((node, nodeIndex) => {
    if (nodeIndex === h1Index || node.type === 'yaml' || node.type === 'definition') return;
    const blocks = blocksByNode.get(nodeIndex) ?? [];
    if (node.type === 'heading') {
      const depth = Math.min(Math.max(2, node.depth), previousDepth + 1);
      previousDepth = depth;
      sections.push({ depth, heading: cleanHeading(mdastToString(node)), origin: 'source', passages: [] });
      return;
    }
    if (headingLikeNodes.has(nodeIndex)) {
      previousDepth = 2;
      sections.push({
        depth: 2,
        heading: cleanHeading(mdastToString(node)),
        origin: 'heading-like-line',
        passages: [],
      });
      return;
    }
    if (keyPoints === null && !seenParagraph && sections.length === 0 && isSummaryList(node, blocks)) {
      keyPoints = { nodeIndex, wordCount: sumWords(blocks) };
      return;
    }
    if (node.type === 'paragraph') seenParagraph = true;
    const passages = toPassages(node, nodeIndex, blocks, analysis, maxParagraphWords);
    const target = sections[sections.length - 1];
    if (target) target.passages.push(...passages);
    else preamble.push(...passages);
  });

  const { introduction, rest } = splitIntroduction(preamble, nodes, maxIntroductionWords);
  if (rest.length > 0) {
    sections.unshift({ depth: 2, heading: null, origin: 'generated', passages: rest });
  }

  const split = sections.flatMap((section) => splitSection(section, analysis, maxSectionWords));
  const h1 = h1Index >= 0 ? cleanHeading(mdastToString(nodes[h1Index] as Nodes)) : null;
  const reserved = [...(options.reservedHeadings ?? []), ...(h1 ? [h1] : [])];
  const lexicon = options.lexicon ?? closedClassLexicon;
  const finished = nameGeneratedSections(split, analysis, keyphraseTest(options), reserved, lexicon);
  return { h1, keyPoints, introduction, sections: finished };
}

function firstH1Index(nodes: readonly Nodes[]): number {
  return nodes.findIndex((node) => node.type === 'heading' && (node as MdastHeading).depth === 1);
}

function groupBlocksByNode(blocks: readonly Block[]): Map<number, Block[]> {
  const map = new Map<number, Block[]>();
  for (const block of blocks) {
    const list = map.get(block.nodeIndex);
    if (list) list.push(block);
    else map.set(block.nodeIndex, [block]);
  }
  return map;
}

function sumWords(blocks: readonly Block[]): number {
  return blocks.reduce((sum, block) => sum + block.wordCount, 0);
}

/** Heading text: one line, no final period (a heading is not a sentence), but « ? » and « ! » stay. */
function cleanHeading(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[.:;,]+$/u, '')
    .trim();
}

/** A list of 2–8 full sentences before any paragraph: the summary bullets of a news piece. */
function isSummaryList(node: Nodes, blocks: readonly Block[]): boolean {
  if (node.type !== 'list') return false;
  const items = node.children.length;
  return items >= 2 && items <= 8 && blocks.length === items && blocks.every((block) => block.wordCount >= 5);
}

function toPassages(
  node: Nodes,
  nodeIndex: number,
  blocks: readonly Block[],
  analysis: Analysis,
  maxWords: number,
): Passage[] {
  const wordCount = sumWords(blocks);
  const block = blocks[0];
  if (node.type !== 'paragraph' || wordCount <= maxWords || blocks.length !== 1 || !block) {
    return [{ nodeIndex, wordCount }];
  }
  // Cut between sentences into the fewest, most even parts under the limit.
  const sentences = analysis.sentences.slice(block.sentenceStart, block.sentenceEnd);
  const parts = Math.ceil(wordCount / maxWords);
  const passages: Passage[] = [];
  let start = 0;
  let words = 0;
  const target = wordCount / parts;
  sentences.forEach((sentence, index) => {
    words += sentence.wordCount;
    const isLast = index === sentences.length - 1;
    const next = sentences[index + 1];
    const overshoot = next !== undefined && words + next.wordCount > maxWords;
    if (isLast || words >= target || overshoot) {
      passages.push({
        nodeIndex,
        sentences: { start: block.sentenceStart + start, end: block.sentenceStart + index + 1 },
        wordCount: words,
      });
      start = index + 1;
      words = 0;
    }
  });
  return passages.length > 1 ? passages : [{ nodeIndex, wordCount }];
}

function splitIntroduction(
  preamble: readonly Passage[],
  nodes: readonly Nodes[],
  maxWords: number,
): { introduction: Passage[]; rest: Passage[] } {
  const introduction: Passage[] = [];
  let words = 0;
  let index = 0;
  for (; index < preamble.length; index += 1) {
    const passage = preamble[index] as Passage;
    const isParagraph = nodes[passage.nodeIndex]?.type === 'paragraph';
    if (introduction.length > 0 && (!isParagraph || words + passage.wordCount > maxWords)) break;
    introduction.push(passage);
    words += passage.wordCount;
    if (!isParagraph) break;
  }
  const rest = preamble.slice(index);
  const restWords = rest.reduce((sum, passage) => sum + passage.wordCount, 0);
  if (restWords < MIN_GENERATED_SECTION_WORDS) return { introduction: [...introduction, ...rest], rest: [] };
  return { introduction, rest };
}

function sentencesOf(passage: Passage, analysis: Analysis): AnalyzedSentence[] {
  if (passage.sentences) return analysis.sentences.slice(passage.sentences.start, passage.sentences.end);
  return sentencesByNode(analysis).get(passage.nodeIndex) ?? [];
}

/** Each top-level node's sentences, in order, built once per analysis: a scan per passage was quadratic. */
const sentencesByNodeCache = new WeakMap<Analysis, Map<number, AnalyzedSentence[]>>();

function sentencesByNode(analysis: Analysis): Map<number, AnalyzedSentence[]> {
  let byNode = sentencesByNodeCache.get(analysis);
  if (byNode === undefined) {
    byNode = new Map();
    for (const sentence of analysis.sentences) {
      const nodeIndex = analysis.blocks[sentence.blockIndex]?.nodeIndex;
      if (nodeIndex === undefined) continue;
      const list = byNode.get(nodeIndex);
      if (list) list.push(sentence);
      else byNode.set(nodeIndex, [sentence]);
    }
    sentencesByNodeCache.set(analysis, byNode);
  }
  return byNode;
}

function stemCounts(passages: readonly Passage[], analysis: Analysis): Map<string, number> {
  const counts = new Map<string, number>();
  for (const passage of passages) {
    for (const sentence of sentencesOf(passage, analysis)) {
      for (let index = sentence.wordStart; index < sentence.wordEnd; index += 1) {
        const word = analysis.words[index];
        if (word?.kind !== 'word' || word.isFunctionWord || word.text.length < 3) continue;
        counts.set(word.stem, (counts.get(word.stem) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function cosine(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  // `forEach`, not `for…of` over the entries: no [stem, count] array per entry, for every cut of every
  // section (the same entries in the same order, so the same sums).
  left.forEach((count, stem) => {
    leftNorm += count * count;
    dot += count * (right.get(stem) ?? 0);
  });
  for (const count of right.values()) rightNorm += count * count;
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}

/**
 * Splits a section over the limit at its weakest lexical link between
 * passages (TextTiling-like: two passages each side), keeping both sides
 * substantial; recursive until every part fits.
 */
function splitSection(
  section: DraftSection,
  analysis: Analysis,
  maxWords: number,
  // Each recursion reads the same passages again: their counts are computed once.
  countsByPassage: Map<Passage, Map<string, number>> = new Map(),
  // A pair of neighbours is one cut's left side and another's right: summed once, by its first passage
  // (a section is a run of passages, so the second one is always the same).
  countsByPair: Map<Passage, ReadonlyMap<string, number>> = new Map(),
): DraftSection[] {
  const total = section.passages.reduce((sum, passage) => sum + passage.wordCount, 0);
  if (total <= maxWords || section.passages.length < 2) return [section];
  const counts = section.passages.map((passage) => {
    let passageCounts = countsByPassage.get(passage);
    if (passageCounts === undefined) {
      passageCounts = stemCounts([passage], analysis);
      countsByPassage.set(passage, passageCounts);
    }
    return passageCounts;
  });
  let bestCut = -1;
  let bestScore = Number.POSITIVE_INFINITY;
  let left = 0;
  for (let cut = 1; cut < section.passages.length; cut += 1) {
    left += (section.passages[cut - 1] as Passage).wordCount;
    const right = total - left;
    const minimum = Math.min(MIN_SPLIT_WORDS, total / 3);
    if (left < minimum || right < minimum) continue;
    // Parts of one paragraph stay together when possible: they are one thought.
    const samePargraph = section.passages[cut - 1]?.nodeIndex === section.passages[cut]?.nodeIndex ? 0.3 : 0;
    const sideCounts = (start: number, end: number) => {
      const from = Math.max(0, start);
      const to = Math.min(counts.length, end);
      if (to - from !== 2) return mergeCounts(counts.slice(from, to));
      const first = section.passages[from] as Passage;
      let merged = countsByPair.get(first);
      if (merged === undefined) {
        merged = mergeCounts(counts.slice(from, to));
        countsByPair.set(first, merged);
      }
      return merged;
    };
    const similarity = cosine(sideCounts(cut - 2, cut), sideCounts(cut, cut + 2));
    const imbalance = Math.abs(left - right) / total;
    const score = similarity + 0.6 * imbalance + samePargraph;
    if (score < bestScore) {
      bestScore = score;
      bestCut = cut;
    }
  }
  if (bestCut < 0) return [section];
  const first: DraftSection = { ...section, passages: section.passages.slice(0, bestCut) };
  const second: DraftSection = {
    depth: section.depth,
    heading: null,
    origin: 'generated',
    passages: section.passages.slice(bestCut),
  };
  return [
    ...splitSection(first, analysis, maxWords, countsByPassage, countsByPair),
    ...splitSection(second, analysis, maxWords, countsByPassage, countsByPair),
  ];
}

function mergeCounts(list: readonly Map<string, number>[]): ReadonlyMap<string, number> {
  // One passage is its own sum (same entries, same order): no copy.
  if (list.length === 1) return list[0] as Map<string, number>;
  const merged = new Map<string, number>();
  // `forEach`: no [stem, count] array per entry (see `cosine`).
  for (const counts of list)
    counts.forEach((count, stem) => {
      merged.set(stem, (merged.get(stem) ?? 0) + count);
    });
  return merged;
}

interface KeyphraseTest {
  stems: ReadonlySet<string>;
  /** Every stem and the written forms: what the outline aims for. */
  contains: (text: string) => boolean;
  /** Every stem: what the audit counts, for the 75 % ceiling. */
  containsStems: (text: string) => boolean;
  /** Nothing but the keyphrase and its determiner (« Des mots de passe »): a label, not a heading. */
  isBare: (text: string) => boolean;
}

/** Whether a heading holds the keyphrase: every stem, and more than half of the written forms when known. */
function keyphraseTest(options: OutlineOptions): KeyphraseTest {
  const stems = new Set(options.keyphraseStems);
  const forms = options.keyphrase === undefined ? [] : contentForms(options.keyphrase);
  const words = wordTokensOf;
  // Asked of every heading candidate several times (choice, ceiling, bare test): answered once per text.
  const containsStemsByText = new Map<string, boolean>();
  const containsStems = (text: string) => {
    if (stems.size === 0) return false;
    let answer = containsStemsByText.get(text);
    if (answer === undefined) {
      const found = new Set(stemsOfText(text));
      answer = [...stems].every((value) => found.has(value));
      containsStemsByText.set(text, answer);
    }
    return answer;
  };
  return {
    stems,
    containsStems,
    isBare: (text) =>
      containsStems(text) &&
      words(text).every((token) => {
        const word = normalizeWord(token.text);
        return isFunctionWord(word) || stems.has(stem(token.text));
      }),
    contains: (text) => {
      if (!containsStems(text)) return false;
      if (forms.length === 0) return true;
      const written = new Set(words(text).map((token) => normalizeWord(token.text)));
      return forms.filter((form) => written.has(form)).length * 2 > forms.length;
    },
  };
}

function nameGeneratedSections(
  sections: readonly DraftSection[],
  analysis: Analysis,
  keyphrase: KeyphraseTest,
  reserved: readonly string[],
  lexicon: Lexicon,
): OutlineSection[] {
  const used = new Set(reserved.map(headingKey));
  for (const section of sections) if (section.heading) used.add(headingKey(section.heading));
  // Read when asked, against the headings taken at that moment: `used` only grows.
  const free = (candidate: HeadingCandidate) => !used.has(headingKey(candidate.text));
  const candidatesBySection = sections.map((section) =>
    section.heading === null ? headingCandidates(section, analysis, keyphrase, lexicon) : null,
  );
  const keyed = sectionsForKeyphrase(sections, candidatesBySection, keyphrase, free);
  let withStems = sections.filter(
    (section) => section.heading && keyphrase.containsStems(section.heading),
  ).length;
  const ceiling = Math.floor(KEYPHRASE_HEADING_SHARES.ceiling * sections.length);

  return sections.map((section, index) => {
    const wordBudget = section.passages.reduce((sum, passage) => sum + passage.wordCount, 0);
    if (section.heading !== null) return { ...section, heading: section.heading, wordBudget };
    // Headings chosen for earlier sections are taken: `free` says so now.
    const candidates = candidatesBySection[index] as RankedCandidates;
    let chosen =
      (keyed.has(index) && keyedChoice(candidates.withKeyphrase().filter(free), keyphrase)?.candidate) ||
      candidates.first(free);
    if (chosen && withStems + 1 > ceiling && keyphrase.containsStems(chosen.text)) {
      chosen =
        candidates.first((candidate) => free(candidate) && !keyphrase.containsStems(candidate.text)) ??
        chosen;
    }
    const heading = chosen?.text ?? fallbackHeading(section, analysis, used, lexicon);
    used.add(headingKey(heading));
    if (keyphrase.containsStems(heading)) withStems += 1;
    return {
      depth: section.depth,
      heading,
      origin: 'generated' as const,
      passages: section.passages,
      wordBudget,
    };
  });
}

/**
 * The generated sections whose heading writes the keyphrase: those whose best unit already does, then,
 * while fewer than 30 % of all headings (Yoast SEO's floor) would, the sections whose best unit with the
 * keyphrase scores closest to their best unit (at least `floorShare` of it), then up to half of the
 * headings when it scores at least `aimShare` of it; never over 75 % (by stems, as the audit counts).
 * Chosen over the whole outline, not section by section: the sections where the keyphrase reads most
 * naturally carry it.
 */
function sectionsForKeyphrase(
  sections: readonly DraftSection[],
  candidatesBySection: readonly (RankedCandidates | null)[],
  keyphrase: KeyphraseTest,
  free: (candidate: HeadingCandidate) => boolean,
): Set<number> {
  const total = sections.length;
  const floor = Math.ceil(KEYPHRASE_HEADING_SHARES.floor * total);
  const aim = Math.ceil(KEYPHRASE_HEADING_SHARES.aim * total);
  const ceiling = Math.floor(KEYPHRASE_HEADING_SHARES.ceiling * total);
  let written = sections.filter((section) => section.heading && keyphrase.contains(section.heading)).length;
  let stems = sections.filter(
    (section) => section.heading && keyphrase.containsStems(section.heading),
  ).length;
  const options = candidatesBySection
    .map((candidates, index) => {
      const best = candidates?.first(free);
      const withKeyphrase = candidates && keyedChoice(candidates.withKeyphrase().filter(free), keyphrase);
      if (!best || !withKeyphrase) return { index, share: 0, bare: false };
      const bare = keyphrase.isBare(withKeyphrase.candidate.text);
      if (withKeyphrase.candidate === best) return { index, share: 1, bare };
      return { index, share: best.score > 0 ? Math.min(1, withKeyphrase.score / best.score) : 1, bare };
    })
    .filter((option) => option.share > 0)
    .sort((left, right) => right.share - left.share || left.index - right.index);
  const chosen = new Set<number>();
  for (const { index, share, bare } of options) {
    // A bare keyphrase (« Le métro parisien » over « Reste la question du financement ») is never forced in.
    const wanted =
      share >= 1 ||
      (written < floor && !bare && share >= KEYPHRASE_HEADING_SHARES.floorShare) ||
      (written < aim && share >= KEYPHRASE_HEADING_SHARES.aimShare);
    if (!wanted || stems + 1 > ceiling) continue;
    chosen.add(index);
    written += 1;
    stems += 1;
  }
  return chosen;
}

/** What a noun phrase keeps of its score when its sentence makes a heading too. */
const SENTENCE_OVER_ITS_PHRASES = 0.85;
/** How much a heading that is only the keyphrase keeps of its score: « Les mots de passe », then « Des… ». */
const BARE_DEFINITE = 0.6;
const BARE_INDEFINITE = 0.5;
const DEFINITE_ARTICLES = /^(?:(?:le|la|les)\s|l['’])/iu;

/** The section's best unit with the keyphrase, a bare keyphrase counting for less, and its score. */
function keyedChoice(
  candidates: readonly HeadingCandidate[],
  keyphrase: KeyphraseTest,
): { candidate: HeadingCandidate; score: number } | undefined {
  let best: { candidate: HeadingCandidate; score: number } | undefined;
  for (const candidate of candidates) {
    if (!candidate.hasKeyphrase) continue;
    const factor = keyphrase.isBare(candidate.text)
      ? DEFINITE_ARTICLES.test(candidate.text)
        ? BARE_DEFINITE
        : BARE_INDEFINITE
      : 1;
    if (best === undefined || candidate.score * factor > best.score)
      best = { candidate, score: candidate.score * factor };
  }
  return best;
}

function headingCandidates(
  section: DraftSection,
  analysis: Analysis,
  keyphrase: KeyphraseTest,
  lexicon: Lexicon,
): RankedCandidates {
  const counts = stemCounts(section.passages, analysis);
  const sentences = section.passages.flatMap((passage) => sentencesOf(passage, analysis));
  const firstSentence = sentences[0];
  /** What a stem adds to a unit's centrality (see `read`). */
  const weight = (stem: string) => (counts.get(stem) ?? 1) - 1 + (keyphrase.stems.has(stem) ? 0.5 : 0);
  const positionFactor = (position: number) => 1 - Math.min(0.3, position * 0.03);
  return new RankedCandidates({
    count: sentences.length,
    // A unit's words are words of its sentence (cut, never rewritten), so its stems are among the
    // sentence's. Its centrality, Σ w / √n over its n stems, is at most √(Σ w²) over them (Cauchy-Schwarz),
    // so at most √(Σ w²) over the sentence's; its quality is at most 1, before the position's factor.
    // The margin covers rounding: a bound must never fall below the score it bounds.
    bound: (position) => {
      const sentence = sentences[position] as AnalyzedSentence;
      const seen = new Set<string>();
      let squares = 0;
      for (let index = sentence.wordStart; index < sentence.wordEnd; index += 1) {
        const word = analysis.words[index] as AnalyzedWord;
        if (seen.has(word.stem)) continue;
        seen.add(word.stem);
        const value = weight(word.stem);
        squares += value * value;
      }
      return Math.sqrt(squares) * positionFactor(position) * (1 + 1e-9);
    },
    // A unit holds the keyphrase only if it has all its stems, so only if its sentence has them.
    mayHoldKeyphrase: (position) => {
      if (keyphrase.stems.size === 0) return false;
      const sentence = sentences[position] as AnalyzedSentence;
      let found = 0;
      const seen = new Set<string>();
      for (let index = sentence.wordStart; index < sentence.wordEnd; index += 1) {
        const value = (analysis.words[index] as AnalyzedWord).stem;
        if (keyphrase.stems.has(value) && !seen.has(value)) {
          seen.add(value);
          found += 1;
        }
      }
      return found === keyphrase.stems.size;
    },
    read: (position) => {
      const sentence = sentences[position] as AnalyzedSentence;
      const headline = extractHeadline(sentence.text, { lexicon });
      const units = [
        // A heading that repeats the whole next sentence says nothing new.
        ...(headline &&
        !(sentence === firstSentence && headingKey(headline.text) === headingKey(sentence.text))
          ? [headline]
          : []),
        ...nounPhrases(sentence.text, { lexicon, tokens: sentenceTokens(sentence, analysis) }),
      ];
      const candidates: HeadingCandidate[] = [];
      for (const unit of units) {
        const stems = unitStems(unit.text);
        if (stems.size === 0) continue;
        let centrality = 0;
        for (const stem of stems) centrality += weight(stem);
        centrality /= Math.sqrt(stems.size);
        // A complete sentence says more than a noun phrase; both are whole grammatical units.
        // A bare « Les entreprises » says little: a noun phrase with a complement or three content words is better.
        let quality = unit.kind === 'sentence' ? 1 : stems.size >= 3 ? 0.8 : 0.5;
        // The sentence itself says more than a noun phrase cut from it (« Deux entreprises rivales se
        // partagent le sous-sol » over « Deux entreprises rivales »).
        if (unit.kind === 'noun-phrase' && headline !== null) quality *= SENTENCE_OVER_ITS_PHRASES;
        // Earlier sentences announce the topic; a slight preference keeps headings close to what follows.
        quality *= positionFactor(position);
        candidates.push({
          text: unit.text,
          score: centrality * quality,
          hasKeyphrase: keyphrase.contains(unit.text),
        });
      }
      return candidates;
    },
  });
}

/**
 * The sentence's words as `tokenizeWords(sentence.text)` gives them: the analysis tokenized each sentence's
 * text so (a reused sentence has the same tokens, see `analyzeReusing`), so they are read from it.
 */
export function sentenceTokens(sentence: AnalyzedSentence, analysis: Analysis): WordToken[] {
  const tokens: WordToken[] = [];
  for (let index = sentence.wordStart; index < sentence.wordEnd; index += 1) {
    const word = analysis.words[index] as AnalyzedWord;
    tokens.push({
      text: word.text,
      start: word.start - sentence.start,
      end: word.end - sentence.start,
      kind: word.kind,
    });
  }
  return tokens;
}

function stemsOfText(text: string): string[] {
  return wordTokensOf(text).map((token) => stem(token.text));
}

/**
 * The distinct stems of 3 letters or more of a heading candidate, in reading order (the order its
 * centrality sums them in). « grand », « nouveau »: generic adjectives say nothing of what the section
 * is about. One pass, no intermediate arrays: every noun phrase of every sentence of a section is read.
 */
function unitStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const token of wordTokensOf(text)) {
    if (isGenericAdjective(token.text)) continue;
    const value = stem(token.text);
    if (value.length >= 3) stems.add(value);
  }
  return stems;
}

/**
 * The word tokens of a text (numbers and elisions left out). A heading candidate is read three times
 * (its stems, the keyphrase's stems, its written forms): tokenized once. Callers never modify the array.
 */
function wordTokensOf(text: string): readonly WordToken[] {
  let tokens = wordTokensByText.get(text);
  if (tokens === undefined) {
    tokens = tokenizeWords(text).filter((token) => token.kind === 'word');
    // Bounded: a batch of articles must not grow it without end.
    if (wordTokensByText.size >= MAX_WORD_TOKENS) wordTokensByText.clear();
    wordTokensByText.set(text, tokens);
  }
  return tokens;
}

const wordTokensByText = new Map<string, readonly WordToken[]>();
const MAX_WORD_TOKENS = 4096;

/**
 * Last resort when no sentence or noun phrase of the section makes a heading: the shortest whole
 * noun phrase of two words or more, else the section's shortest sentence whole. Never words cut at a count.
 */
function fallbackHeading(
  section: DraftSection,
  analysis: Analysis,
  used: ReadonlySet<string>,
  lexicon: Lexicon,
): string {
  const sentences = section.passages.flatMap((passage) => sentencesOf(passage, analysis));
  const phrases = sentences.flatMap((sentence) => nounPhrases(sentence.text, { lexicon, minWords: 2 }));
  const fresh = phrases.find((phrase) => !used.has(headingKey(phrase.text)));
  if (fresh) return fresh.text;
  // The shortest sentence of the section, whole: a sentence, never words cut at a count.
  const shortest = [...sentences].sort((left, right) => left.wordCount - right.wordCount)[0];
  const base = cleanHeading((shortest?.text ?? 'Suite').replace(/[«»“”"]/gu, ''));
  let heading = base;
  let suffix = 2;
  while (used.has(headingKey(heading))) heading = `${base} (${suffix++})`;
  return heading;
}

function headingKey(text: string): string {
  let key = headingKeys.get(text);
  if (key === undefined) {
    key = lettersAndDigits(normalizeWord(text));
    // Bounded: a batch of articles must not grow it without end.
    if (headingKeys.size >= MAX_HEADING_KEYS) headingKeys.clear();
    headingKeys.set(text, key);
  }
  return key;
}

/** Each candidate's key is asked once per section that could take it: computed once per text. */
const headingKeys = new Map<string, string>();
const MAX_HEADING_KEYS = 4096;
