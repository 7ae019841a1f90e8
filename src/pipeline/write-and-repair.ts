import type { SeoPlan } from '../plan/seo-plan.js';
import type { DraftEvaluation } from '../write/draft-evaluation.js';
import type { Writer, WriterContext, WriterOutput } from '../write/writer.js';

export interface EvaluatedDraft {
  draft: WriterOutput;
  evaluation: DraftEvaluation;
}

/**
 * Writes the article, then repairs it while hard constraints or the keyphrase placement fail, within
 * the writer's rounds and until the budget is spent (`stats.budgetSpent`). Keeps the best draft seen:
 * a repair that makes things worse is never what the reader gets.
 */
export async function writeAndRepair(
  writer: Writer,
  context: WriterContext,
  plan: SeoPlan,
  evaluate: (draft: WriterOutput) => DraftEvaluation,
): Promise<EvaluatedDraft> {
  const first = await writer.write(context, plan);
  context.signal?.throwIfAborted();
  let current: EvaluatedDraft = { draft: first, evaluation: evaluate(first) };
  let best = current;
  const rounds = writer.repair ? Math.max(0, writer.repairRounds ?? 0) : 0;
  for (let round = 1; round <= rounds && needsRepair(current.evaluation); round += 1) {
    if (context.stats.budgetSpent === true || !writer.repair) break;
    context.onProgress?.({ stage: 'repair', message: `Réparation, tour ${round}` });
    const repaired = await writer.repair(context, current.draft, current.evaluation);
    context.signal?.throwIfAborted();
    if (repaired === null) break;
    context.stats.repairRounds += 1;
    current = { draft: repaired, evaluation: evaluate(repaired) };
    if (isBetter(current.evaluation, best.evaluation)) best = current;
  }
  return best;
}

/** Hard constraints, and besides them the keyphrase in the introduction and subheadings, are worth a round. */
function needsRepair(evaluation: DraftEvaluation): boolean {
  const placement = evaluation.report.results.filter(
    (result) =>
      (result.id === 'keyphrase-in-introduction' || result.id === 'keyphrase-in-subheadings') &&
      result.score < 8,
  ).length;
  return evaluation.failures + placement > 0;
}

/** Fewer failing hard constraints first, then the higher SEO and readability scores. */
function isBetter(candidate: DraftEvaluation, best: DraftEvaluation): boolean {
  if (candidate.failures !== best.failures) return candidate.failures < best.failures;
  return (
    candidate.report.scores.seo + candidate.report.scores.readability >
    best.report.scores.seo + best.report.scores.readability
  );
}
