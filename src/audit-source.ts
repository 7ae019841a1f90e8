import { analyze } from './analyze/analyze.js';
import { type AuditDocumentOptions, auditDocument } from './audit/audit.js';
import { mergeAuditConfig } from './audit/audit-config.js';
import { checkArticleConstraints } from './audit/check-article-constraints.js';
import type { ConstraintResult } from './audit/check-hard-constraints.js';
import type { Report } from './audit/report.js';
import { runAssessments } from './audit/run-assessments.js';
import type { Document } from './document.js';
import { type IngestOptions, ingest } from './ingest/ingest.js';
import { checkKeyphraseLength } from './ingest/input-limits.js';

export interface AuditOptions extends AuditDocumentOptions, IngestOptions {}

/**
 * Audits an article given as text (plain text, Markdown with front matter,
 * HTML fragment or full page) or as an already parsed `Document`.
 */
export async function audit(input: string | Document, options: AuditOptions = {}): Promise<Report> {
  checkKeyphraseLength(options.keyphrase ?? undefined);
  for (const synonym of options.synonyms ?? []) checkKeyphraseLength(synonym, 'Synonyme trop long');
  const document = typeof input === 'string' ? await ingest(input, options) : input;
  return auditDocument(document, options);
}

export interface AuditWithConstraintsOptions extends AuditOptions {
  /**
   * The source the article was written from (text, Markdown or HTML, format detected): every figure,
   * quote and name of the article must be in it (default: none, so no fidelity constraint).
   */
  source?: string | Document;
  /** Whether a writer that translates and expands is at hand (default: false, the offline writer only). */
  writerCanRewrite?: boolean;
  /** What a user does to get such a writer, in their terms (default: the CLI's, naming `--provider`). */
  rewriterHint?: string;
}

/** The audit, plus the hard constraints re-checked on the article as it is now. */
export interface ConstrainedReport extends Report {
  /** True when every hard constraint checked holds. */
  passed: boolean;
  /** Language, length, subheadings, metadata, and fidelity when a source is given (never coverage: see below). */
  constraints: ConstraintResult[];
}

/**
 * Audits an article and checks its hard constraints as `optimize` does, for an article a person has
 * edited: one analysis for both. Source coverage is not checked: what a person cuts is their choice.
 */
export async function auditWithConstraints(
  input: string | Document,
  options: AuditWithConstraintsOptions = {},
): Promise<ConstrainedReport> {
  checkKeyphraseLength(options.keyphrase ?? undefined);
  for (const synonym of options.synonyms ?? []) checkKeyphraseLength(synonym, 'Synonyme trop long');
  const document = typeof input === 'string' ? await ingest(input, options) : input;
  const config = mergeAuditConfig({
    ...options.config,
    ...(options.minWords === undefined ? {} : { minWords: options.minWords }),
  });
  const analysis = analyze(document, options);
  const report = runAssessments(analysis, config);
  const source = typeof options.source === 'string' ? await ingest(options.source) : options.source;
  const { constraints } = checkArticleConstraints({
    analysis,
    report,
    config,
    keyphrase: report.keyphrase,
    sourceAnalysis: source ? analyze(source) : null,
    writerCanRewrite: options.writerCanRewrite ?? false,
    ...(options.rewriterHint === undefined ? {} : { rewriterHint: options.rewriterHint }),
  });
  return {
    ...report,
    passed: constraints.every((constraint) => constraint.passed),
    constraints,
  };
}
