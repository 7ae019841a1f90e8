import { type AnalyzeOptions, analyze } from '../analyze/analyze.js';
import type { Document } from '../document.js';
import { ASSESSMENTS } from './assessments/index.js';
import { type AuditConfigOverrides, mergeAuditConfig } from './audit-config.js';
import type { Report } from './report.js';
import { runAssessments } from './run-assessments.js';

export interface AuditDocumentOptions extends AnalyzeOptions {
  /** Minimum words in the body (default: 700). Shortcut for `config.minWords`. */
  minWords?: number;
  /** Threshold overrides (default: none, see `DEFAULT_AUDIT_CONFIG`). */
  config?: AuditConfigOverrides;
  /** Assessment ids not run, e.g. `passive-voice` (default: none); they weigh on no score. */
  disable?: readonly string[];
}

/** Audits a parsed document: analysis once, then every assessment. Pure. */
export function auditDocument(document: Document, options: AuditDocumentOptions = {}): Report {
  const config = mergeAuditConfig({
    ...options.config,
    ...(options.minWords === undefined ? {} : { minWords: options.minWords }),
  });
  const disabled = new Set(options.disable ?? []);
  const assessments =
    disabled.size === 0 ? ASSESSMENTS : ASSESSMENTS.filter((assessment) => !disabled.has(assessment.id));
  return runAssessments(analyze(document, options), config, assessments);
}
