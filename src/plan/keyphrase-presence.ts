import type { Analysis, AnalyzedSentence } from '../analyze/analysis.js';
import { isFunctionWord } from '../lang/fr/function-words.js';
import { normalizeWord } from '../lang/fr/normalize-word.js';
import { tokenizeWords } from '../lang/fr/tokenize-words.js';
import type { KeyphraseCandidate } from './extract-keyphrases.js';

/**
 * Where a keyphrase is written in the very forms a reader typed it (« mots de passe », not « mot de
 * passe »): what Yoast SEO and other checkers that match French word forms exactly look for, in the
 * introduction, the body and the meta description. Pure.
 */
export interface KeyphrasePresence {
  /** Sentences of the body (headings aside) holding every content word of the phrase in its written form. */
  bodySentences: number;
  /** The first paragraph holds every content word in its written form. */
  inIntroduction: boolean;
  /** Some sentence of the author's own, no longer than a meta description, holds them: one can be written. */
  describable: boolean;
}

/** Tuning of `preferPresentKeyphrase`. */
export const KEYPHRASE_PRESENCE = Object.freeze({
  /** Fewer body sentences than this and the phrase is absent from the text (a title fragment, say). */
  minBodySentences: 2,
  /** An alternative must score at least this share of the first candidate: still one of the article's topics. */
  minScoreShare: 0.3,
  /** How many candidates are looked at after the first. */
  alternatives: 6,
  /** Body sentences beyond this count no more. */
  maxCountedSentences: 8,
  /** Weight of an alternative found in the introduction, or writable in the meta description. */
  introductionWeight: 1.5,
  describableWeight: 1.5,
  /** Longest sentence that can be a meta description, in characters. */
  maxDescriptionLength: 156,
});

/**
 * The words of a phrase a checker requires, lower-cased in their written form (function words aside,
 * unless the phrase has only those).
 */
export function contentForms(phrase: string): string[] {
  // Loops, not `map` and `filter`, for arrays read in hot code: see nounPhrases (headline-from-sentence.ts).
  const all: string[] = [];
  const content: string[] = [];
  for (const token of tokenizeWords(phrase)) {
    if (token.kind !== 'word') continue;
    const form = normalizeWord(token.text);
    all.push(form);
    if (!isFunctionWord(form)) content.push(form);
  }
  return content.length > 0 ? content : all;
}

function holdsForms(forms: readonly string[], written: ReadonlySet<string>): boolean {
  return forms.length > 0 && forms.every((form) => written.has(form));
}

export function keyphrasePresence(phrase: string, analysis: Analysis): KeyphrasePresence {
  const forms = contentForms(phrase);
  // Whether the words from `start` to `end` write every form: a scan per form (a phrase has a few), no set
  // of the sentence's words built for each sentence of the text.
  const writesAll = (start: number, end: number) =>
    forms.length > 0 &&
    forms.every((form) => {
      for (let index = start; index < end; index += 1)
        if (analysis.words[index]?.normalized === form) return true;
      return false;
    });
  const isBody = (sentence: AnalyzedSentence) => analysis.blocks[sentence.blockIndex]?.kind !== 'heading';
  let bodySentences = 0;
  let describable = false;
  for (const sentence of analysis.sentences) {
    if (!isBody(sentence) || !writesAll(sentence.wordStart, sentence.wordEnd)) continue;
    bodySentences += 1;
    const block = analysis.blocks[sentence.blockIndex];
    if (
      block?.kind !== 'blockquote' &&
      [...sentence.text.trim()].length <= KEYPHRASE_PRESENCE.maxDescriptionLength
    )
      describable = true;
  }
  const opening = analysis.blocks.find((block) => block.kind === 'paragraph' && block.wordCount > 0);
  const openingWords = opening
    ? analysis.words.filter((word) => word.start >= opening.start && word.end <= opening.end)
    : [];
  const inIntroduction = holdsForms(forms, new Set(openingWords.map((word) => word.normalized)));
  return { bodySentences, inIntroduction, describable };
}

/**
 * The candidates with the first one replaced when the text does not write it: a phrase of the title
 * found in fewer than two sentences of the body (« cheminement itératif en sécurité ») gives way to a
 * candidate of comparable score that the body repeats in the same forms, weighted by how often, and by
 * whether the introduction and a sentence fit for the meta description hold it (« mots de passe »).
 * A multi-word first candidate only gives way to a multi-word phrase. Otherwise the order is kept.
 */
export function preferPresentKeyphrase(
  candidates: readonly KeyphraseCandidate[],
  analysis: Analysis,
): KeyphraseCandidate[] {
  const first = candidates[0];
  if (first === undefined) return [...candidates];
  if (keyphrasePresence(first.phrase, analysis).bodySentences >= KEYPHRASE_PRESENCE.minBodySentences)
    return [...candidates];
  let best: { candidate: KeyphraseCandidate; value: number } | undefined;
  for (const candidate of candidates.slice(1, 1 + KEYPHRASE_PRESENCE.alternatives)) {
    if (candidate.score < KEYPHRASE_PRESENCE.minScoreShare * first.score) continue;
    if (first.words >= 2 && candidate.words < 2) continue;
    const presence = keyphrasePresence(candidate.phrase, analysis);
    if (presence.bodySentences < KEYPHRASE_PRESENCE.minBodySentences) continue;
    const value =
      candidate.score *
      Math.min(presence.bodySentences, KEYPHRASE_PRESENCE.maxCountedSentences) *
      (presence.inIntroduction ? KEYPHRASE_PRESENCE.introductionWeight : 1) *
      (presence.describable ? KEYPHRASE_PRESENCE.describableWeight : 1);
    if (best === undefined || value > best.value) best = { candidate, value };
  }
  if (best === undefined) return [...candidates];
  const chosen = best.candidate;
  return [chosen, ...candidates.filter((candidate) => candidate !== chosen)];
}
