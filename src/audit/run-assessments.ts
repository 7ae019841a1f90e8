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
  const extraIds = new Set(assessments.filter((assessment) => assessment.extra).map(({ id }) => id));
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
      seo: seoScore(results, extraIds),
      readability: readabilityScore(results, extraIds),
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

/**
 * Outcomes that weigh below 0 in the SEO mean, although their score shows 0 on the 0–9 scale: keyword
 * stuffing costs what it costs in Yoast SEO (−10), so that a stuffed text cannot score well on the rest.
 */
export const SEO_MEAN_WEIGHTS: Readonly<Record<string, number>> = {
  'keyphrase-density.stuffing': -10,
  'text-length.thin': -10,
  'text-length.almost-empty': -20,
};

/**
 * Mean of the SEO scores on the 0–9 scale, as a percentage: the public formula users see in Yoast SEO
 * (round(Σ scores × 100 / (9 × count))). Plume's extra checks count only when they are not good, so they
 * can pull the score down but never lift it above what Yoast would show; stuffing and a thin text (under
 * 200 words) weigh −10, an almost empty one (under 100) −20.
 */
export function seoScore(results: readonly AssessmentResult[], extraIds: ReadonlySet<string>): number {
  const scored = results.filter(
    (result) =>
      SCORE_GROUPS.seo.includes(result.group) && (!extraIds.has(result.id) || result.rating !== 'good'),
  );
  if (scored.length === 0) return 0;
  const total = scored.reduce((sum, result) => sum + (SEO_MEAN_WEIGHTS[result.messageId] ?? result.score), 0);
  return Math.round((total / (9 * scored.length)) * 100);
}

/** Penalty points of one result in the readability traffic light: bad 3, ok 2, good 0. */
const READABILITY_PENALTIES: Readonly<Record<AssessmentResult['rating'], number>> = {
  good: 0,
  ok: 2,
  bad: 3,
};

/** The readability traffic light as Yoast SEO shows it for French, measured with `bench:quality`. */
export const READABILITY_LEVELS = {
  good: 90,
  ok: 60,
  bad: 30,
  /** Up to this many penalty points the light stays green; up to `okMaxPenalty`, orange. */
  goodMaxPenalty: 4,
  okMaxPenalty: 6,
  /** Plume's extra checks take at most this many points off, so the score stays in the same light. */
  maxExtraPenalty: 5,
} as const;

/**
 * Readability is a traffic light, not a mean: one bad check among six good ones already makes a text
 * harder to read, which a mean hides (a mean put Plume up to 51 points above Yoast on real articles).
 * The checks Yoast also makes add penalty points (ok 2, bad 3); 4 points or fewer give 90 (good), 5–6
 * give 60 (OK), more give 30 (needs improvement). Plume's extra checks (Flesch, French language,
 * typography) then take off their own penalty points, at most 5, to rank texts of the same light.
 */
export function readabilityScore(
  results: readonly AssessmentResult[],
  extraIds: ReadonlySet<string>,
): number {
  const scored = results.filter((result) => SCORE_GROUPS.readability.includes(result.group));
  const shared = scored.filter((result) => !extraIds.has(result.id));
  if (shared.length === 0) return 0;
  const penalty = (list: readonly AssessmentResult[]) =>
    list.reduce((sum, result) => sum + READABILITY_PENALTIES[result.rating], 0);
  const sharedPenalty = penalty(shared);
  const level =
    sharedPenalty <= READABILITY_LEVELS.goodMaxPenalty
      ? READABILITY_LEVELS.good
      : sharedPenalty <= READABILITY_LEVELS.okMaxPenalty
        ? READABILITY_LEVELS.ok
        : READABILITY_LEVELS.bad;
  const extraPenalty = penalty(scored.filter((result) => extraIds.has(result.id)));
  return level - Math.min(READABILITY_LEVELS.maxExtraPenalty, extraPenalty);
}
