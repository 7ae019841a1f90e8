import { classifyError } from '../../errors/classify-error.js';
import { billedStats, type LlmBudget } from '../../llm/budget.js';
import type { CompletionRequest, CompletionResult, LanguageModel } from '../../llm/language-model.js';
import type { WriterContext } from '../writer.js';

/** What the plan, section and repair steps of the LLM writer share: one way to call the model. */
export interface LlmSession {
  /** Calls written at once. */
  concurrency: number;
  /**
   * One call to the model, with the writer's temperature and the context's signal. The stats are read
   * from the budget when there is one (every call that reached the provider, retries' tokens included);
   * a bare model's answers are counted instead.
   */
  call(context: WriterContext, request: CompletionRequest): Promise<string>;
}

export function createLlmSession(options: {
  model: LanguageModel;
  concurrency: number;
  temperature?: number;
  budget?: LlmBudget;
}): LlmSession {
  const { budget } = options;
  return {
    concurrency: options.concurrency,
    async call(context, request) {
      let result: CompletionResult;
      try {
        result = await options.model.complete({
          ...request,
          ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
          ...(context.signal ? { signal: context.signal } : {}),
        });
      } finally {
        if (budget) Object.assign(context.stats, billedStats(budget.report()));
      }
      if (budget) return result.text;
      if (result.cached) context.stats.cachedCalls += 1;
      else {
        context.stats.calls += 1;
        context.stats.inputTokens += result.usage.inputTokens;
        context.stats.outputTokens += result.usage.outputTokens;
      }
      return result.text;
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
