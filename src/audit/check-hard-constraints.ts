import type { Analysis } from '../analyze/analysis.js';
import { formatFrenchNumber } from '../lang/fr/format-number.js';
import { isValidSlug, MAX_SLUG_LENGTH } from '../plan/build-slug.js';
import type { AuditConfig } from './audit-config.js';
import { type CoverageResult, summarizeRemoved } from './check-coverage.js';
import type { FidelityResult } from './check-fidelity.js';
import type { Report } from './report.js';

export type ConstraintId = 'language' | 'length' | 'subheadings' | 'fidelity' | 'coverage' | 'metadata';

export interface ConstraintResult {
  id: ConstraintId;
  passed: boolean;
  /** Why, in French. */
  message: string;
  /** Failed, and only a writer that rewrites (an LLM provider) can fix it. */
  needsRewriter: boolean;
}

export interface HardConstraintInputs {
  /** Analysis of the written article. */
  analysis: Analysis;
  report: Report;
  /** The fact check against the source; `null` when there is no source (no fidelity constraint). */
  fidelity: FidelityResult | null;
  /** Source sentences found in the article; `null` when the writer rewrites them (nothing to compare word for word). */
  coverage?: CoverageResult | null;
  config: AuditConfig;
  keyphrase: string | null;
  /** Whether the writer can translate and expand (the offline writer cannot). */
  writerCanRewrite: boolean;
  /** What to do to get a writer that can, in the user's terms (default: the CLI's, with `--provider`). */
  rewriterHint?: string;
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'anglais',
  es: 'espagnol',
  de: 'allemand',
  it: 'italien',
  pt: 'portugais',
  nl: 'néerlandais',
};
// One line that says how: the flag and the variable (the web page words it for its own users).
const REWRITER_HINT = 'configurez un fournisseur LLM pour cela (--provider openai, ou PLUME_PROVIDER=openai)';

/** The hard constraints of design.md, each with pass/fail and a French reason. Pure. */
export function checkHardConstraints(inputs: HardConstraintInputs): ConstraintResult[] {
  return [
    language(inputs),
    length(inputs),
    subheadings(inputs),
    ...(inputs.fidelity ? [fidelity(inputs.fidelity)] : []),
    ...(inputs.coverage ? [coverage(inputs.coverage)] : []),
    metadata(inputs),
  ];
}

/** Sentences quoted in a failed coverage message: enough to find them, not the whole article. */
const LISTED_MISSING = 3;
const MAX_QUOTED_CHARACTERS = 80;

function coverage(result: CoverageResult): ConstraintResult {
  const total = result.sourceSentences;
  // What the page held around the article is said, never dropped silently.
  const removed = result.removed.length > 0 ? ` ${summarizeRemoved(result.removed)}` : '';
  if (result.passed) {
    return {
      id: 'coverage',
      passed: true,
      message: `${countOf(total, 'phrase de la source reprise', 'phrases de la source reprises')}, aucune perdue.${removed}`,
      needsRewriter: false,
    };
  }
  const count = result.missing.length;
  const listed = result.missing
    .slice(0, LISTED_MISSING)
    .map((sentence) => `« ${shorten(sentence)} »`)
    .join(', ');
  const more =
    count > LISTED_MISSING
      ? `, et ${count - LISTED_MISSING} autre${count - LISTED_MISSING > 1 ? 's' : ''}`
      : '';
  return {
    id: 'coverage',
    passed: false,
    message: `${count} phrase${count > 1 ? 's' : ''} de la source sur ${total} absente${count > 1 ? 's' : ''} de l’article : ${listed}${more}.${removed}`,
    needsRewriter: false,
  };
}

function shorten(text: string): string {
  const characters = [...text];
  return characters.length <= MAX_QUOTED_CHARACTERS
    ? text
    : `${characters
        .slice(0, MAX_QUOTED_CHARACTERS - 1)
        .join('')
        .trimEnd()}…`;
}

function language(inputs: HardConstraintInputs): ConstraintResult {
  const { analysis, report, writerCanRewrite } = inputs;
  const detected = analysis.language.language;
  const result = report.results.find((entry) => entry.id === 'french-language');
  if (detected === 'fr' && (result?.score ?? 0) >= 8) {
    return { id: 'language', passed: true, message: 'Le texte est en français.', needsRewriter: false };
  }
  const name = LANGUAGE_NAMES[detected] ?? detected;
  const what =
    detected === 'fr'
      ? 'Certaines sections ne sont pas en français'
      : detected === 'und'
        ? 'La langue du texte n’a pas pu être reconnue'
        : `Le texte est en ${name}, pas en français`;
  const hint = writerCanRewrite
    ? ''
    : ` : le rédacteur hors ligne ne traduit pas, ${inputs.rewriterHint ?? REWRITER_HINT}`;
  return { id: 'language', passed: false, message: `${what}${hint}.`, needsRewriter: !writerCanRewrite };
}

