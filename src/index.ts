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
export type { Article, ArticleMetadata, TableOfContentsEntry } from './article.js';
export type { Assessment, AssessmentGroup, AssessmentOutcome, Rating } from './audit/assessment.js';
export { ASSESSMENTS } from './audit/assessments/index.js';
export { type AuditDocumentOptions, auditDocument } from './audit/audit.js';
export {
  type AuditConfig,
  type AuditConfigOverrides,
  DEFAULT_AUDIT_CONFIG,
  mergeAuditConfig,
} from './audit/audit-config.js';
export {
  type ArticleConstraintInputs,
  type ArticleConstraints,
  checkArticleConstraints,
} from './audit/check-article-constraints.js';
export type { CoverageResult } from './audit/check-coverage.js';
export type { FidelityIssue, FidelityResult } from './audit/check-fidelity.js';
export { checkFidelity } from './audit/check-fidelity.js';
export type { ConstraintId, ConstraintResult } from './audit/check-hard-constraints.js';
export { checkHardConstraints } from './audit/check-hard-constraints.js';
export { renderMessage } from './audit/messages-fr.js';
export type { AssessmentResult, Report } from './audit/report.js';
export { type AuditOptions, audit } from './audit-source.js';
export type { Document, SourceFormat, SourceMetadata } from './document.js';
export { type IngestOptions, ingest } from './ingest/ingest.js';
export { InputError } from './ingest/input-error.js';
export { measureTextWidth, truncateToWidth } from './lang/pixel-width/measure-text-width.js';
export { createLanguageModel, type ProviderSettings } from './llm/create-language-model.js';
export type { LanguageModel } from './llm/language-model.js';
export { type OptimizeOptions, type OptimizeReport, type OptimizeResult, optimize } from './optimize.js';
export { extractKeyphrases, type KeyphraseCandidate } from './plan/extract-keyphrases.js';
export { planArticle } from './plan/plan-article.js';
export type { OutlineSection, Passage, SeoPlan } from './plan/seo-plan.js';
export type { InternalLink, SitePage } from './plan/site-page.js';
export { buildJsonLd } from './render/json-ld.js';
export { MARKDOWN_TARGETS, type MarkdownTarget, markdownFileName } from './render/markdown-target.js';
export { type RenderFragmentOptions, renderHtmlFragment } from './render/render-fragment.js';
export { renderHtmlDocument } from './render/render-html.js';
export { renderJson } from './render/render-json.js';
export { renderMarkdown } from './render/render-markdown.js';
export { createLlmWriter, type LlmWriterOptions } from './write/llm/llm-writer.js';
export { createOfflineWriter } from './write/offline-writer.js';
export type { Writer, WriterContext, WriterProgress } from './write/writer.js';
