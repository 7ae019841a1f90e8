/**
 * A seeded generator for the tests that compare a scan with the pattern it replaced on random inputs:
 * the same cases on every run (a failure names its input and comes back), spread over every range (the
 * high bits of a linear congruential generator; its low bits repeat with a short period).
 */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, limit). */
  below(limit: number): number;
  pick<T>(choices: readonly T[]): T;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const below = (limit: number) => Math.floor(next() * limit);
  return { next, below, pick: (choices) => choices[below(choices.length)] as (typeof choices)[number] };
}
