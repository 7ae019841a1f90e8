import * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { readBearerToken, tokensMatch } from '../../src/server/bearer-token.js';
import { createApp } from '../../src/server/create-app.js';

// Spy on the real timingSafeEqual, to prove every token check goes through it.
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const TOKEN = 'a-long-enough-test-token-42';

/** Calls made to the spy since `start` (mockClear would also drop the real implementation). */
function callsSince(start: number) {
  return vi.mocked(crypto.timingSafeEqual).mock.calls.slice(start);
}

const callCount = () => vi.mocked(crypto.timingSafeEqual).mock.calls.length;

describe('tokensMatch', () => {
  it.each([
    [TOKEN, true],
    [`${TOKEN}!`, false],
    ['a', false],
    ['', false],
    [TOKEN.toUpperCase(), false],
  ])('%j matches: %s', (presented, expected) => {
    expect(tokensMatch(presented, TOKEN)).toBe(expected);
  });

  it('compares equal-length SHA-256 digests with crypto.timingSafeEqual, whatever the lengths', () => {
    const start = callCount();
    tokensMatch('short', TOKEN);
    tokensMatch(TOKEN.repeat(10), TOKEN);
    const calls = callsSince(start);
    expect(calls).toHaveLength(2);
    for (const [left, right] of calls) {
      expect((left as Buffer).byteLength).toBe(32);
      expect((right as Buffer).byteLength).toBe(32);
    }
  });

  it('is what the API uses for every request', async () => {
    const app = createApp({ token: TOKEN, logError: () => {} });
    const start = callCount();
    expect((await app.request('/api/health', { headers: { authorization: 'Bearer nope' } })).status).toBe(
      401,
    );
    expect((await app.request('/api/health', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(
      200,
    );
    expect(callsSince(start)).toHaveLength(2);
  });
});

describe('readBearerToken', () => {
  it.each([
    [`Bearer ${TOKEN}`, TOKEN],
    [`bearer  ${TOKEN} `, TOKEN],
    [TOKEN, undefined],
    [`Basic ${TOKEN}`, undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    [undefined, undefined],
  ])('%j -> %j', (header, token) => {
    expect(readBearerToken(header)).toBe(token);
  });
});
