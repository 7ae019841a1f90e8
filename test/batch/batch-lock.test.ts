import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchLockedError, LOCK_NAME, lockOutputDirectory } from '../../src/batch/batch-lock.js';

const root = mkdtempSync(join(tmpdir(), 'plume-batch-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The pid a kill -9 left in the lock: no process runs under it. */
const DEAD_PID = 999_999_999;

describe('lockOutputDirectory', () => {
  it('exactly one of many contenders takes over a stale lock, in every trial', async () => {
    const contenders = 8;
    // Contenders are distinct live "processes" (injected pids), racing on real files in one folder.
    const live = new Set(Array.from({ length: contenders }, (_, index) => 1000 + index));
    const isRunning = (pid: number) => live.has(pid);
    for (let trial = 0; trial < 20; trial += 1) {
      const directory = mkdtempSync(join(root, 'trial-'));
      writeFileSync(join(directory, LOCK_NAME), `${DEAD_PID}\n`);
      const results = await Promise.allSettled(
        [...live].map(async (pid, index) => {
          // Staggered starts explore other interleavings; any of them must leave one winner.
          for (let step = 0; step < (index * (trial + 1)) % 5; step += 1) await new Promise(setImmediate);
          return lockOutputDirectory(directory, { pid, isRunning });
        }),
      );
      const winners = results.filter((result) => result.status === 'fulfilled');
      const losers = results.filter((result) => result.status === 'rejected');
      expect(winners, `trial ${trial}`).toHaveLength(1);
      for (const loser of losers) expect(loser.reason).toBeInstanceOf(BatchLockedError);
      // The lock names the winner, and releasing it frees the folder.
      const owner = Number.parseInt(readFileSync(join(directory, LOCK_NAME), 'utf8'), 10);
      expect(live.has(owner)).toBe(true);
      await (winners[0] as PromiseFulfilledResult<() => Promise<void>>).value();
      const again = await lockOutputDirectory(directory, { pid: 1000, isRunning });
      await again();
    }
  });

  it('takes over a stale lock whose takeover was interrupted (guard left by a killed process)', async () => {
    const directory = mkdtempSync(join(root, 'guard-'));
    writeFileSync(join(directory, LOCK_NAME), `${DEAD_PID}\nabc123\n`);
    writeFileSync(join(directory, `${LOCK_NAME}.takeover-abc123`), `${DEAD_PID + 1}\ndef456\n`);
    const release = await lockOutputDirectory(directory, { pid: 1000, isRunning: (pid) => pid === 1000 });
    expect(readFileSync(join(directory, LOCK_NAME), 'utf8')).toMatch(/^1000\n[0-9a-f]{16}\n$/);
    await release();
    expect(readdirSync(directory)).toEqual([]);
  });

  it('refuses a folder whose lock belongs to a running process, and leaves that lock alone', async () => {
    const directory = mkdtempSync(join(root, 'live-'));
    const release = await lockOutputDirectory(directory, { pid: 1000, isRunning: () => true });
    const before = readFileSync(join(directory, LOCK_NAME), 'utf8');
    await expect(lockOutputDirectory(directory, { pid: 1001, isRunning: () => true })).rejects.toThrow(
      /un autre plume batch \(pid 1000\)/,
    );
    expect(readFileSync(join(directory, LOCK_NAME), 'utf8')).toBe(before);
    await release();
  });
});
