import type { Report } from '../audit/report.js';

/** One audited input, as the CI formats (JSON, SARIF, GitHub annotations) report it. */
export interface AuditedFile {
  /** The input as the user named it, relative to the working directory (or `-`, or the address). */
  file: string;
  /** The source text read, to place findings on a line. */
  sourceText: string;
  report: Report;
  /** Scores under `--fail-under`, e.g. `{ score: 'seo', value: 72, minimum: 80 }`. */
  failures: readonly ScoreFailure[];
}

export interface ScoreFailure {
  score: 'seo' | 'readability';
  value: number;
  minimum: number;
}

/** French names of the two scores. */
export const SCORE_NAMES: Readonly<Record<ScoreFailure['score'], string>> = {
  seo: 'score SEO',
  readability: 'score de lisibilité',
};

/**
 * The line (1-based) of the source where a flagged passage is, found by its text;
 * 1 when it cannot be found (the passage was rewritten by ingestion, or spans blocks).
 */
export function lineOfMark(
  audited: Pick<AuditedFile, 'sourceText' | 'report'>,
  start: number,
  end: number,
): number {
  const passage = audited.report.text.slice(start, end).split('\n')[0]?.trim().slice(0, 60) ?? '';
  if (passage === '') return 1;
  const index = audited.sourceText.indexOf(passage);
  if (index === -1) return 1;
  let line = 1;
  for (let position = 0; position < index; position += 1)
    if (audited.sourceText[position] === '\n') line += 1;
  return line;
}

/** The first line a result points at, or 1 when it marks nothing (a missing meta description). */
export function lineOfResult(audited: AuditedFile, result: Report['results'][number]): number {
  const mark = result.marks[0];
  return mark ? lineOfMark(audited, mark.start, mark.end) : 1;
}
