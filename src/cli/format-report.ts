import type { AssessmentGroup, Rating } from '../audit/assessment.js';
import type { Report } from '../audit/report.js';
import { formatFrenchNumber as formatNumber } from '../lang/fr/format-number.js';
import { createPaint, type Paint, type Style } from './use-color.js';

export interface FormatReportOptions {
  /** Use ANSI colours (default: false). */
  color?: boolean;
  /** Name of the audited source, shown in the heading (default: none). */
  sourceName?: string;
}

const RATING_LABELS: Readonly<Record<Rating, string>> = { good: 'bon', ok: 'à améliorer', bad: 'problème' };
const RATING_COLORS: Readonly<Record<Rating, Style>> = { good: 'green', ok: 'yellow', bad: 'red' };
const GROUP_TITLES: Readonly<Record<AssessmentGroup, string>> = {
  seo: 'Référencement (SEO)',
  readability: 'Lisibilité',
  language: 'Langue et typographie',
};

/** The report as people read it in a terminal, in French. */
export function formatReport(report: Report, options: FormatReportOptions = {}): string {
  const paint = createPaint(options.color);
  const bold = (text: string) => paint('bold', text);
  const lines: string[] = [];
  lines.push(bold(`Audit SEO et lisibilité${options.sourceName ? ` — ${options.sourceName}` : ''}`));
  lines.push('');
  const { metadata, statistics } = report;
  lines.push(`Expression-clé    ${report.keyphrase ?? '(aucune)'}`);
  lines.push(
    `Titre SEO         ${metadata.title ?? '(aucun)'}${metadata.title ? ` (${Math.round(metadata.titleWidth)} px)` : ''}`,
  );
  lines.push(
    `Méta-description  ${metadata.description ?? '(aucune)'}${metadata.description ? ` (${[...metadata.description].length} caractères)` : ''}`,
  );
  lines.push(`Slug              ${metadata.slug ?? '(aucun)'}`);
  lines.push('');
  lines.push(
    `${bold('Score SEO')} ${scoreText(report.scores.seo, paint)}    ${bold('Score de lisibilité')} ${scoreText(report.scores.readability, paint)}`,
  );
  lines.push(
    [
      `${formatNumber(statistics.bodyWords)} mots`,
      `${statistics.sentences} phrase${statistics.sentences > 1 ? 's' : ''}`,
      `${statistics.paragraphs} paragraphe${statistics.paragraphs > 1 ? 's' : ''}`,
      `${statistics.subheadings} intertitre${statistics.subheadings > 1 ? 's' : ''}`,
      `Flesch ${formatNumber(Math.round(statistics.fleschReadingEase * 10) / 10)}`,
    ].join(' · '),
  );
  const labelWidth = Math.max(...Object.values(RATING_LABELS).map((label) => label.length));
  for (const group of Object.keys(GROUP_TITLES) as AssessmentGroup[]) {
    const results = report.results.filter((result) => result.group === group);
    if (results.length === 0) continue;
    lines.push('');
    lines.push(bold(GROUP_TITLES[group]));
    for (const result of results) {
      const dot = paint(RATING_COLORS[result.rating], '●');
      const label = paint(RATING_COLORS[result.rating], RATING_LABELS[result.rating].padEnd(labelWidth));
      lines.push(`  ${dot} ${label}  ${result.message}`);
    }
  }
  if (report.headingLikeLines.length > 0) {
    lines.push('');
    lines.push(bold('Lignes qui ressemblent à des intertitres'));
    for (const line of report.headingLikeLines) lines.push(`  « ${line} »`);
  }
  return `${lines.join('\n')}\n`;
}

function scoreText(score: number, paint: Paint): string {
  const rating: Rating = score >= 80 ? 'good' : score >= 55 ? 'ok' : 'bad';
  return paint(RATING_COLORS[rating], `${score}/100`);
}
