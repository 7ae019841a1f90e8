import stringWidth from 'string-width';
import { createPaint } from '../cli/use-color.js';
import { formatFrenchNumber } from '../lang/fr/format-number.js';
import type { BatchArticleResult, BatchReport } from './run-batch.js';

export interface FormatBatchSummaryOptions {
  color?: boolean;
  /** Path of batch-report.json as shown to the user. */
  reportPath?: string;
}

/** French names of the hard constraints, for the table. */
export const CONSTRAINT_LABELS: Readonly<Record<string, string>> = {
  language: 'langue',
  length: 'longueur',
  subheadings: 'intertitres',
  fidelity: 'fidélité',
  metadata: 'métadonnées',
  degraded: 'modèle en échec, travail hors ligne',
};

const STATUS_LABELS: Readonly<Record<BatchArticleResult['status'], string>> = {
  written: 'écrit',
  skipped: 'déjà à jour',
  error: 'erreur',
};

/** Longest input path shown in the table; longer ones keep their end. */
const MAX_FILE_WIDTH = 44;

/** The table printed at the end of `plume batch`: one row per article, then the totals, in French. */
export function formatBatchSummary(report: BatchReport, options: FormatBatchSummaryOptions = {}): string {
  return `${[...batchSummaryLines(report, () => report.articles, options)].join('\n')}\n`;
}

function rowOf(article: BatchArticleResult) {
  return {
    file: shortenStart(article.input, MAX_FILE_WIDTH),
    words: article.words === undefined ? '—' : formatNumber(article.words),
    seo: article.seoScore === undefined ? '—' : String(article.seoScore),
    constraints: constraintsText(article),
    status: STATUS_LABELS[article.status],
    article,
  };
}

/**
 * The lines of `formatBatchSummary`, without line breaks, one at a time: `articles` is read twice (the
 * columns' widths, then the rows), so a summary of 100,000 articles never holds them, nor its text.
 */
export function* batchSummaryLines(
  report: Omit<BatchReport, 'articles'>,
  articles: () => Iterable<BatchArticleResult>,
  options: FormatBatchSummaryOptions = {},
): Generator<string> {
  const paint = createPaint(options.color);
  const header = { file: 'Fichier', words: 'Mots', seo: 'SEO', constraints: 'Contraintes', status: 'Statut' };
  // Measured in terminal columns: « é » written as e + accent, or a CJK name, is not its length.
  const widths = {
    file: stringWidth(header.file),
    words: stringWidth(header.words),
    seo: stringWidth(header.seo),
    constraints: stringWidth(header.constraints),
  };
  for (const article of articles()) {
    const row = rowOf(article);
    widths.file = Math.max(widths.file, stringWidth(row.file));
    widths.words = Math.max(widths.words, stringWidth(row.words));
    widths.seo = Math.max(widths.seo, stringWidth(row.seo));
    widths.constraints = Math.max(widths.constraints, stringWidth(row.constraints));
  }
  const line = (cells: typeof header, paintCells = (text: string, _key: string) => text) =>
    [
      paintCells(padEnd(cells.file, widths.file), 'file'),
      paintCells(padStart(cells.words, widths.words), 'words'),
      paintCells(padStart(cells.seo, widths.seo), 'seo'),
      paintCells(padEnd(cells.constraints, widths.constraints), 'constraints'),
      paintCells(cells.status, 'status'),
    ]
      .join('  ')
      .trimEnd();
  yield paint('bold', line(header));
  for (const article of articles()) {
    const row = rowOf(article);
    yield line(row, (text, key) => {
      if (key === 'status' && article.status === 'error') return paint('red', text);
      if (key === 'constraints') return paint(article.passed ? 'green' : 'red', text);
      return text;
    });
    if (article.error) yield `  ${paint('red', '↳')} ${article.error}`;
  }
  yield '';
  yield paint('bold', totalsLine(report));
  if (report.writer !== 'offline' && report.writerStats.calls + report.writerStats.cachedCalls > 0) {
    const stats = report.writerStats;
    const cost =
      stats.estimatedCostUsd === null
        ? 'coût inconnu'
        : `coût estimé ${formatNumber(Math.round(stats.estimatedCostUsd * 10_000) / 10_000)} $`;
    yield `Rédacteur ${report.writer} : ${formatNumber(stats.calls)} appels (+ ${formatNumber(stats.cachedCalls)} en cache), ` +
      `${formatNumber(stats.inputTokens)} jetons envoyés, ${formatNumber(stats.outputTokens)} reçus, ${cost}`;
  }
  if (report.interrupted)
    yield paint('yellow', 'Interrompu : relancez la même commande pour finir les articles restants.');
  if (options.reportPath) yield `Rapport : ${options.reportPath}`;
}

/** « 12 articles en 3,2 s : 10 écrits, 1 déjà à jour ; 10 conformes, 1 contrainte non respectée, 1 en erreur ». */
export function totalsLine(report: Pick<BatchReport, 'totals' | 'durationMs'>): string {
  const { totals } = report;
  const plural = (count: number, singular: string, pluralForm = `${singular}s`) =>
    `${formatNumber(count)} ${count > 1 ? pluralForm : singular}`;
  const parts = [
    plural(totals.written, 'écrit'),
    `${formatNumber(totals.skipped)} déjà à jour`,
    plural(totals.passed, 'conforme'),
    `${formatNumber(totals.constraintFailed)} avec une contrainte non respectée`,
    `${formatNumber(totals.errors)} en erreur`,
  ];
  return `${plural(totals.articles, 'article')} en ${formatDuration(report.durationMs)} : ${parts.join(', ')}`;
}

function constraintsText(article: BatchArticleResult): string {
  if (article.status === 'error' || article.passed === undefined) return '—';
  if (article.passed) return 'ok';
  const failed = (article.failedConstraints ?? []).map((id) => CONSTRAINT_LABELS[id] ?? id);
  return `échec : ${failed.join(', ')}`;
}

/** « 850 ms », « 3,2 s », « 2 min 05 s », « 2 min » (119 600 ms), « 1 h 05 min ». */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 999.5) return `${Math.round(milliseconds)} ms`;
  // Rounded to the unit shown before it is split: 59,96 s is « 1 min », never « 60 s » nor « 1 min 60 s ».
  const tenths = Math.round(milliseconds / 100);
  if (tenths < 600) return `${formatNumber(tenths / 10)} s`;
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 3600) {
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    return rest === 0 ? `${minutes} min` : `${minutes} min ${String(rest).padStart(2, '0')} s`;
  }
  const minutes = Math.round(milliseconds / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')} min`;
}

/** Batch figures are written like the rest of Plume's French numbers. */
export const formatNumber = formatFrenchNumber;

/** Keeps the end of a path that is wider than `maxWidth` columns, whole characters only. */
function shortenStart(text: string, maxWidth: number): string {
  if (stringWidth(text) <= maxWidth) return text;
  const characters = [...new Intl.Segmenter('fr', { granularity: 'grapheme' }).segment(text)].map(
    (part) => part.segment,
  );
  let kept = '';
  for (let index = characters.length - 1; index >= 0; index -= 1) {
    const next = `${characters[index]}${kept}`;
    if (stringWidth(next) > maxWidth - 1) break;
    kept = next;
  }
  return `…${kept}`;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(text))) + text;
}
