/** The page's elements and state, shared by every module, and its status messages. */

import { byId } from './dom.js';

export const elements = {
  version: byId('version'),
  tokenPanel: byId('token-panel'),
  tokenForm: byId('token-form'),
  tokenInput: byId('token-input'),
  tokenError: byId('token-error'),
  form: byId('optimize-form'),
  sourceTabs: byId('source-tabs'),
  sourceText: byId('source-text'),
  sourceTextPanel: byId('source-panel-text'),
  dropZone: byId('drop-zone'),
  fileInput: byId('source-file'),
  fileName: byId('file-name'),
  sourceUrl: byId('source-url'),
  keyphrase: byId('option-keyphrase'),
  minWords: byId('option-min-words'),
  locale: byId('option-locale'),
  writer: byId('option-writer'),
  writerHint: byId('option-writer-hint'),
  llmHelp: byId('llm-help'),
  siteName: byId('option-site-name'),
  author: byId('option-author'),
  optimizeButton: byId('optimize-button'),
  cancelButton: byId('cancel-button'),
  formStatus: byId('form-status'),
  formError: byId('form-error'),
  progressPanel: byId('progress-panel'),
  progressMessage: byId('progress-message'),
  progressSections: byId('progress-sections'),
  progressLabel: byId('progress-label'),
  progressBar: byId('progress-bar'),
  progressLog: byId('progress-log'),
  result: byId('result'),
  resultTitle: byId('result-title'),
  resultTabs: byId('result-tabs'),
  summarySeo: byId('summary-seo'),
  summaryReadability: byId('summary-readability'),
  summaryWords: byId('summary-words'),
  summaryConstraints: byId('summary-constraints'),
  announcer: byId('announcer'),
  previewNote: byId('preview-note'),
  previewFrame: byId('preview-frame'),
  markdownEditor: byId('markdown-editor'),
  markdownStatus: byId('markdown-status'),
  htmlCode: byId('html-code'),
  scores: byId('scores'),
  constraints: byId('constraints'),
  constraintsNote: byId('constraints-note'),
  assessments: byId('assessments'),
  markedText: byId('marked-text'),
  markedTextStatus: byId('marked-text-status'),
  serpSite: byId('serp-site'),
  serpBreadcrumb: byId('serp-breadcrumb'),
  serpTitle: byId('serp-title'),
  serpDescription: byId('serp-description'),
  serpMeasures: byId('serp-measures'),
};

export const state = {
  /** `text`, `file` or `url`: the source tab in use. */
  sourceMode: 'text',
  /** The file chosen or dropped. */
  file: null,
  /** Token kept in memory when sessionStorage is unavailable. */
  memoryToken: '',
  /** Retried once the user has given a token after a 401. */
  pendingAction: null,
  optimizeController: null,
  auditController: null,
  auditTimer: 0,
  /** The last `result` event: metadata, plan, report, markdown, html. */
  result: null,
  /** The report on screen: the optimization's, then the audit of the edited Markdown. */
  report: null,
  /** The Markdown on screen, edits included. */
  markdown: '',
  /** Whether the Markdown was edited since the optimization. */
  edited: false,
  /** Id of the assessment whose marks are highlighted. */
  selectedAssessment: null,
  /** Whether `GET /api/health` answered (it may need the token first). */
  healthLoaded: false,
  /** Writers the server offers, from `GET /api/health`. */
  writers: [],
  /** The source as sent, when the page has it as text: the live audit checks facts against it. */
  sourceText: null,
  /** The minimum of words asked for: the live audit checks the length against it. */
  minWords: undefined,
};

export function showFormError(message) {
  elements.formError.textContent = message;
}

export function clearMessages() {
  elements.formError.textContent = '';
  elements.formStatus.textContent = '';
}

export function announce(message) {
  elements.announcer.textContent = message;
}
