import { describe, expect, it } from 'vitest';
import {
  LlmAuthenticationError,
  LlmBudgetError,
  LlmConfigError,
  LlmConnectionError,
  LlmError,
  LlmRateLimitError,
  LlmRefusalError,
  LlmResponseError,
  LlmTimeoutError,
  LlmTruncatedError,
  redactSecrets,
  shortenForMessage,
} from '../../src/llm/llm-errors.js';

const KEY = 'sk-test-SECRET123';

describe('redactSecrets', () => {
  it.each([
    ['a given secret anywhere', `bad key ${KEY}!`, [KEY], 'bad key [redacted]!'],
    [
      'a secret that is not key-shaped',
      'token abcd-efgh-1234 refused',
      ['abcd-efgh-1234'],
      'token [redacted] refused',
    ],
    [
      'an OpenAI-style key it was not told about',
      'Incorrect API key provided: sk-proj-abcdef123456.',
      [],
      'Incorrect API key provided: [redacted].',
    ],
    [
      'a masked key',
      'Incorrect API key provided: sk-test-*********T123.',
      [],
      'Incorrect API key provided: [redacted].',
    ],
    ['a bearer header', 'sent Authorization: Bearer abc.def.ghi', [], 'sent Authorization: [redacted]'],
    ['an x-api-key value', '{"x-api-key": "zzzzzzzz"}', [], '{"x-api-key": "[redacted]"}'],
    ['an api_key query parameter', 'GET /v1?api_key=qwerty123&x=1', [], 'GET /v1?api_key=[redacted]&x=1'],
  ])('removes %s', (_label, text, secrets, expected) => {
    expect(redactSecrets(text, secrets)).toBe(expected);
  });

  it('leaves ordinary text alone and ignores empty or tiny secrets', () => {
    const text = 'Le modèle a répondu : « 4 % des talents ».';
    expect(redactSecrets(text, ['', undefined, 'a', '  '])).toBe(text);
  });
});

describe('error classes', () => {
  const cases: [string, LlmError, (error: unknown) => boolean, boolean][] = [
    [
      'LlmAuthenticationError',
      LlmAuthenticationError.missingKey('OPENAI_API_KEY', 'openai'),
      LlmAuthenticationError.isInstance,
      false,
    ],
    ['LlmRateLimitError', new LlmRateLimitError('slow down'), LlmRateLimitError.isInstance, true],
    ['LlmTimeoutError', new LlmTimeoutError('late', { timeoutMs: 5 }), LlmTimeoutError.isInstance, true],
    ['LlmConnectionError', new LlmConnectionError('down'), LlmConnectionError.isInstance, true],
    ['LlmTruncatedError', new LlmTruncatedError('cut', { text: 'x' }), LlmTruncatedError.isInstance, false],
    [
      'LlmRefusalError',
      new LlmRefusalError('no', { text: 'no', reason: 'refusal-text' }),
      LlmRefusalError.isInstance,
      false,
    ],
    ['LlmResponseError', new LlmResponseError('bad', { status: 400 }), LlmResponseError.isInstance, false],
    [
      'LlmBudgetError',
      new LlmBudgetError('spent', { limit: 'calls', used: 1, max: 1 }),
      LlmBudgetError.isInstance,
      false,
    ],
    ['LlmConfigError', new LlmConfigError('wrong'), LlmConfigError.isInstance, false],
  ];

  it.each(cases)('%s has a stable name, a guard and a retry flag', (name, error, isInstance, retryable) => {
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(Error);
    expect(isInstance(error)).toBe(true);
    expect(LlmError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(retryable);
    // Each guard accepts only its own class.
    const others = cases.filter(([other]) => other !== name).map(([, instance]) => instance);
    for (const other of others) expect(isInstance(other)).toBe(false);
  });

  it('recognises an error by name across module copies', () => {
    const lookalike = Object.assign(new Error('late'), { name: 'LlmTimeoutError', retryable: true });
    expect(LlmTimeoutError.isInstance(lookalike)).toBe(true);
    expect(LlmTimeoutError.isInstance({ name: 'LlmTimeoutError' })).toBe(false);
  });

  it('a dropped connection is a retryable truncation, a length cut is not', () => {
    expect(new LlmTruncatedError('cut', { text: '', reason: 'stream-cut' }).retryable).toBe(true);
    expect(new LlmTruncatedError('cut', { text: '', reason: 'length' }).retryable).toBe(false);
  });

  it('names the variable, never the key', () => {
    expect(LlmAuthenticationError.missingKey('ANTHROPIC_API_KEY', 'anthropic').message).toMatch(
      /^ANTHROPIC_API_KEY n’est pas définie/,
    );
    expect(LlmAuthenticationError.rejectedKey('OPENAI_API_KEY', 401).message).toBe(
      'la clé de OPENAI_API_KEY a été refusée (401)',
    );
  });

  it('shortens long provider text to one line', () => {
    expect(shortenForMessage('a\n\nb   c')).toBe('a b c');
    expect(shortenForMessage('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
