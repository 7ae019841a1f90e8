import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/server/rate-limiter.js';

function clock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance(milliseconds: number) {
      time += milliseconds;
    },
  };
}

describe('createRateLimiter', () => {
  it('allows a burst of requestsPerMinute, then refuses with the wait in seconds', () => {
    const time = clock();
    const limiter = createRateLimiter({ requestsPerMinute: 60, now: time.now });
    for (let request = 0; request < 60; request++) expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refills at requestsPerMinute / 60 per second', () => {
    const time = clock();
    const limiter = createRateLimiter({ requestsPerMinute: 6, now: time.now });
    for (let request = 0; request < 6; request++) limiter.take('a');
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    time.advance(9_999);
    expect(limiter.take('a').allowed).toBe(false);
    time.advance(1);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    // A long pause refills up to the burst, not beyond.
    time.advance(3_600_000);
    for (let request = 0; request < 6; request++) expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('keeps one bucket per client', () => {
    const time = clock();
    const limiter = createRateLimiter({ requestsPerMinute: 1, now: time.now });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('honours a burst smaller than the rate', () => {
    const time = clock();
    const limiter = createRateLimiter({ requestsPerMinute: 120, burst: 2, now: time.now });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    time.advance(500);
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('bounds its memory: idle clients are forgotten first, then the oldest', () => {
    const time = clock();
    const limiter = createRateLimiter({ requestsPerMinute: 60, maxClients: 100, now: time.now });
    for (let client = 0; client < 100; client++) limiter.take(`idle-${client}`);
    time.advance(60_000);
    limiter.take('busy');
    expect(limiter.size).toBe(1);
    for (let client = 0; client < 500; client++) limiter.take(`client-${client}`);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});
