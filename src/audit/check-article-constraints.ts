import type { Analysis } from '../analyze/analysis.js';
import type { RemovedContent } from '../document.js';
import type { AuditConfig } from './audit-config.js';
import { type CoverageResult, checkCoverage } from './check-coverage.js';
import { type CheckFidelityOptions, checkFidelity, type FidelityResult } from './check-fidelity.js';
import { type ConstraintResult, checkHardConstraints } from './check-hard-constraints.js';
import type { Report } from './report.js';

export interface ArticleConstraintInputs {
  /** Analysis of the article. */
  analysis: Analysis;
  report: Report;
  config: AuditConfig;
  keyphrase: string | null;
  /** The source, to check figures, quotes and names against (default: none, so no fidelity constraint). */
  sourceAnalysis?: Analysis | null;
  /**
   * Check that every source sentence is in the article (default: false). Only for an extractive writer's
   * output: after a person edits the article, what they cut is their choice.
   */
  coverage?: boolean;
  /** What ingest left out of a source page, listed in the coverage (default: nothing). */
  removed?: readonly RemovedContent[];
  /** Whether a writer that translates and expands is at hand (the offline writer is not). */
  writerCanRewrite: boolean;
  /** What to do to get such a writer, in the user's terms (default: the CLI's, with `--provider`). */
  rewriterHint?: string;
}

export interface ArticleConstraints {
  constraints: ConstraintResult[];
  /** `null` without a source. */
  fidelity: FidelityResult | null;
  /** `null` unless `coverage` was asked for with a source. */
  coverage: CoverageResult | null;
}

/**
 * The hard constraints of an article, and the fact checks they rest on: what `optimize` checks on its
 * drafts and what `/api/audit` re-checks after an edit, so « respected » means one thing. Pure.
 */
export function checkArticleConstraints(
  inputs: ArticleConstraintInputs & { sourceAnalysis: Analysis },
): ArticleConstraints & { fidelity: FidelityResult };
export function checkArticleConstraints(inputs: ArticleConstraintInputs): ArticleConstraints;
export function checkArticleConstraints(inputs: ArticleConstraintInputs): ArticleConstraints {
  const { analysis, sourceAnalysis } = inputs;
  const fidelityOptions: CheckFidelityOptions = {
    // A translation cannot quote word for word: quotes are then matched by count and length.
    translated: sourceAnalysis?.language.language !== 'fr' && analysis.language.language === 'fr',
  };
  const fidelity = sourceAnalysis ? checkFidelity(analysis, sourceAnalysis, fidelityOptions) : null;
  const coverage =
    sourceAnalysis && inputs.coverage ? checkCoverage(analysis, sourceAnalysis, inputs.removed) : null;
  const constraints = checkHardConstraints({
    analysis,
    report: inputs.report,
    fidelity,
    coverage,
    config: inputs.config,
    keyphrase: inputs.keyphrase,
    writerCanRewrite: inputs.writerCanRewrite,
    ...(inputs.rewriterHint === undefined ? {} : { rewriterHint: inputs.rewriterHint }),
  });
  return { constraints, fidelity, coverage };
}
