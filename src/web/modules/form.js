/** The form: source tabs, file choice and drop zone, options, and the optimization request. */

import { apiFetch, describeError, isAbortError, PlumeApiError, parseJson, STATUS_MESSAGES } from './api.js';
import { byId, formatBytes } from './dom.js';
import { readEventStream } from './event-stream.js';
import { clearMessages, elements, showFormError, state } from './page.js';
import { setBusy, showProgress } from './progress.js';
import { showResult } from './result.js';
import { selectTab } from './tabs.js';
import { withToken } from './token.js';

const ACCEPTED_FILE_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm'];

export function setUpFileInput() {
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

export function setUpDropZone() {
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

export async function startOptimization() {
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
    const file = state.file;
    form.append('file', file, file.name);
    for (const [name, value] of Object.entries(options)) form.append(name, String(value));
    return { body: form, headers: {}, minWords, readSource: () => file.text() };
  }
  if (state.sourceMode === 'url') {
    const url = elements.sourceUrl.value.trim();
    if (!isHttpUrl(url)) {
      return invalidField(
        elements.sourceUrl,
        'Indiquez une adresse web complète, qui commence par https:// ou http://.',
      );
    }
    // The page fetched by the server never reaches the browser: no source to check facts against.
    return { ...jsonRequest({ url, ...options }), minWords, readSource: async () => null };
  }
  const text = elements.sourceText.value;
  if (text.trim() === '')
    return invalidField(elements.sourceText, 'Collez le texte de l’article à optimiser.');
  return { ...jsonRequest({ text, ...options }), minWords, readSource: async () => text };
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
    const sourceText = await request.readSource().catch(() => null);
    showResult(result, { sourceText, minWords: request.minWords });
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
