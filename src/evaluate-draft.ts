import type { Root } from 'mdast';
import type { Analysis } from './analyze/analysis.js';
import { analyze } from './analyze/analyze.js';
import type { AuditConfig } from './audit/audit-config.js';
import { checkFidelity } from './audit/check-fidelity.js';
import { checkHardConstraints } from './audit/check-hard-constraints.js';
import { runAssessments } from './audit/run-assessments.js';
import { fixTypography } from './lang/fr/typography.js';
import type { SeoPlan } from './plan/seo-plan.js';
import type { DraftEvaluation } from './write/draft-evaluation.js';
import { polishTree } from './write/polish-article.js';

export type { DraftEvaluation } from './write/draft-evaluation.js';

export interface EvaluateDraftInput {
  tree: Root;
  plan: SeoPlan;
  sourceAnalysis: Analysis;
  config: AuditConfig;
  writerCanRewrite: boolean;
  tableOfContents?: boolean;
  canonicalUrl?: string;
}

/**
 * Polishes a draft and audits it exactly as the final report will: the LLM
 * writer's repair loop and `optimize` share this, so « fixed » means the same
 * thing in both. Pure.
 */
export function evaluateDraft(input: EvaluateDraftInput): DraftEvaluation {
  const polished = polishTree(input.tree, { tableOfContents: input.tableOfContents ?? true });
  const title = fixTypography(input.plan.title);
  const description = fixTypography(input.plan.description);
  const analysis = analyze(
    {
      format: 'markdown',
      tree: polished.tree,
      metadata: input.canonicalUrl ? { url: input.canonicalUrl } : {},
    },
    {
      keyphrase: input.plan.keyphrase,
      title,
      description,
      slug: input.plan.slug,
      siteUrl: input.canonicalUrl ?? null,
    },
  );
  const report = runAssessments(analysis, input.config);
  const fidelity = checkFidelity(analysis, input.sourceAnalysis, {
    translated: input.sourceAnalysis.language.language !== 'fr' && analysis.language.language === 'fr',
  });
  const constraints = checkHardConstraints({
    analysis,
    report,
    fidelity,
    config: input.config,
    keyphrase: input.plan.keyphrase,
    writerCanRewrite: input.writerCanRewrite,
  });
  return {
    polished,
    title,
    description,
    analysis,
    report,
    fidelity,
    constraints,
    failures: constraints.filter((constraint) => !constraint.passed).length,
  };
}
