import { readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMPORARY_FILE } from '../io/write-file-atomic.js';

export const LOCK_NAME = '.plume-batch.lock';

/** Another live process holds the output folder. */
export class BatchLockedError extends Error {
  override readonly name = 'BatchLockedError';
}

/**
 * Takes the output folder for this process (a lock file with our pid), so two
 * batches never interleave their manifest writes. A lock left by a process
 * that no longer runs (kill -9) is taken over. Returns the release function.
 */
export async function lockOutputDirectory(directory: string): Promise<() => Promise<void>> {
  const path = join(directory, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
      return () => unlink(path).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
        throw new BatchLockedError(
          `another plume batch (pid ${owner}) is writing to ${directory}; wait for it or stop it.`,
        );
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new BatchLockedError(`cannot lock ${directory}: ${LOCK_NAME} keeps coming back.`);
}

/** Removes temporary files a killed run left behind; safe once the folder is locked. */
export async function removeStaleTemporaryFiles(directory: string): Promise<number> {
  const names = await readdir(directory).catch(() => [] as string[]);
  const stale = names.filter((name) => TEMPORARY_FILE.test(name));
  await Promise.all(stale.map((name) => unlink(join(directory, name)).catch(() => undefined)));
  return stale.length;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
