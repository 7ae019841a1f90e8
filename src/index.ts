export type {
  Analysis,
  AnalyzedSentence,
  AnalyzedWord,
  Block,
  Facts,
  Heading,
  Section,
  Span,
} from './analyze/analysis.js';
export { type AnalyzeOptions, analyze } from './analyze/analyze.js';
export type { Assessment, AssessmentGroup, AssessmentOutcome, Rating } from './audit/assessment.js';
export { ASSESSMENTS } from './audit/assessments/index.js';
export { type AuditDocumentOptions, auditDocument } from './audit/audit.js';
export {
  type AuditConfig,
  type AuditConfigOverrides,
  DEFAULT_AUDIT_CONFIG,
  mergeAuditConfig,
} from './audit/audit-config.js';
export { type AuditOptions, audit } from './audit/audit-source.js';
export { renderMessage } from './audit/messages-fr.js';
export { measureTextWidth, truncateToWidth } from './audit/pixel-width/measure-text-width.js';
export type { AssessmentResult, Report } from './audit/report.js';
export type { Document, SourceFormat, SourceMetadata } from './document.js';
export { type IngestOptions, ingest } from './ingest/ingest.js';
export { InputError } from './ingest/input-error.js';
