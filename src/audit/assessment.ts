import type { Analysis, Span } from '../analyze/analysis.js';
import type { AuditConfig } from './audit-config.js';

export type AssessmentGroup = 'seo' | 'readability' | 'language';
export type Rating = 'good' | 'ok' | 'bad';

/** Message parameters: rendered into French by `renderMessage`, kept raw in JSON for machines. */
export type MessageParams = Readonly<Record<string, string | number | undefined>>;

/** What an assessment thinks of the analysis: no wording, no markup. */
export interface AssessmentOutcome {
  /** 0–9: ≤ 4 bad, 5–7 ok, 8–9 good. */
  score: number;
  messageId: string;
  params?: MessageParams;
  /** Passages it flags, as offsets into `Analysis.text`. */
  marks?: readonly Span[];
}

export interface Assessment {
  id: string;
  group: AssessmentGroup;
  /**
   * A check of Plume's own, beyond the public set Yoast SEO scores (heading levels, duplicate headings,
   * Flesch, language, typography): it may lower an overall score, never raise it, so that the overall
   * scores predict what Yoast shows the same user or are stricter.
   */
  extra?: boolean;
  isApplicable(analysis: Analysis, config: AuditConfig): boolean;
  assess(analysis: Analysis, config: AuditConfig): AssessmentOutcome;
}

export function ratingOf(score: number): Rating {
  if (score >= 8) return 'good';
  if (score >= 5) return 'ok';
  return 'bad';
}

/** Percentage rounded to one decimal, 0 when the whole is 0. */
export function percentage(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
