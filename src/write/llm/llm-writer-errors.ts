import { LlmError } from '../../llm/llm-errors.js';

/** The model never returned a plan that parses and validates. A provider failure: the writer falls back. */
export class LlmPlanError extends LlmError {
  constructor(message: string) {
    super(message);
    this.name = 'LlmPlanError';
  }

  static override isInstance(error: unknown): error is LlmPlanError {
    return error instanceof Error && error.name === 'LlmPlanError';
  }
}
