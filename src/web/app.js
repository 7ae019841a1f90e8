/*
 * Plume web page: sends an article to the API of `plume serve`, follows the work as server-sent events,
 * and shows the article, its Markdown and HTML, the SEO report and a Google result preview.
 *
 * ES modules served as they are (no build step) from `/modules/`, one concern each: form, progress,
 * result, report, preview, Google preview, live audit, exports, tabs, token.
 *
 * Served under a strict CSP (`script-src 'self'`, `style-src 'self'`): no inline script or style. Article
 * text never goes through `innerHTML`: the report is built with DOM nodes and `textContent`, and the
 * article HTML is rebuilt element by element from an allowlist, then shown in an iframe sandboxed
 * without scripts.
 */

import { setUpExports } from './modules/exports.js';
import { setUpDropZone, setUpFileInput, startOptimization } from './modules/form.js';
import { scheduleAudit } from './modules/live-audit.js';
import { elements, state } from './modules/page.js';
import { setUpTabs } from './modules/tabs.js';
import { acceptToken, loadHealth } from './modules/token.js';

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
