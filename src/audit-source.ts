import { type AuditDocumentOptions, auditDocument } from './audit/audit.js';
import type { Report } from './audit/report.js';
import type { Document } from './document.js';
import { type IngestOptions, ingest } from './ingest/ingest.js';

export interface AuditOptions extends AuditDocumentOptions, IngestOptions {}

/**
 * Audits an article given as text (plain text, Markdown with front matter,
 * HTML fragment or full page) or as an already parsed `Document`.
 */
export async function audit(input: string | Document, options: AuditOptions = {}): Promise<Report> {
  const document = typeof input === 'string' ? await ingest(input, options) : input;
  return auditDocument(document, options);
}
