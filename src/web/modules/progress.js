/** The progress panel while an article is being optimized. */

import { cancelPendingAudit } from './live-audit.js';
import { elements } from './page.js';

const MAX_PROGRESS_LOG_ENTRIES = 40;

/** Shown when a progress event has no message of its own (the server's messages are French already). */
const STAGE_LABELS = {
  fetch: 'Lecture de la page',
  plan: 'Plan',
  write: 'Rédaction',
  audit: 'Audit',
  repair: 'Corrections',
};

export function setBusy(busy) {
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

export function showProgress(progress) {
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
