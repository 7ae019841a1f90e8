/**
 * `plume/fr`: the French text tools Plume's audit is built on, for reuse on their own. Pure
 * functions, no I/O; the same code the audit runs, so results agree with `plume audit`.
 */
export { countSyllables } from './lang/fr/count-syllables.js';
export { detectLanguage, type LanguageGuess } from './lang/fr/detect-language.js';
export {
  type FleschBand,
  type FleschCounts,
  fleschBand,
  fleschReadingEase,
} from './lang/fr/flesch-reading-ease.js';
export { foldAccents, normalizeWord } from './lang/fr/normalize-word.js';
export { segmentSentences } from './lang/fr/segment-sentences.js';
export { stem } from './lang/fr/stem.js';
export type { TextSpan } from './lang/fr/text-span.js';
export { countWords, tokenizeWords, type WordKind, type WordToken } from './lang/fr/tokenize-words.js';
export {
  findTypographyIssues,
  fixTypography,
  NARROW_NO_BREAK_SPACE,
  NO_BREAK_SPACE,
  type TypographyIssue,
  type TypographyIssueKind,
} from './lang/fr/typography.js';
export { buildSlug, isValidSlug, MAX_SLUG_LENGTH } from './plan/build-slug.js';
