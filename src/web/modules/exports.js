/** Copy and download of the Markdown, the HTML and the report. */

import { byId, capitalize, element } from './dom.js';
import { announce, state } from './page.js';
import { currentConstraints } from './report.js';
import { currentMetadata } from './result.js';

export function setUpExports() {
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

/** The report on screen, with the hard constraints on screen (those of the optimization when not re-checked). */
function reportForExport() {
  if (!state.edited) return state.report;
  const { constraints, stale } = currentConstraints();
  return {
    ...state.report,
    constraints,
    constraintsCheckedOn: stale ? 'optimized-article' : 'edited-article',
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
