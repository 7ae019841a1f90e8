import type { AnalysisStatistics, ArticleMetadata, Span } from '../analyze/analysis.js';
import type { LanguageGuess } from '../lang/fr/detect-language.js';
import type { AssessmentGroup, MessageParams, Rating } from './assessment.js';

export interface AssessmentResult {
  id: string;
  group: AssessmentGroup;
  /** French name of the assessment. */
  title: string;
  score: number;
  rating: Rating;
  messageId: string;
  params: MessageParams;
  /** French message. */
  message: string;
  /** Flagged passages, as offsets into the audited text (`Report.text`). */
  marks: readonly Span[];
}

export interface Report {
  /** Overall scores, 0–100. */
  scores: { seo: number; readability: number };
  keyphrase: string | null;
  metadata: ArticleMetadata;
  language: LanguageGuess;
  statistics: AnalysisStatistics & { headings: number; subheadings: number; sections: number };
  results: AssessmentResult[];
  /** Paragraphs that read like headings written as plain text. */
  headingLikeLines: string[];
  /** The plain text the marks point into: the article's blocks separated by blank lines. */
  text: string;
}
