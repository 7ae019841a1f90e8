import type { Analysis } from '../analyze/analysis.js';
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
  constraints: ConstraintResult[];
  /** Hard constraints that fail: fewer is better. */
  failures: number;
}
