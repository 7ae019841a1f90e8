import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/usage-error.js';
import { classifyError } from '../../src/errors/classify-error.js';
import { InputError } from '../../src/ingest/input-error.js';
import {
  LlmAuthenticationError,
  LlmBudgetError,
  LlmConfigError,
  LlmError,
  LlmRateLimitError,
  LlmRefusalError,
  LlmResponseError,
  LlmTimeoutError,
} from '../../src/llm/llm-errors.js';
import { LlmPlanError } from '../../src/write/llm/llm-writer-errors.js';

/** An error as it comes back from a worker thread or the queue: a plain Error with the name it had. */
function crossed(name: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error('crossed'), { name, ...fields });
}

describe('classifyError', () => {
  it.each([
    ['InputError', new InputError('empty', 'empty'), { kind: 'input', retryable: false }],
    ['UsageError', new UsageError('bad flag'), { kind: 'input', retryable: false }],
    ['LlmConfigError', new LlmConfigError('no provider'), { kind: 'setup', retryable: false }],
    [
      'LlmAuthenticationError',
      LlmAuthenticationError.missingKey('OPENAI_API_KEY', 'openai'),
      { kind: 'setup', retryable: false },
    ],
    ['LlmRateLimitError', new LlmRateLimitError('429'), { kind: 'provider', retryable: true }],
    ['LlmTimeoutError', new LlmTimeoutError('slow', { timeoutMs: 1 }), { kind: 'provider', retryable: true }],
    [
      'LlmResponseError 400',
      new LlmResponseError('400', { status: 400 }),
      { kind: 'provider', retryable: false },
    ],
    [
      'LlmRefusalError',
      new LlmRefusalError('no', { text: '', reason: 'content-filter' }),
      { kind: 'provider', retryable: false },
    ],
    [
      'LlmBudgetError',
      new LlmBudgetError('spent', { limit: 'calls', used: 2, max: 2 }),
      { kind: 'provider', retryable: false },
    ],
    ['LlmPlanError', new LlmPlanError('no plan'), { kind: 'provider', retryable: false }],
    ['a TypeError (a bug)', new TypeError('x is undefined'), { kind: 'internal', retryable: true }],
    ['a thrown string', 'boom', { kind: 'internal', retryable: true }],
    [
      'InputError back from the queue',
      crossed('InputError', { code: 'queued' }),
      { kind: 'input', retryable: false },
    ],
    [
      'LlmRateLimitError back from a thread',
      crossed('LlmRateLimitError', { retryable: true }),
      { kind: 'provider', retryable: true },
    ],
  ])('%s', (_label, error, expected) => {
    expect(classifyError(error)).toEqual(expected);
  });

  it('a bad plan is an LLM error, with a stable name and its own check', () => {
    const error = new LlmPlanError('no plan');
    expect(error).toBeInstanceOf(LlmError);
    expect(LlmError.isInstance(error)).toBe(true);
    expect(LlmPlanError.isInstance(error)).toBe(true);
    expect(LlmPlanError.isInstance(new LlmResponseError('x'))).toBe(false);
    expect(error.name).toBe('LlmPlanError');
  });
});
