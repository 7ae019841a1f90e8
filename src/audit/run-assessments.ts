import type { Analysis } from '../analyze/analysis.js';
import { type Assessment, type AssessmentGroup, ratingOf } from './assessment.js';
import { ASSESSMENTS } from './assessments/index.js';
import type { AuditConfig } from './audit-config.js';
import { ASSESSMENT_TITLES_FR, renderMessage } from './messages-fr.js';
import type { AssessmentResult, Report } from './report.js';

/** Which groups feed which overall score. Language and typography are part of reading comfort. */
const SCORE_GROUPS: Readonly<Record<keyof Report['scores'], readonly AssessmentGroup[]>> = {
  seo: ['seo'],
  readability: ['readability', 'language'],
};

/** Runs the applicable assessments on one analysis. Pure. */
export function runAssessments(
  analysis: Analysis,
  config: AuditConfig,
  assessments: readonly Assessment[] = ASSESSMENTS,
): Report {
  const results: AssessmentResult[] = [];
  for (const assessment of assessments) {
    if (!assessment.isApplicable(analysis, config)) continue;
    const outcome = assessment.assess(analysis, config);
    const score = Math.max(0, Math.min(9, Math.round(outcome.score)));
    const params = outcome.params ?? {};
    results.push({
      id: assessment.id,
      group: assessment.group,
      title: ASSESSMENT_TITLES_FR[assessment.id] ?? assessment.id,
      score,
      rating: ratingOf(score),
      messageId: outcome.messageId,
      params,
      message: renderMessage(outcome.messageId, params),
      marks: outcome.marks ?? [],
    });
  }
  return {
    scores: {
      seo: overallScore(results, SCORE_GROUPS.seo),
      readability: overallScore(results, SCORE_GROUPS.readability),
    },
    keyphrase: analysis.keyphrase?.keyphrase.text ?? null,
    metadata: analysis.metadata,
    language: analysis.language,
    statistics: {
      ...analysis.statistics,
      headings: analysis.headings.length,
      subheadings: analysis.headings.filter((heading) => heading.depth >= 2).length,
      sections: analysis.sections.length,
    },
    results,
    headingLikeLines: analysis.headingLikeLines.map((line) => line.text),
    text: analysis.text,
  };
}

/** Mean of the group's scores on the 0–9 scale, as a percentage. */
function overallScore(results: readonly AssessmentResult[], groups: readonly AssessmentGroup[]): number {
  const scored = results.filter((result) => groups.includes(result.group));
  if (scored.length === 0) return 0;
  const total = scored.reduce((sum, result) => sum + result.score, 0);
  return Math.round((total / (9 * scored.length)) * 100);
}
