import type { Analysis } from '../analyze/analysis.js';
import type { CoverageResult } from '../audit/check-coverage.js';
import type { FidelityResult } from '../audit/check-fidelity.js';
import type { ConstraintResult } from '../audit/check-hard-constraints.js';
import type { Report } from '../audit/report.js';
import type { PolishedTree } from './polish-article.js';

/** A draft polished and audited exactly as the final report will be: what a writer's repair step reads. */
export interface DraftEvaluation {
  polished: PolishedTree;
  title: string;
  description: string;
  analysis: Analysis;
  report: Report;
  fidelity: FidelityResult;
  /** Source sentences kept by an extractive writer; `null` for a writer that rewrites them. */
  coverage: CoverageResult | null;
  constraints: ConstraintResult[];
  /** Hard constraints that fail: fewer is better. */
  failures: number;
  /**
   * Whether the draft is French. French typography is applied only then: « Who are you ? » is
   * wrong in English, and the text and its title keep their own typography until translated.
   */
  french: boolean;
}
