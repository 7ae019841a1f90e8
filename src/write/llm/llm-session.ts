import { classifyError } from '../../errors/classify-error.js';
import { LlmBudget, withBudget } from '../../llm/budget.js';
import type { CompletionRequest, LanguageModel } from '../../llm/language-model.js';
import type { WriterContext, WriterStats } from '../writer.js';

/** What the plan, section and repair steps of the LLM writer share: one way to call the model. */
export interface LlmSession {
  /** Calls written at once. */
  concurrency: number;
  /**
   * One call to the model, with the writer's temperature and the context's signal. The article's stats
   * are read from its budget, the one ledger of calls and tokens: every call that reached the provider,
   * retries' tokens included.
   */
  call(context: WriterContext, request: CompletionRequest): Promise<string>;
}

/** A ledger without limits, for a bare model given without a budget: it counts, it never refuses. */
const UNLIMITED = { maxCalls: Number.POSITIVE_INFINITY, maxTokens: Number.POSITIVE_INFINITY };

export function createLlmSession(options: {
  model: LanguageModel;
  concurrency: number;
  temperature?: number;
  /** This article's budget, already wrapped around `model`. Without one, each article gets an unlimited ledger. */
  budget?: LlmBudget;
}): LlmSession {
  const { budget } = options;
  /** Per article (its stats) when the model came bare: the ledger and the model wrapped with it. */
  const ledgers = new WeakMap<WriterStats, { budget: LlmBudget; model: LanguageModel }>();
  const ledgerOf = (context: WriterContext) => {
    if (budget) return { budget, model: options.model };
    let ledger = ledgers.get(context.stats);
    if (!ledger) {
      const unlimited = new LlmBudget(UNLIMITED);
      ledger = { budget: unlimited, model: withBudget(options.model, unlimited) };
      ledgers.set(context.stats, ledger);
    }
    return ledger;
  };
  return {
    concurrency: options.concurrency,
    async call(context, request) {
      const ledger = ledgerOf(context);
      try {
        const result = await ledger.model.complete({
          ...request,
          ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
          ...(context.signal ? { signal: context.signal } : {}),
        });
        return result.text;
      } finally {
        const spent = ledger.budget.report();
        context.stats.calls = spent.calls;
        context.stats.cachedCalls = spent.cacheHits;
        context.stats.inputTokens = spent.inputTokens;
        context.stats.outputTokens = spent.outputTokens;
        context.stats.estimatedCostUsd = spent.estimatedCostUsd ?? null;
      }
    },
  };
}

const BUDGET_NOTE = 'Plafond d’appels ou de jetons atteint : meilleur brouillon conservé.';

/** Records, once, that the budget is spent: no more calls, the best draft so far is kept. */
export function noteBudgetSpent(context: WriterContext): void {
  if (context.stats.budgetSpent) return;
  context.stats.budgetSpent = true;
  context.stats.notes.push(BUDGET_NOTE);
}

/**
 * A provider failure that costs one section, not the article: truncated, refused or unreadable answers,
 * and timeouts or outages that outlasted the retries. A missing key or a bad setup stops everything.
 */
export function isSectionFailure(error: unknown): boolean {
  return classifyError(error).kind === 'provider';
}
