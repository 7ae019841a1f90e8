/** The result card: what an optimization returned, and everything that follows the report on screen. */

import { byId } from './dom.js';
import { renderGooglePreview } from './google-preview.js';
import { cancelPendingAudit } from './live-audit.js';
import { announce, elements, state } from './page.js';
import { renderPreview } from './preview.js';
import { renderReportTab, renderSummary } from './report.js';
import { selectTab } from './tabs.js';

/**
 * Shows an optimization's result. `sourceText` is the article as sent when the page has it as text
 * (pasted or a file), for the live audit's fact check; `minWords` the minimum asked for.
 */
export function showResult(result, { sourceText = null, minWords } = {}) {
  cancelPendingAudit();
  state.result = result;
  state.report = result.report ?? null;
  state.markdown = typeof result.markdown === 'string' ? result.markdown : '';
  state.edited = false;
  state.selectedAssessment = null;
  state.sourceText = typeof sourceText === 'string' && sourceText.trim() !== '' ? sourceText : null;
  state.minWords = minWords;

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
export function renderReport() {
  const metadata = currentMetadata();
  renderSummary(metadata);
  renderReportTab();
  renderGooglePreview(metadata);
}

/** Title, description and slug: from the edited front matter once audited, else from the optimization. */
export function currentMetadata() {
  const optimized = state.result?.metadata ?? {};
  const audited = state.edited ? (state.report?.metadata ?? {}) : {};
  return {
    ...optimized,
    title: audited.title ?? optimized.title ?? '',
    description: audited.description ?? optimized.description ?? '',
    slug: audited.slug ?? optimized.slug ?? '',
  };
}
