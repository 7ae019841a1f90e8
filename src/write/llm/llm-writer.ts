import type { Root } from 'mdast';
import { classifyError } from '../../errors/classify-error.js';
import type { LlmBudget } from '../../llm/budget.js';
import type { LanguageModel } from '../../llm/language-model.js';
import { LlmBudgetError } from '../../llm/llm-errors.js';
import type { SeoPlan } from '../../plan/seo-plan.js';
import { createOfflineWriter } from '../offline-writer.js';
import type { Writer } from '../writer.js';
import { assemble, type SectionedDraft } from './draft-assembly.js';
import { requestPlan } from './llm-plan.js';
import { repairSections } from './llm-repair.js';
import { writeSections } from './llm-sections.js';
import { createLlmSession } from './llm-session.js';

export { markdownToNodes } from './draft-assembly.js';

export interface LlmWriterOptions {
  /** The model, already wrapped with retries, budget and cache as configured (see src/llm). */
  model: LanguageModel;
  /** This article's budget, wrapped around `model`: the writer's stats are read from it (default: an unlimited ledger per article). */
  budget?: LlmBudget;
  /** Sections written at once (default: 4). */
  concurrency?: number;
  /** Repair rounds after the first draft (default: 2). */
  repairRounds?: number;
  /** Sampling temperature (default: the model's). */
  temperature?: number;
}

const PLAN_FALLBACK_NOTE = 'Le modèle n’a pas fourni de plan valide : plan hors ligne utilisé.';
const SECTIONS_ON_OFFLINE_PLAN_NOTE = 'Sections rédigées par le modèle sur le plan hors ligne.';
const OFFLINE_ARTICLE_NOTE =
  'Le modèle n’a rédigé aucune section : article hors ligne écrit (restructuré, ni traduit ni allongé).';

/**
 * The LLM writer: plans with one structured call, writes the sections with bounded concurrency, and
 * repairs what the pipeline's audit finds failing (the pipeline runs the rounds and keeps the best
 * draft). Sections it could not write fall back to the source passages, so nothing is invented.
 */
export function createLlmWriter(options: LlmWriterOptions): Writer {
  const session = createLlmSession({
    model: options.model,
    concurrency: Math.max(1, options.concurrency ?? 4),
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.budget ? { budget: options.budget } : {}),
  });
  const offline = createOfflineWriter();
  /** Plans the offline planner made because the model gave none (see `plan`). */
  const offlinePlans = new WeakSet<SeoPlan>();
  /** The sections behind each tree this writer returned: what `repair` rewrites. */
  const drafts = new WeakMap<Root, SectionedDraft>();
  const output = (draft: SectionedDraft) => {
    const tree = assemble(draft.plan, draft.sections);
    drafts.set(tree, draft);
    return { tree, plan: draft.plan };
  };

  return {
    name: `${options.model.provider}:${options.model.modelId}`,
    canRewrite: true,
    repairRounds: Math.max(0, options.repairRounds ?? 2),

    async plan(context) {
      context.onProgress?.({ stage: 'plan', message: 'Plan (appel au modèle)' });
      try {
        return await requestPlan(session, context);
      } catch (error) {
        if (LlmBudgetError.isInstance(error)) {
          context.stats.notes.push('Budget d’appels épuisé dès le plan : plan hors ligne utilisé.');
          return offline.plan(context);
        }
        // A plan the model cannot give (prose instead of JSON, refusals, an outage that outlasted the
        // retries) costs the plan, not the article: the offline planner takes over.
        if (classifyError(error).kind !== 'provider') throw error;
        context.stats.notes.push(PLAN_FALLBACK_NOTE);
        context.stats.degraded = true;
        const plan = await offline.plan(context);
        offlinePlans.add(plan);
        return plan;
      }
    },

    async write(context, plan) {
      const sections = await writeSections(session, context, plan);
      if (offlinePlans.has(plan) && sections.every((section) => section.fromSource)) {
        // The model wrote nothing usable either: the offline article is the best Plume can give.
        context.stats.notes.push(OFFLINE_ARTICLE_NOTE);
        return offline.write(context, plan);
      }
      if (offlinePlans.has(plan)) context.stats.notes.push(SECTIONS_ON_OFFLINE_PLAN_NOTE);
      return output({ plan, sections });
    },

    async repair(context, draft, evaluation) {
      const current = drafts.get(draft.tree);
      // Not a draft of ours (the offline article written when the model wrote nothing): nothing to repair.
      if (!current) return null;
      return output(await repairSections(session, context, current, evaluation));
    },
  };
}
