/*
 * Plume web page: sends an article to the API of `plume serve`, follows the work as server-sent events,
 * and shows the article, its Markdown and HTML, the SEO report and a Google result preview.
 *
 * Served under a strict CSP (`script-src 'self'`, `style-src 'self'`): no inline script or style. Article
 * text never goes through `innerHTML`: the report is built with DOM nodes and `textContent`, and the
 * article HTML is rebuilt element by element from an allowlist, then shown in an iframe sandboxed
 * without scripts.
 */

const TOKEN_STORAGE_KEY = 'plume.token';
/** Delay between the last keystroke in the Markdown editor and the audit request. */
const AUDIT_DELAY_MS = 500;
/** Google cuts result titles at 600 px of Arial 20 px, descriptions near 920 px of Arial 14 px. */
const TITLE_MAX_WIDTH = 600;
const DESCRIPTION_MAX_WIDTH = 920;
const SERP_FONT_FAMILY = 'Arial, "Liberation Sans", sans-serif';
const SERP_ELLIPSIS = ' …';
/** Domain shown in the Google preview when the article has no canonical address. */
const EXAMPLE_DOMAIN = 'exemple.fr';
const MAX_PROGRESS_LOG_ENTRIES = 40;
const ACCEPTED_FILE_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm'];

/** Shown when a progress event has no message of its own (the server's messages are French already). */
const STAGE_LABELS = {
  fetch: 'Lecture de la page',
  plan: 'Plan',
  write: 'Rédaction',
  audit: 'Audit',
  repair: 'Corrections',
};

const RATING_LABELS = { good: 'Bon', ok: 'À améliorer', bad: 'Problème' };
/** Problems first, as a to-do list. */
const RATING_ORDER = { bad: 0, ok: 1, good: 2 };

const GROUPS = [
  { id: 'seo', title: 'Référencement (SEO)' },
  { id: 'readability', title: 'Lisibilité' },
  { id: 'language', title: 'Langue et typographie' },
];

const CONSTRAINT_LABELS = {
  language: 'Langue',
  length: 'Longueur',
  subheadings: 'Intertitres',
  fidelity: 'Fidélité à la source',
  coverage: 'Couverture de la source',
  metadata: 'Métadonnées',
};

/** Messages by HTTP status, when an error response carries no message of its own. */
const STATUS_MESSAGES = {
  400: 'La demande est invalide.',
  401: 'Un jeton d’accès valide est nécessaire.',
  403: 'Cette action est refusée par le serveur.',
  404: 'Cette adresse n’existe pas sur le serveur.',
  413: 'Le texte ou le fichier est trop volumineux.',
  415: 'Ce format n’est pas pris en charge.',
  422: 'L’article n’a pas pu être lu.',
  429: 'Trop de demandes : patientez un instant, puis réessayez.',
  500: 'Erreur interne du serveur. Réessayez ; si le problème persiste, signalez-le.',
  502: 'Le service distant n’a pas répondu correctement. Réessayez plus tard.',
  503: 'Le serveur est momentanément indisponible. Réessayez plus tard.',
  504: 'Le délai d’attente est dépassé. Réessayez plus tard.',
};

// ----- Safe rendering of the article HTML -----

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Elements an article body may use. Anything else is dropped with its content. */
const SAFE_ELEMENTS = new Set([
  'a',
  'abbr',
  'article',
  'aside',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'li',
  'mark',
  'nav',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'section',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
]);

/** Attributes kept (besides `aria-*`). Event handlers, `style`, `srcset`, `target`… are all dropped. */
const SAFE_ATTRIBUTES = new Set([
  'alt',
  'checked',
  'cite',
  'class',
  'colspan',
  'datetime',
  'dir',
  'disabled',
  'height',
  'href',
  'id',
  'lang',
  'reversed',
  'role',
  'rowspan',
  'scope',
  'src',
  'start',
  'title',
  'type',
  'width',
]);

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
const STYLE_ELEMENTS = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
const SAFE_LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const SAFE_IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

// ----- Page state -----

const elements = {
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

const state = {
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
  measureContext: null,
  /** Whether `GET /api/health` answered (it may need the token first). */
  healthLoaded: false,
};

// ----- API -----

/** An error the page can explain: `message` is French, ready to show. */
class PlumeApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'PlumeApiError';
    this.status = status;
    this.code = code;
  }
}

function readToken() {
  try {
    return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  } catch {
    return state.memoryToken;
  }
}

function storeToken(token) {
  state.memoryToken = token;
  try {
    if (token === '') sessionStorage.removeItem(TOKEN_STORAGE_KEY);
    else sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Storage disabled (private mode, policy): the in-memory copy lasts until the page is reloaded.
  }
}

/** Relative to the page, so that Plume also works behind a reverse proxy under a sub-path. */
function apiUrl(path) {
  return new URL(path, document.baseURI).href;
}

