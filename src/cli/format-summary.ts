import { formatFrenchNumber as formatNumber } from '../lang/fr/format-number.js';
import { measureTextWidth } from '../lang/pixel-width/measure-text-width.js';
import type { OptimizeResult } from '../optimize.js';
import { createPaint, type Paint } from './use-color.js';

export interface FormatSummaryOptions {
  color?: boolean;
  sourceName?: string;
  /** Files written, shown after the arrow. */
  written?: readonly string[];
}

const CONSTRAINT_NAMES: Readonly<Record<string, string>> = {
  language: 'Langue',
  length: 'Longueur',
  subheadings: 'Intertitres',
  fidelity: 'Fidélité',
  coverage: 'Couverture',
  metadata: 'Métadonnées',
};
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'anglais',
  es: 'espagnol',
  de: 'allemand',
  it: 'italien',
  pt: 'portugais',
  nl: 'néerlandais',
};
const KEYPHRASE_ORIGINS: Readonly<Record<string, string>> = {
  given: 'fournie',
  source: 'lue dans la source',
  extracted: 'extraite du texte',
};

/** The short summary people read after `plume optimize`, in French. */
export function formatSummary(result: OptimizeResult, options: FormatSummaryOptions = {}): string {
  const paint = createPaint(options.color);
  const bold = (text: string) => paint('bold', text);
  const { metadata } = result.article;
  const { report } = result;
  const lines: string[] = [];
  lines.push(bold(`Article optimisé${options.sourceName ? ` — ${options.sourceName}` : ''}`));
  if (options.written && options.written.length > 0) lines.push(`Fichiers : ${options.written.join(', ')}`);
  lines.push('');
  lines.push(`Titre SEO         ${metadata.title} (${Math.round(measureTextWidth(metadata.title))} px)`);
  lines.push(`Méta-description  ${metadata.description} (${[...metadata.description].length} caractères)`);
  lines.push(
    `Expression-clé    ${metadata.keyphrase} (${KEYPHRASE_ORIGINS[report.keyphraseOrigin] ?? report.keyphraseOrigin})`,
  );
  lines.push(`Mots-clés         ${metadata.keywords.join(', ') || '(aucun)'}`);
  lines.push(`Slug              ${metadata.slug}`);
  lines.push(
    `Mots              ${formatNumber(metadata.wordCount)} (source : ${formatNumber(report.source.words)})`,
  );
  if (!metadata.locale.startsWith('fr')) {
    const language = LANGUAGE_NAMES[metadata.locale] ?? `langue « ${metadata.locale} »`;
    lines.push(
      `Langue            texte laissé en ${language}, sans typographie française ni étiquette « fr » ; ` +
        'structuré (titres, intertitres, métadonnées) mais non traduit',
    );
  }
  if (metadata.constraintsFailed && metadata.constraintsFailed.length > 0) {
    lines.push('Statut            brouillon (draft: true dans les fichiers) : à reprendre avant publication');
  }
  const h2 = result.article.tree.children.filter((node) => node.type === 'heading' && node.depth === 2);
  lines.push(`Intertitres H2    ${h2.length}`);
  for (const node of h2) lines.push(`  - ${textOf(node)}`);
  if (report.internalLinks) {
    const count = report.internalLinks.length;
    lines.push(
      count === 0
        ? 'Liens internes    aucun : le corps ne nomme aucune page du site (hors intertitres, citations et expression-clé)'
        : `Liens internes    ${count} ajouté${count > 1 ? 's' : ''} vers les pages du site`,
    );
    for (const link of report.internalLinks) lines.push(`  - « ${link.anchor} » → ${link.url}`);
  }
  const stats = report.writerStats;
  if (report.writer !== 'offline') {
    const cost =
      stats.estimatedCostUsd === null
        ? 'coût inconnu'
        : `coût estimé ${formatNumber(Math.round(stats.estimatedCostUsd * 10000) / 10000)} $`;
    lines.push(
      `Rédacteur         ${report.writer} : ${stats.calls} appel${stats.calls > 1 ? 's' : ''}` +
        `${stats.cachedCalls > 0 ? ` (+ ${stats.cachedCalls} en cache)` : ''}, ${formatNumber(stats.inputTokens)} jetons envoyés, ` +
        `${formatNumber(stats.outputTokens)} reçus, ${stats.repairRounds} tour${stats.repairRounds > 1 ? 's' : ''} de réparation, ${cost}`,
    );
  }
  for (const note of stats.notes) lines.push(`  ${paint('yellow', '!')} ${note}`);
  for (const note of report.sourceNotes ?? []) lines.push(`  ${paint('yellow', '!')} ${note}`);
  for (const warning of report.warnings ?? []) lines.push(`  ${paint('yellow', '!')} ${warning}`);
  lines.push('');
  lines.push(
    `${bold('Score SEO')} ${scoreText(report.scores.seo, paint)}    ${bold('Score de lisibilité')} ${scoreText(report.scores.readability, paint)}`,
  );
  lines.push('');
  lines.push(
    bold(report.passed ? 'Contraintes : toutes respectées' : 'Contraintes : au moins une non respectée'),
  );
  for (const constraint of report.constraints) {
    const mark = constraint.passed ? paint('green', '● respectée') : paint('red', '● échec    ');
    lines.push(
      `  ${mark}  ${(CONSTRAINT_NAMES[constraint.id] ?? constraint.id).padEnd(12)} ${constraint.message}`,
    );
  }
  const toImprove = report.results.filter((entry) => entry.rating === 'bad');
  if (toImprove.length > 0) {
    lines.push('');
    lines.push(bold('Points à revoir'));
    for (const entry of toImprove) lines.push(`  ${paint('red', '●')} ${entry.message}`);
  }
  return `${lines.join('\n')}\n`;
}

function textOf(node: unknown): string {
  const children = (node as { children?: unknown[] }).children ?? [];
  return children.map((child) => (child as { value?: string }).value ?? textOf(child)).join('');
}

function scoreText(score: number, paint: Paint): string {
  return paint(score >= 80 ? 'green' : score >= 55 ? 'yellow' : 'red', `${score}/100`);
}
