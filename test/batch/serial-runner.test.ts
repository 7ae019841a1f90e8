import { describe, expect, it } from 'vitest';
import { createSerialRunner } from '../../src/batch/serial-runner.js';

const tick = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('createSerialRunner', () => {
  it('starts each function once the one before it has finished, in the order given', async () => {
    const inOrder = createSerialRunner();
    const events: string[] = [];
    // The first waits longest: run at once, they would finish in the reverse order.
    const job = (name: string, milliseconds: number) =>
      inOrder(async () => {
        events.push(`${name} starts`);
        await tick(milliseconds);
        events.push(`${name} ends`);
        return name;
      });
    const results = await Promise.all([job('a', 30), job('b', 10), job('c', 0)]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
  });

  it('rejects only the failing function, and runs the next', async () => {
    const inOrder = createSerialRunner();
    const failing = inOrder(async () => {
      await tick(5);
      throw new Error('raté');
    });
    const next = inOrder(async () => 'suivant');
    await expect(failing).rejects.toThrow('raté');
    await expect(next).resolves.toBe('suivant');
  });
});