/** `fetch` with the token, which turns HTTP errors into `PlumeApiError`s with a French message. */
async function apiFetch(path, init = {}) {
  const headers = new Headers(init.headers);
  const token = readToken();
  if (token !== '') headers.set('Authorization', `Bearer ${token}`);
  let response;
  try {
    response = await fetch(apiUrl(path), { ...init, headers });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new PlumeApiError(
      0,
      'network',
      'Le serveur Plume ne répond pas. Vérifiez qu’il tourne toujours, puis réessayez.',
    );
  }
  if (!response.ok) throw await errorFromResponse(response, token !== '');
  return response;
}

async function errorFromResponse(response, sentToken) {
  let code = `http-${response.status}`;
  let message = '';
  try {
    const body = await response.json();
    if (typeof body?.error?.code === 'string') code = body.error.code;
    if (typeof body?.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  if (response.status === 401) {
    code = sentToken ? 'token-refused' : 'token-required';
    message = sentToken
      ? 'Ce jeton d’accès a été refusé. Vérifiez-le et réessayez.'
      : 'Ce serveur demande un jeton d’accès.';
  }
  return new PlumeApiError(
    response.status,
    code,
    message || STATUS_MESSAGES[response.status] || `Erreur ${response.status}.`,
  );
}

function isAbortError(error) {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Runs `action`; on a 401 asks for a token and runs it again once the token is given. */
async function withToken(action) {
  try {
    await action();
  } catch (error) {
    if (error instanceof PlumeApiError && error.status === 401) {
      // A first request without a token is no error: the token panel says what is needed.
      requestToken(error.code === 'token-refused' ? error.message : '', action);
      return;
    }
    throw error;
  }
}

async function loadHealth() {
  try {
    await withToken(fetchHealth);
  } catch (error) {
    showFormError(describeError(error));
  }
}

async function fetchHealth() {
  const response = await apiFetch('api/health', { headers: { Accept: 'application/json' } });
  showHealth(await response.json());
  state.healthLoaded = true;
}

function showHealth(health) {
  if (typeof health?.version === 'string') elements.version.textContent = `Version ${health.version}`;
  const writers = Array.isArray(health?.writers) ? health.writers : [];
  const hasLlmOption = [...elements.writer.options].some((option) => option.value === 'llm');
  if (writers.includes('llm') && !hasLlmOption) {
    elements.writer.append(new Option('LLM', 'llm'));
    elements.writerHint.textContent =
      'Hors ligne : restructure sans traduire ni allonger. LLM : traduit, complète et corrige l’article.';
  }
}

// ----- Token -----

function requestToken(message, retry) {
  storeToken('');
  state.pendingAction = retry;
  elements.tokenPanel.hidden = false;
  elements.tokenError.textContent = message;
  elements.tokenInput.value = '';
  elements.tokenInput.focus();
}

function acceptToken() {
  const token = elements.tokenInput.value.trim();
  if (token === '') {
    elements.tokenError.textContent = 'Saisissez le jeton d’accès.';
    elements.tokenInput.focus();
    return;
  }
  storeToken(token);
  elements.tokenInput.value = '';
  elements.tokenError.textContent = '';
  elements.tokenPanel.hidden = true;
  const retry = state.pendingAction;
  state.pendingAction = null;
  if (retry) {
    void withToken(retry).catch((error) => showFormError(describeError(error)));
  }
  if (retry !== fetchHealth && !state.healthLoaded) void loadHealth();
}

// ----- Source: tabs, file, drop zone -----

function setUpFileInput() {
  elements.fileInput.addEventListener('change', () => {
    const file = elements.fileInput.files?.[0];
    if (file) chooseFile(file);
  });
}

function chooseFile(file) {
  if (!isAcceptedFile(file)) {
    state.file = null;
    elements.fileName.textContent = 'Aucun fichier choisi.';
    showFormError(`« ${file.name} » n’est pas accepté : choisissez un fichier .txt, .md ou .html.`);
    return;
  }
  clearMessages();
  state.file = file;
  elements.fileName.textContent = `Fichier choisi : ${file.name} (${formatBytes(file.size)})`;
}

function isAcceptedFile(file) {
  const name = file.name.toLowerCase();
  return ACCEPTED_FILE_EXTENSIONS.some((extension) => name.endsWith(extension));
}

function setUpDropZone() {
  const zones = [elements.dropZone, elements.sourceTextPanel];
  for (const zone of zones) {
    zone.addEventListener('dragover', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      zone.classList.add('is-dragging');
    });
    zone.addEventListener('dragleave', (event) => {
      if (!zone.contains(event.relatedTarget)) zone.classList.remove('is-dragging');
    });
    zone.addEventListener('drop', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      zone.classList.remove('is-dragging');
      const file = event.dataTransfer.files[0];
      if (!file) return;
      selectTab(byId('source-tab-file'));
      chooseFile(file);
    });
  }
  // A file dropped beside the zones would make the browser leave the page to open it.
  for (const type of ['dragover', 'drop']) {
    document.addEventListener(type, (event) => {
      if (hasFiles(event)) event.preventDefault();
    });
  }
}

function hasFiles(event) {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

// ----- Optimization -----

async function startOptimization() {
  // Enter in a field submits the form even while the button is disabled in some browsers.
  if (state.optimizeController) return;
  clearMessages();
  const request = buildOptimizeRequest();
  if (request === null) return;
  try {
    await withToken(() => runOptimization(request));
  } catch (error) {
    showFormError(`Échec de l’optimisation : ${describeError(error)}`);
  }
}

/** The request body for the chosen source and options, or null (and a message) when incomplete. */
function buildOptimizeRequest() {
  const minWords = Number(elements.minWords.value);
  if (!Number.isInteger(minWords) || minWords < 1 || minWords > 20_000) {
    return invalidField(elements.minWords, 'Indiquez un nombre minimum de mots entier, entre 1 et 20 000.');
  }
  const options = {
    minWords,
    locale: elements.locale.value,
    writer: elements.writer.value,
  };
  for (const [name, field] of [
    ['keyphrase', elements.keyphrase],
    ['siteName', elements.siteName],
    ['author', elements.author],
  ]) {
    const value = field.value.trim();
    if (value !== '') options[name] = value;
  }

  if (state.sourceMode === 'file') {
    if (!state.file)
      return invalidField(elements.fileInput, 'Choisissez ou déposez un fichier .txt, .md ou .html.');
    const form = new FormData();
    form.append('file', state.file, state.file.name);
    for (const [name, value] of Object.entries(options)) form.append(name, String(value));
    return { body: form, headers: {} };
  }
  if (state.sourceMode === 'url') {
    const url = elements.sourceUrl.value.trim();
    if (!isHttpUrl(url)) {
      return invalidField(
        elements.sourceUrl,
        'Indiquez une adresse web complète, qui commence par https:// ou http://.',
      );
    }
    return jsonRequest({ url, ...options });
  }
  const text = elements.sourceText.value;
  if (text.trim() === '')
    return invalidField(elements.sourceText, 'Collez le texte de l’article à optimiser.');
  return jsonRequest({ text, ...options });
}

function jsonRequest(body) {
  return { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
}

function invalidField(field, message) {
  showFormError(message);
  field.setAttribute('aria-invalid', 'true');
  field.addEventListener('input', () => field.removeAttribute('aria-invalid'), { once: true });
  field.addEventListener('change', () => field.removeAttribute('aria-invalid'), { once: true });
  field.focus();
  return null;
}

function isHttpUrl(value) {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

async function runOptimization(request) {
  const controller = new AbortController();
  state.optimizeController = controller;
  setBusy(true);
  try {
    const response = await apiFetch('api/optimize', {
      method: 'POST',
      body: request.body,
      headers: { ...request.headers, Accept: 'text/event-stream' },
      signal: controller.signal,
    });
    const result = await readOptimizeResponse(response);
    showResult(result);
  } catch (error) {
    if (!isAbortError(error)) throw error;
    elements.formStatus.textContent = 'Optimisation annulée.';
  } finally {
    state.optimizeController = null;
    setBusy(false);
  }
}

/** The `result` of the event stream (or of a plain JSON answer); throws on an `error` event. */
async function readOptimizeResponse(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('text/event-stream')) return response.json();
  let outcome = null;
  await readEventStream(response, ({ event, data }) => {
    const payload = parseJson(data);
    if (event === 'progress' && payload) showProgress(payload);
    else if (event === 'result' && payload) outcome = { result: payload };
    else if (event === 'error') {
      const message = typeof payload?.message === 'string' ? payload.message : STATUS_MESSAGES[500];
      outcome = { error: new PlumeApiError(200, payload?.code ?? 'internal', message) };
    }
  });
  if (outcome?.error) throw outcome.error;
  if (!outcome) {
    throw new PlumeApiError(0, 'interrupted', 'La connexion a été interrompue avant la fin du travail.');
  }
  return outcome.result;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Reads a `text/event-stream` body to its end, calling `onEvent({event, data})` for each event. */
async function readEventStream(response, onEvent) {
  if (!response.body) return;
  const parser = createEventStreamParser(onEvent);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.push(value);
  }
  parser.end();
}

/**
 * Incremental parser of the event stream format (WHATWG HTML, « server-sent events »): lines end with
 * LF, CR or CRLF, possibly split across chunks; `event:` names the event, `data:` lines are joined with
 * LF, a blank line dispatches, lines starting with `:` are comments (keep-alives).
 */
function createEventStreamParser(onEvent) {
  let buffer = '';
  let eventName = '';
  let dataLines = [];

  const dispatch = () => {
    if (dataLines.length > 0) onEvent({ event: eventName || 'message', data: dataLines.join('\n') });
    eventName = '';
    dataLines = [];
  };

  const processLine = (line) => {
    if (line === '') {
      dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') dataLines.push(value);
    // `id` and `retry` only matter to EventSource reconnections: one response here.
  };

  return {
    push(text) {
      buffer += text;
      let lineStart = 0;
      for (let index = 0; index < buffer.length; index += 1) {
        const character = buffer[index];
        if (character !== '\n' && character !== '\r') continue;
        // A CR at the end of a chunk may be the first half of a CRLF: wait for the next chunk.
        if (character === '\r' && index === buffer.length - 1) break;
        processLine(buffer.slice(lineStart, index));
        if (character === '\r' && buffer[index + 1] === '\n') index += 1;
        lineStart = index + 1;
      }
      buffer = buffer.slice(lineStart);
    },
    end() {
      // Lenient: a last event without its blank line still counts (the format would drop it).
      const line = buffer.endsWith('\r') ? buffer.slice(0, -1) : buffer;
      buffer = '';
      if (line !== '') processLine(line);
      dispatch();
    },
  };
}

function setBusy(busy) {
  const hadFocus = document.activeElement === elements.cancelButton;
  elements.optimizeButton.disabled = busy;
  elements.form.setAttribute('aria-busy', String(busy));
  elements.cancelButton.hidden = !busy;
  if (busy) {
    // A new article replaces the previous result: no stale report beside the progress.
    cancelPendingAudit();
    elements.result.hidden = true;
    elements.progressLog.replaceChildren();
    elements.progressMessage.textContent = 'Envoi de l’article…';
    elements.progressSections.hidden = true;
    elements.progressPanel.hidden = false;
    elements.cancelButton.focus();
  } else {
    elements.progressPanel.hidden = true;
    if (hadFocus) elements.optimizeButton.focus();
  }
}

function showProgress(progress) {
  const message = typeof progress.message === 'string' ? progress.message.trim() : '';
  const line = message || STAGE_LABELS[progress.stage] || '';
  if (line !== '') {
    elements.progressMessage.textContent = line;
    const last = elements.progressLog.lastElementChild;
    if (last?.textContent !== line) {
      const item = document.createElement('li');
      item.textContent = line;
      elements.progressLog.append(item);
      while (elements.progressLog.childElementCount > MAX_PROGRESS_LOG_ENTRIES) {
        elements.progressLog.firstElementChild?.remove();
      }
    }
  }
  const total = Number(progress.total);
  if (Number.isFinite(total) && total > 0) {
    const done = Math.min(Math.max(Number(progress.done) || 0, 0), total);
    elements.progressBar.max = total;
    elements.progressBar.value = done;
    elements.progressLabel.textContent = `Sections : ${done} sur ${total}`;
    elements.progressSections.hidden = false;
  }
}

// ----- Result -----

function showResult(result) {
  cancelPendingAudit();
  state.result = result;
  state.report = result.report ?? null;
  state.markdown = typeof result.markdown === 'string' ? result.markdown : '';
  state.edited = false;
  state.selectedAssessment = null;

  renderPreview(typeof result.html === 'string' ? result.html : '', result.metadata?.locale);
  elements.previewNote.hidden = true;
  elements.markdownEditor.value = state.markdown;
  elements.markdownStatus.textContent = '';
  elements.htmlCode.textContent = typeof result.html === 'string' ? result.html : '';
  renderReport();
  elements.result.hidden = false;
  selectTab(byId('tab-preview'), { focus: false });
  elements.resultTitle.focus();
  const report = state.report;
  if (report?.scores) {
    announce(
      `Article optimisé : score SEO ${report.scores.seo} sur 100, lisibilité ${report.scores.readability} sur 100.`,
    );
  }
}

/** Everything that depends on the report: summary, report tab, Google preview. */
function renderReport() {
  const report = state.report;
  const metadata = currentMetadata();
  elements.summarySeo.textContent = report?.scores ? `${report.scores.seo}/100` : '–';
  elements.summaryReadability.textContent = report?.scores ? `${report.scores.readability}/100` : '–';
  const words = report?.statistics?.bodyWords ?? metadata.wordCount;
  elements.summaryWords.textContent = typeof words === 'number' ? formatNumber(words) : '–';
  renderConstraintSummary();
  renderScores(report);
  renderConstraints();
  renderAssessments(report);
  renderMarkedText();
  renderGooglePreview(metadata);
}

/** Title, description and slug: from the edited front matter once audited, else from the optimization. */
function currentMetadata() {
  const optimized = state.result?.metadata ?? {};
  const audited = state.edited ? (state.report?.metadata ?? {}) : {};
  return {
    ...optimized,
    title: audited.title ?? optimized.title ?? '',
    description: audited.description ?? optimized.description ?? '',
    slug: audited.slug ?? optimized.slug ?? '',
  };
}

function constraintsOfResult() {
  const constraints = state.result?.report?.constraints;
  return Array.isArray(constraints) ? constraints : [];
}

function renderConstraintSummary() {
  const constraints = constraintsOfResult();
  const failed = constraints.filter((constraint) => !constraint.passed);
  const summary = elements.summaryConstraints;
  summary.classList.toggle('rating-good', constraints.length > 0 && failed.length === 0);
  summary.classList.toggle('rating-bad', failed.length > 0);
  if (constraints.length === 0) summary.textContent = '';
  else if (failed.length === 0)
    summary.textContent = '✓ Toutes les contraintes obligatoires sont respectées.';
  else {
    const names = failed.map((constraint) => CONSTRAINT_LABELS[constraint.id] ?? constraint.id).join(', ');
    summary.textContent = `✗ ${failed.length === 1 ? 'Contrainte non respectée' : `${failed.length} contraintes non respectées`} : ${names}.`;
  }
}

function renderScores(report) {
  const blocks = [];
  if (report?.scores) {
    blocks.push(scoreBlock('score-seo', 'Score SEO', report.scores.seo));
    blocks.push(scoreBlock('score-readability', 'Lisibilité', report.scores.readability));
  }
  elements.scores.replaceChildren(...blocks);
}

function scoreBlock(id, label, score) {
  const block = element('div', { className: 'score', id });
  const labelId = `${id}-label`;
  const title = element('p', { className: 'score-label', id: labelId }, [label]);
  const rating = score >= 80 ? 'good' : score >= 50 ? 'ok' : 'bad';
  const value = element('p', { className: 'score-value' }, [
    String(score),
    element('small', {}, [' / 100 · ']),
    element('small', { className: `rating-${rating}` }, [RATING_LABELS[rating]]),
  ]);
  const meter = element('meter', {});
  meter.min = 0;
  meter.max = 100;
  meter.low = 50;
  meter.high = 80;
  meter.optimum = 100;
  meter.value = score;
  meter.setAttribute('aria-labelledby', labelId);
  block.append(title, value, meter);
  return block;
}

function renderConstraints() {
  const constraints = constraintsOfResult();
  elements.constraintsNote.hidden = !state.edited || constraints.length === 0;
  if (constraints.length === 0) {
    elements.constraints.replaceChildren(
      element('li', { className: 'hint' }, ['Pas de contraintes vérifiées pour cet article.']),
    );
    return;
  }
  elements.constraints.replaceChildren(
    ...constraints.map((constraint) =>
      element('li', { className: `constraint ${constraint.passed ? 'is-passed' : 'is-failed'}` }, [
        element('span', { className: 'constraint-status' }, [
          constraint.passed ? '✓ Respectée' : '✗ Non respectée',
        ]),
        element('span', { className: 'constraint-message' }, [
          element('strong', {}, [`${CONSTRAINT_LABELS[constraint.id] ?? constraint.id} : `]),
          String(constraint.message ?? ''),
        ]),
      ]),
    ),
  );
}

function renderAssessments(report) {
  const results = Array.isArray(report?.results) ? report.results : [];
  if (!results.some((result) => result.id === state.selectedAssessment)) state.selectedAssessment = null;
  const sections = [];
  for (const group of GROUPS) {
    const entries = results
      .filter((result) => result.group === group.id)
      .map((result, index) => ({ result, index }))
      .sort(
        (left, right) =>
          (RATING_ORDER[left.result.rating] ?? 3) - (RATING_ORDER[right.result.rating] ?? 3) ||
          left.index - right.index,
      );
    if (entries.length === 0) continue;
    sections.push(
      element('h3', {}, [group.title]),
      element(
        'ul',
        { className: 'assessment-list' },
        entries.map(({ result }) => assessmentItem(result)),
      ),
    );
  }
  elements.assessments.replaceChildren(...sections);
}

function assessmentItem(result) {
  const rating = RATING_LABELS[result.rating] ? result.rating : 'ok';
  const selected = result.id === state.selectedAssessment;
  const item = element('li', {
    className: `assessment assessment-${rating}${selected ? ' is-selected' : ''}`,
  });
  item.dataset.assessment = result.id;
  const body = element('div', { className: 'assessment-body' }, [
    element('p', { className: 'assessment-title' }, [
      String(result.title ?? result.id),
      ' — ',
      element('span', { className: `assessment-rating rating-${rating}` }, [RATING_LABELS[rating]]),
    ]),
    element('p', { className: 'assessment-message' }, [String(result.message ?? '')]),
  ]);
  const marks = Array.isArray(result.marks) ? result.marks : [];
  if (marks.length > 0) {
    const button = element('button', { type: 'button', className: 'button assessment-marks' }, [
      selected ? 'Masquer les passages' : passagesLabel(marks.length),
    ]);
    button.setAttribute('aria-pressed', String(selected));
    button.addEventListener('click', () => toggleAssessment(result.id));
    body.append(button);
  }
  item.append(element('span', { className: `light light-${rating}`, ariaHidden: 'true' }), body);
  return item;
}

function passagesLabel(count) {
  return count === 1 ? 'Surligner le passage' : `Surligner les ${count} passages`;
}

function toggleAssessment(id) {
  state.selectedAssessment = state.selectedAssessment === id ? null : id;
  renderAssessments(state.report);
  renderMarkedText();
  const button = elements.assessments.querySelector(
    `[data-assessment="${CSS.escape(id)}"] .assessment-marks`,
  );
  button?.focus();
  if (state.selectedAssessment) {
    elements.markedText.scrollIntoView({ block: 'nearest', behavior: preferredScrollBehavior() });
  }
}

/** The audited text, with the marks of the selected assessment wrapped in `<mark>` (text nodes only). */
function renderMarkedText() {
  const report = state.report;
  const text = typeof report?.text === 'string' ? report.text : '';
  const result = report?.results?.find((entry) => entry.id === state.selectedAssessment);
  const ranges = normalizeRanges(Array.isArray(result?.marks) ? result.marks : [], text.length);
  const nodes = [];
  let position = 0;
  for (const range of ranges) {
    if (range.start > position) nodes.push(text.slice(position, range.start));
    nodes.push(element('mark', {}, [text.slice(range.start, range.end)]));
    position = range.end;
  }
  if (position < text.length) nodes.push(text.slice(position));
  elements.markedText.replaceChildren(...nodes);

  if (!result) {
    elements.markedTextStatus.textContent = 'Choisissez un critère pour surligner les passages concernés.';
    return;
  }
  elements.markedTextStatus.textContent = `${result.title ?? result.id} : ${
    ranges.length === 1 ? '1 passage surligné.' : `${ranges.length} passages surlignés.`
  }`;
  const first = elements.markedText.querySelector('mark');
  if (first) {
    elements.markedText.scrollTop = Math.max(first.offsetTop - elements.markedText.clientHeight / 3, 0);
  }
}

/** Sorted, clamped, merged ranges: overlapping marks would otherwise nest or repeat text. */
function normalizeRanges(marks, length) {
  const ranges = marks
    .map((mark) => ({
      start: Math.max(0, Math.min(length, Math.trunc(Number(mark.start)))),
      end: Math.max(0, Math.min(length, Math.trunc(Number(mark.end)))),
    }))
    .filter((range) => Number.isFinite(range.start) && Number.isFinite(range.end) && range.end > range.start)
    .sort((left, right) => left.start - right.start || left.end - right.end);
  const merged = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

// ----- Article preview -----

/**
 * Shows the `<article>` of the HTML document in the sandboxed iframe. The article is parsed inertly
 * (DOMParser runs nothing) and copied node by node into a new document, keeping only allowlisted
 * elements and attributes and safe URLs; the iframe has `sandbox=""` (no scripts, forms, popups or
 * navigation of the page) and inherits the page's CSP. Three locks: any one of them stops a script.
 */
function renderPreview(html, locale) {
  // Style elements are never kept; dropped before parsing because Chromium reports them as CSP
  // violations even in an inert DOMParser document.
  const source = new DOMParser().parseFromString(html.replace(STYLE_ELEMENTS, ''), 'text/html');
  const article = source.querySelector('article') ?? source.body;
  const preview = document.implementation.createHTMLDocument('Aperçu de l’article');
  const language = source.documentElement.getAttribute('lang') || locale || 'fr';
  preview.documentElement.setAttribute('lang', language);
  const charset = preview.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const stylesheet = preview.createElement('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = new URL('app.css', document.baseURI).href;
  preview.head.prepend(charset);
  preview.head.append(stylesheet);
  preview.body.className = 'article-preview';
  const main = preview.createElement('main');
  const copy = article ? copySafeNode(preview, article) : null;
  if (copy) main.append(copy);
  preview.body.append(main);
  // A fresh iframe each time, sandboxed before it gets its document: a reused one loaded while its
  // tab was hidden stays blank in Chromium.
  const frame = element('iframe', {
    className: 'preview-frame',
    title: 'Aperçu de l’article',
    id: 'preview-frame',
  });
  frame.setAttribute('sandbox', '');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.srcdoc = `<!DOCTYPE html>\n${preview.documentElement.outerHTML}`;
  elements.previewFrame.replaceWith(frame);
  elements.previewFrame = frame;
}

/** A copy of `node` owned by `target`, with only what an article needs; null when dropped. */
function copySafeNode(target, node) {
  if (node.nodeType === Node.TEXT_NODE) return target.createTextNode(node.data);
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const name = node.localName;
  if (node.namespaceURI !== HTML_NAMESPACE) return null;
  // The body stands in for a document without `<article>`: copy its children into a `<div>`.
  const tagName = name === 'body' ? 'div' : name;
  if (!SAFE_ELEMENTS.has(tagName)) return null;
  if (tagName === 'input' && node.getAttribute('type') !== 'checkbox') return null;
  const copy = target.createElement(tagName);
  for (const attribute of node.attributes) {
    const attributeName = attribute.name.toLowerCase();
    if (!SAFE_ATTRIBUTES.has(attributeName) && !attributeName.startsWith('aria-')) continue;
    if (URL_ATTRIBUTES.has(attributeName) && !isSafeUrl(attribute.value, tagName === 'img')) continue;
    copy.setAttribute(attributeName, attribute.value);
  }
  // Task list checkboxes are shown, never usable.
  if (tagName === 'input') copy.setAttribute('disabled', '');
  // An image whose source was unsafe would only show as broken.
  if (tagName === 'img' && !copy.hasAttribute('src')) return null;
  for (const child of node.childNodes) {
    const childCopy = copySafeNode(target, child);
    if (childCopy) copy.append(childCopy);
  }
  return copy;
}

function isSafeUrl(value, isImage) {
  const trimmed = value.trim();
  if (trimmed.startsWith('#')) return !isImage;
  try {
    const { protocol } = new URL(trimmed, document.baseURI);
    return (isImage ? SAFE_IMAGE_PROTOCOLS : SAFE_LINK_PROTOCOLS).has(protocol);
  } catch {
    return false;
  }
}

// ----- Markdown editing -> audit -----

function scheduleAudit() {
  state.markdown = elements.markdownEditor.value;
  state.edited = true;
  elements.previewNote.hidden = false;
  clearTimeout(state.auditTimer);
  elements.markdownStatus.textContent = 'Modifications en attente d’analyse…';
  state.auditTimer = setTimeout(() => {
    void withToken(runAudit).catch((error) => {
      elements.markdownStatus.textContent = `Impossible d’analyser le Markdown : ${describeError(error)}`;
    });
  }, AUDIT_DELAY_MS);
}

function cancelPendingAudit() {
  clearTimeout(state.auditTimer);
  state.auditController?.abort();
  state.auditController = null;
}

async function runAudit() {
  state.auditController?.abort();
  const markdown = state.markdown;
  if (markdown.trim() === '') {
    elements.markdownStatus.textContent = 'Le Markdown est vide : rien à analyser.';
    return;
  }
  const controller = new AbortController();
  state.auditController = controller;
  elements.markdownStatus.textContent = 'Analyse en cours…';
  try {
    // The front matter carries title, description, slug and keyphrase: edits to it count.
    const response = await apiFetch('api/audit', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ markdown }),
      signal: controller.signal,
    });
    const report = await response.json();
    if (controller.signal.aborted) return;
    state.report = report;
    renderReport();
    elements.markdownStatus.textContent = `Rapport mis à jour : score SEO ${report.scores?.seo ?? '–'}/100, lisibilité ${report.scores?.readability ?? '–'}/100.`;
  } catch (error) {
    if (isAbortError(error)) return;
    throw error;
  } finally {
    if (state.auditController === controller) state.auditController = null;
  }
}

// ----- Google preview -----

function renderGooglePreview(metadata) {
  const host = hostOf(metadata.url) ?? EXAMPLE_DOMAIN;
  const slug = metadata.slug || '';
  elements.serpSite.textContent = metadata.siteName || host;
  elements.serpBreadcrumb.textContent = slug ? `${host} › ${slug}` : host;

  const titleFont = `20px ${SERP_FONT_FAMILY}`;
  const descriptionFont = `14px ${SERP_FONT_FAMILY}`;
  const title = truncateToWidth(metadata.title || '', TITLE_MAX_WIDTH, titleFont);
  const description = truncateToWidth(metadata.description || '', DESCRIPTION_MAX_WIDTH, descriptionFont);
  elements.serpTitle.textContent = title.text;
  elements.serpDescription.textContent = description.text;

  const titleWidth = Math.round(measureText(metadata.title || '', titleFont));
  const descriptionWidth = Math.round(measureText(metadata.description || '', descriptionFont));
  const descriptionLength = [...(metadata.description || '')].length;
  elements.serpMeasures.replaceChildren(
    element('dt', {}, ['Titre']),
    element('dd', {}, [
      `${formatNumber(titleWidth)} px sur ${TITLE_MAX_WIDTH} px${title.truncated ? ' : coupé par Google' : ''}`,
    ]),
    element('dt', {}, ['Méta-description']),
    element('dd', {}, [
      `${formatNumber(descriptionLength)} caractères, ${formatNumber(descriptionWidth)} px sur ${DESCRIPTION_MAX_WIDTH} px${
        description.truncated ? ' : coupée par Google' : ''
      }`,
    ]),
    element('dt', {}, ['Adresse']),
    element('dd', {}, [
      metadata.url
        ? String(metadata.url)
        : `${EXAMPLE_DOMAIN} est un domaine d’exemple : seul le slug compte ici.`,
    ]),
  );
}

function hostOf(url) {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

function measureText(text, font) {
  if (!state.measureContext) state.measureContext = document.createElement('canvas').getContext('2d');
  const context = state.measureContext;
  if (!context) return text.length * 10;
  context.font = font;
  return context.measureText(text).width;
}

/**
 * Cuts `text` the way Google does: after the last whole word that fits with the ellipsis (never at a
 * no-break space), without a dangling « : », « – » or « | »; a first word too wide is cut in the middle.
 */
function truncateToWidth(text, maxWidth, font) {
  if (measureText(text, font) <= maxWidth) return { text, truncated: false };
  let best = null;
  for (let index = text.indexOf(' '); index !== -1; index = text.indexOf(' ', index + 1)) {
    const kept = text.slice(0, index).replace(/[\s:;,–—|-]+$/u, '');
    if (kept === '') continue;
    if (measureText(kept + SERP_ELLIPSIS, font) > maxWidth) break;
    best = kept;
  }
  if (best !== null) return { text: best + SERP_ELLIPSIS, truncated: true };
  const characters = [...text];
  let kept = '';
  for (const character of characters) {
    if (measureText(`${kept}${character}…`, font) > maxWidth) break;
    kept += character;
  }
  return { text: `${kept}…`, truncated: true };
}

// ----- Copy and download -----

function setUpExports() {
  const exports = [
    {
      copy: 'copy-markdown',
      download: 'download-markdown',
      content: () => state.markdown,
      fileName: () => `${fileSlug()}.md`,
      type: 'text/markdown;charset=utf-8',
      what: 'Markdown',
    },
    {
      copy: 'copy-html',
      download: 'download-html',
      content: () => (typeof state.result?.html === 'string' ? state.result.html : ''),
      fileName: () => `${fileSlug()}.html`,
      type: 'text/html;charset=utf-8',
      what: 'HTML',
    },
    {
      copy: 'copy-report',
      download: 'download-report',
      content: () => `${JSON.stringify(reportForExport(), null, 2)}\n`,
      fileName: () => `${fileSlug()}-rapport.json`,
      type: 'application/json;charset=utf-8',
      what: 'rapport',
    },
  ];
  for (const entry of exports) {
    const copyButton = byId(entry.copy);
    copyButton.addEventListener('click', async () => {
      const copied = await copyText(entry.content());
      copyButton.focus();
      flashButton(copyButton, copied ? 'Copié !' : 'Échec de la copie');
      announce(
        copied
          ? `${capitalize(entry.what)} copié dans le presse-papiers.`
          : 'La copie a échoué : sélectionnez le texte et copiez-le à la main.',
      );
    });
    byId(entry.download).addEventListener('click', () => {
      downloadText(entry.content(), entry.fileName(), entry.type);
      announce(`Téléchargement de ${entry.fileName()}.`);
    });
  }
}

/** The report on screen, with the hard constraints of the optimization. */
function reportForExport() {
  if (!state.edited) return state.report;
  return {
    ...state.report,
    constraints: constraintsOfResult(),
    constraintsCheckedOn: 'optimized-article',
  };
}

function fileSlug() {
  const slug = String(currentMetadata().slug || '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'article';
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused or document not focused: try the old way.
    }
  }
  const buffer = element('textarea', { className: 'clipboard-buffer', readOnly: true });
  buffer.value = text;
  buffer.setAttribute('aria-hidden', 'true');
  buffer.tabIndex = -1;
  document.body.append(buffer);
  buffer.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  buffer.remove();
  return copied;
}

function downloadText(text, fileName, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = element('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download may start after this task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function flashButton(button, label) {
  const original = button.dataset.label ?? button.textContent;
  button.dataset.label = original;
  button.textContent = label;
  clearTimeout(Number(button.dataset.timer));
  button.dataset.timer = String(
    setTimeout(() => {
      button.textContent = original;
    }, 2000),
  );
}

// ----- Tabs (WAI-ARIA tabs pattern, automatic activation) -----

/** What each tab list does when a tab is selected. */
const tabSelectHandlers = new WeakMap();

function setUpTabs(tablist, onSelect) {
  tablist.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab && tablist.contains(tab)) selectTab(tab);
  });
  tablist.addEventListener('keydown', (event) => {
    const tabs = [...tablist.querySelectorAll('[role="tab"]')];
    const index = tabs.indexOf(document.activeElement);
    if (index === -1) return;
    const targets = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    selectTab(tabs[next]);
  });
  tabSelectHandlers.set(tablist, onSelect);
}

function selectTab(tab, { focus = true } = {}) {
  const tablist = tab.closest('[role="tablist"]');
  for (const other of tablist.querySelectorAll('[role="tab"]')) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    const panel = byId(other.getAttribute('aria-controls'));
    panel.hidden = !selected;
  }
  // The tab list scrolls sideways on a phone: keep the selected tab in sight.
  tab.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  if (focus) tab.focus();
  tabSelectHandlers.get(tablist)?.(tab);
}

