/** The Markdown editor: each pause in typing sends the edited article to `/api/audit`. */

import { apiFetch, describeError, isAbortError } from './api.js';
import { announce, elements, state } from './page.js';
import { renderReport } from './result.js';
import { withToken } from './token.js';

/** Delay between the last keystroke in the Markdown editor and the audit request. */
const AUDIT_DELAY_MS = 500;

export function scheduleAudit() {
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

export function cancelPendingAudit() {
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
      body: JSON.stringify(auditRequest(markdown)),
      signal: controller.signal,
    });
    const report = await response.json();
    if (controller.signal.aborted) return;
    state.report = report;
    renderReport();
    const status = `Rapport mis à jour : score SEO ${report.scores?.seo ?? '–'}/100, lisibilité ${report.scores?.readability ?? '–'}/100.`;
    elements.markdownStatus.textContent = status;
    announce(status);
  } catch (error) {
    if (isAbortError(error)) return;
    throw error;
  } finally {
    if (state.auditController === controller) state.auditController = null;
  }
}

/**
 * The edited Markdown, with the hard constraints asked for: checked against the article as sent when the
 * page has it (pasted or a file), so an invented figure shows; a page read at its address is not kept.
 */
function auditRequest(markdown) {
  return {
    markdown,
    constraints: true,
    ...(state.sourceText === null ? {} : { original: state.sourceText }),
    ...(state.minWords === undefined ? {} : { minWords: state.minWords }),
  };
}
