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
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const rows = report.articles.map((article) => ({
    file: shortenStart(article.input, MAX_FILE_WIDTH),
    words: article.words === undefined ? '—' : formatNumber(article.words),
    seo: article.seoScore === undefined ? '—' : String(article.seoScore),
    constraints: constraintsText(article),
    status: STATUS_LABELS[article.status],
    article,
  }));
  const header = { file: 'Fichier', words: 'Mots', seo: 'SEO', constraints: 'Contraintes', status: 'Statut' };
  const width = (key: keyof typeof header) =>
    Math.max(header[key].length, ...rows.map((row) => row[key].length));
  const widths = {
    file: width('file'),
    words: width('words'),
    seo: width('seo'),
    constraints: width('constraints'),
  };
  const line = (cells: typeof header, paintCells = (text: string, _key: string) => text) =>
    [
      paintCells(cells.file.padEnd(widths.file), 'file'),
      paintCells(cells.words.padStart(widths.words), 'words'),
      paintCells(cells.seo.padStart(widths.seo), 'seo'),
      paintCells(cells.constraints.padEnd(widths.constraints), 'constraints'),
      paintCells(cells.status, 'status'),
    ]
      .join('  ')
      .trimEnd();
  const lines = [paint('1', line(header))];
  for (const row of rows) {
    const { article } = row;
    lines.push(
      line(row, (text, key) => {
        if (key === 'status' && article.status === 'error') return paint('31', text);
        if (key === 'constraints') return paint(article.passed ? '32' : '31', text);
        return text;
      }),
    );
    if (article.error) lines.push(`  ${paint('31', '↳')} ${article.error}`);
  }
  lines.push('');
  lines.push(paint('1', totalsLine(report)));
  if (report.writer !== 'offline' && report.writerStats.calls + report.writerStats.cachedCalls > 0) {
    const stats = report.writerStats;
    const cost =
      stats.estimatedCostUsd === null
        ? 'coût inconnu'
        : `coût estimé ${formatNumber(Math.round(stats.estimatedCostUsd * 10_000) / 10_000)} $`;
    lines.push(
      `Rédacteur ${report.writer} : ${formatNumber(stats.calls)} appels (+ ${formatNumber(stats.cachedCalls)} en cache), ` +
        `${formatNumber(stats.inputTokens)} jetons envoyés, ${formatNumber(stats.outputTokens)} reçus, ${cost}`,
    );
  }
  if (report.interrupted)
    lines.push(paint('33', 'Interrompu : relancez la même commande pour finir les articles restants.'));
  if (options.reportPath) lines.push(`Rapport : ${options.reportPath}`);
  return `${lines.join('\n')}\n`;
}

/** « 12 articles en 3,2 s : 10 écrits, 1 déjà à jour ; 10 conformes, 1 contrainte non respectée, 1 en erreur ». */
export function totalsLine(report: BatchReport): string {
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

/** « 850 ms », « 3,2 s », « 2 min 05 s ». */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${formatNumber(Math.round(seconds * 10) / 10)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}

export function formatNumber(value: number): string {
  return value.toLocaleString('fr-FR').replace(/\u202f/g, '\u00a0');
}

function shortenStart(text: string, maxLength: number): string {
  return text.length > maxLength ? `…${text.slice(text.length - maxLength + 1)}` : text;
}