// ----- Messages and helpers -----

function describeError(error) {
  if (error instanceof PlumeApiError) return error.message;
  if (error instanceof Error && error.name === 'TypeError') {
    return 'La réponse du serveur n’a pas pu être lue. Réessayez.';
  }
  return 'Une erreur inattendue est survenue. Réessayez.';
}

function showFormError(message) {
  elements.formError.textContent = message;
}

function clearMessages() {
  elements.formError.textContent = '';
  elements.formStatus.textContent = '';
}

function announce(message) {
  elements.announcer.textContent = message;
}

function preferredScrollBehavior() {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

function formatNumber(value) {
  return new Intl.NumberFormat('fr-FR').format(value);
}

function formatBytes(bytes) {
  if (bytes < 1024) return `${formatNumber(bytes)} octets`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} Ko`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10)} Mo`;
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function byId(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`Plume: element #${id} is missing from index.html.`);
  return found;
}

/** Creates an element: properties are DOM properties (never HTML), children are nodes or plain text. */
function element(tagName, properties = {}, children = []) {
  const created = document.createElement(tagName);
  for (const [name, value] of Object.entries(properties)) {
    if (name === 'ariaHidden') created.setAttribute('aria-hidden', value);
    else created[name] = value;
  }
  created.append(...children);
  return created;
}

// ----- Start (last: every declaration above is initialised) -----

setUpTabs(elements.sourceTabs, (tab) => {
  state.sourceMode = tab.dataset.source ?? 'text';
});
setUpTabs(elements.resultTabs, () => {});
setUpFileInput();
setUpDropZone();
elements.form.addEventListener('submit', (event) => {
  event.preventDefault();
  void startOptimization();
});
elements.cancelButton.addEventListener('click', () => state.optimizeController?.abort());
elements.tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  acceptToken();
});
elements.markdownEditor.addEventListener('input', scheduleAudit);
setUpExports();
void loadHealth();