function length(inputs: HardConstraintInputs): ConstraintResult {
  const { analysis, config, writerCanRewrite } = inputs;
  const words = analysis.statistics.bodyWords;
  const min = config.minWords;
  if (words >= min) {
    return {
      id: 'length',
      passed: true,
      message: `${formatFrenchNumber(words)} mots (minimum ${formatFrenchNumber(min)}).`,
      needsRewriter: false,
    };
  }
  const hint = writerCanRewrite
    ? ''
    : ` : le rédacteur hors ligne n’invente rien, ${inputs.rewriterHint ?? REWRITER_HINT}`;
  return {
    id: 'length',
    passed: false,
    message: `${formatFrenchNumber(words)} mots, il en faut au moins ${formatFrenchNumber(min)}${hint}.`,
    needsRewriter: !writerCanRewrite,
  };
}

function subheadings({ analysis, config }: HardConstraintInputs): ConstraintResult {
  const words = analysis.statistics.bodyWords;
  const maxWords = config.subheadingDistribution.maxWords;
  const h2 = analysis.headings.filter((heading) => heading.depth === 2).length;
  const required = words > maxWords ? Math.floor(words / maxWords) : 0;
  const longSections = analysis.sections.filter((section) => section.wordCount > maxWords).length;
  let previous = 1;
  let skipped = 0;
  for (const heading of analysis.headings) {
    if (heading.depth > previous + 1) skipped += 1;
    previous = heading.depth;
  }
  const problems: string[] = [];
  if (h2 < required)
    problems.push(
      `${h2} intertitres H2 pour ${formatFrenchNumber(words)} mots, il en faut au moins ${required}`,
    );
  if (longSections > 0)
    problems.push(`${longSections} section${longSections > 1 ? 's dépassent' : ' dépasse'} ${maxWords} mots`);
  if (skipped > 0) problems.push(`${skipped} titre${skipped > 1 ? 's sautent' : ' saute'} un niveau`);
  if (problems.length === 0) {
    return {
      id: 'subheadings',
      passed: true,
      message: `${countOf(h2, 'intertitre H2', 'intertitres H2')}, aucune section de plus de ${maxWords} mots.`,
      needsRewriter: false,
    };
  }
  return {
    id: 'subheadings',
    passed: false,
    message: `${capitalize(problems.join(' ; '))}.`,
    needsRewriter: false,
  };
}

function fidelity(result: FidelityResult): ConstraintResult {
  if (result.passed) {
    const { figure, quote, name } = result.checked;
    return {
      id: 'fidelity',
      passed: true,
      message: `Chiffres (${figure}), citations (${quote}) et noms (${name}) tous présents dans la source.`,
      needsRewriter: false,
    };
  }
  const listed = result.issues
    .slice(0, 5)
    .map((issue) => `« ${issue.text} »`)
    .join(', ');
  return {
    id: 'fidelity',
    passed: false,
    message: `${result.issues.length} fait${result.issues.length > 1 ? 's absents' : ' absent'} de la source : ${listed}.`,
    needsRewriter: false,
  };
}

function metadata({ analysis, config, keyphrase }: HardConstraintInputs): ConstraintResult {
  const { title, titleWidth, description, slug } = analysis.metadata;
  const problems: string[] = [];
  if (!title) problems.push('titre SEO absent');
  else if (titleWidth > config.titleWidth.maxPixels)
    problems.push(`titre SEO de ${Math.round(titleWidth)} px (maximum ${config.titleWidth.maxPixels})`);
  const { minCharacters, maxCharacters } = config.metaDescription;
  const descriptionLength = description ? [...description].length : 0;
  if (!description) problems.push('méta-description absente');
  else if (descriptionLength < minCharacters || descriptionLength > maxCharacters)
    problems.push(
      `méta-description de ${descriptionLength} caractères (${minCharacters} à ${maxCharacters})`,
    );
  if (!slug) problems.push('slug absent');
  else if (!isValidSlug(slug))
    problems.push(`slug « ${slug} » invalide (ASCII, tirets, ${MAX_SLUG_LENGTH} caractères au plus)`);
  if (!keyphrase) problems.push('expression-clé absente');
  if (problems.length === 0) {
    return {
      id: 'metadata',
      passed: true,
      message: 'Titre, méta-description, slug et expression-clé dans les limites.',
      needsRewriter: false,
    };
  }
  return {
    id: 'metadata',
    passed: false,
    message: `${capitalize(problems.join(' ; '))}.`,
    needsRewriter: false,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
}

function countOf(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}
