/** The « Rapport SEO » tab and the summary: scores, hard constraints, assessments, marked text. */

import { element, formatNumber, preferredScrollBehavior } from './dom.js';
import { elements, state } from './page.js';

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

/**
 * The hard constraints on screen: the live audit's once the Markdown is edited (it re-checks them),
 * else the optimization's. `stale` when an edited article could not be re-checked.
 */
export function currentConstraints() {
  const rechecked = state.edited && state.report !== state.result?.report;
  const audited = rechecked ? state.report?.constraints : undefined;
  if (Array.isArray(audited)) return { constraints: audited, stale: false };
  const optimized = state.result?.report?.constraints;
  return { constraints: Array.isArray(optimized) ? optimized : [], stale: state.edited };
}

export function renderSummary(metadata) {
  const report = state.report;
  elements.summarySeo.textContent = report?.scores ? `${report.scores.seo}/100` : '–';
  elements.summaryReadability.textContent = report?.scores ? `${report.scores.readability}/100` : '–';
  const words = report?.statistics?.bodyWords ?? metadata.wordCount;
  elements.summaryWords.textContent = typeof words === 'number' ? formatNumber(words) : '–';
  renderConstraintSummary();
}

function renderConstraintSummary() {
  const { constraints } = currentConstraints();
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

export function renderReportTab() {
  const report = state.report;
  renderScores(report);
  renderConstraints();
  renderAssessments(report);
  renderMarkedText();
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
  const { constraints, stale } = currentConstraints();
  const note = constraintsNote(constraints, stale);
  elements.constraintsNote.textContent = note;
  elements.constraintsNote.hidden = note === '';
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

/** Which article the constraints on screen were checked on, once the Markdown is edited. */
function constraintsNote(constraints, stale) {
  if (!state.edited || constraints.length === 0) return '';
  if (stale) {
    return 'Vérifiées sur l’article optimisé : vos modifications du Markdown ne sont pas encore analysées.';
  }
  const parts = [
    'Vérifiées de nouveau sur votre Markdown modifié. La couverture de la source ne l’est plus : ce que vous coupez relève de votre choix.',
  ];
  if (!constraints.some((constraint) => constraint.id === 'fidelity')) {
    parts.push(
      'La fidélité à la source n’est pas revérifiée : la page lue à son adresse n’est pas conservée dans le navigateur.',
    );
  }
  return parts.join(' ');
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
