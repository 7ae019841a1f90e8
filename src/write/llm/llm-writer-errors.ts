/** The model never returned a plan that parses and validates. */
export class LlmPlanError extends Error {
  override readonly name = 'LlmPlanError';

  static isInstance(error: unknown): error is LlmPlanError {
    return error instanceof Error && error.name === 'LlmPlanError';
  }
}

/** The per-article cap on calls or tokens was reached (thrown by the budget wrapper of src/llm). */
export function isBudgetError(error: unknown): boolean {
  return error instanceof Error && error.name === 'LlmBudgetError';
}
