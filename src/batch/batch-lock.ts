import { randomBytes } from 'node:crypto';
import { link, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMPORARY_FILE } from '../io/write-file-atomic.js';

export const LOCK_NAME = '.plume-batch.lock';

/** Rounds of « someone else is taking over the stale lock, look again » before giving up. */
const MAX_ROUNDS = 200;
/** Pause between two rounds while another process takes over (it needs a few file operations). */
const ROUND_PAUSE_MS = 10;
/** Nested stale guards followed (a process killed while taking over a lock, then another…). */
const MAX_GUARD_DEPTH = 3;

/** Another live process holds the output folder. */
export class BatchLockedError extends Error {
  override readonly name = 'BatchLockedError';
}

/** Who takes the lock; tests inject distinct identities to race contenders in one process. */
export interface LockIdentity {
  /** Written in the lock (default `process.pid`). */
  pid?: number;
  /** Whether the process with this pid still runs (default: `kill(pid, 0)`). */
  isRunning?: (pid: number) => boolean;
}

interface LockContent {
  pid: number;
  /** Unique to this lock file: names the guard of its takeover. */
  token: string;
}

type Outcome = 'taken' | 'retry';

/**
 * Takes the output folder for this process (a lock file with our pid), so two
 * batches never interleave their manifest writes. A lock left by a process
 * that no longer runs (kill -9) is taken over. Returns the release function.
 *
 * Atomic at each step: the lock appears whole (`link` of a written file, which
 * fails when the lock exists), and only the one contender that creates the
 * stale lock's guard (`<lock>.takeover-<token>`, exclusive) may delete that
 * lock, after checking it is still the same one. Contenders that saw the same
 * stale lock then race on creating the lock again: exactly one wins.
 */
export async function lockOutputDirectory(
  directory: string,
  identity: LockIdentity = {},
): Promise<() => Promise<void>> {
  const pid = identity.pid ?? process.pid;
  const isRunning = identity.isRunning ?? isProcessRunning;
  const path = join(directory, LOCK_NAME);
  const isAlive = (owner: LockContent) => owner.pid !== pid && isRunning(owner.pid);
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const mine = { pid, token: newToken() };
    if ((await createExclusive(path, mine)) === 'taken') {
      return async () => {
        // Only our own lock: never delete one a later batch took over.
        if ((await readLock(path))?.token === mine.token) await unlink(path).catch(() => undefined);
      };
    }
    const owner = await readLock(path);
    if (owner === undefined) continue; // released meanwhile
    if (isAlive(owner)) {
      throw new BatchLockedError(
        `un autre plume batch (pid ${owner.pid}) écrit dans ${directory} : attendez-le ou arrêtez-le.`,
      );
    }
    if ((await removeStale(path, owner, pid, isAlive, 0)) === 'retry') await pause(ROUND_PAUSE_MS);
  }
  throw new BatchLockedError(`verrouillage impossible de ${directory} : ${LOCK_NAME} réapparaît sans cesse.`);
}

/**
 * Deletes the stale file at `path` if it still holds `stale`, under its guard.
 * 'taken' when this call deleted it (or saw it gone), 'retry' when another
 * contender holds the guard.
 */
async function removeStale(
  path: string,
  stale: LockContent,
  pid: number,
  isAlive: (owner: LockContent) => boolean,
  depth: number,
): Promise<Outcome> {
  const guard = `${path}.takeover-${stale.token}`;
  const guardContent = { pid, token: newToken() };
  if ((await createExclusive(guard, guardContent)) === 'retry') {
    const holder = await readLock(guard);
    // A holder killed mid-takeover leaves its guard: break that guard the same way, a level up.
    if (holder && !isAlive(holder) && depth < MAX_GUARD_DEPTH) {
      await removeStale(guard, holder, pid, isAlive, depth + 1);
    }
    return 'retry';
  }
  try {
    if ((await readLock(path))?.token === stale.token) await unlink(path).catch(ignoreMissing);
    return 'taken';
  } finally {
    await unlink(guard).catch(ignoreMissing);
  }
}

/** Writes `content` to a file of our own, then links it to `path`: the file appears whole, or not at all. */
async function createExclusive(path: string, content: LockContent): Promise<Outcome> {
  const draft = `${path}.${content.token}.draft`;
  await writeFile(draft, `${content.pid}\n${content.token}\n`, { flag: 'wx' });
  try {
    await link(draft, path);
    return 'taken';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return 'retry';
  } finally {
    await unlink(draft).catch(ignoreMissing);
  }
}

/** The lock's pid and token; a lock from an older Plume (pid only) gets its pid as token. */
async function readLock(path: string): Promise<LockContent | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const [pidLine = '', token] = text.split('\n');
  const pid = Number.parseInt(pidLine, 10);
  return { pid: Number.isInteger(pid) ? pid : 0, token: token || `pid-${pidLine.trim() || 'none'}` };
}

/**
 * Removes temporary files a killed run, or a worker thread stopped mid-article, left behind; safe once the
 * folder is locked. `keep` names one the caller still uses.
 */
export async function removeStaleTemporaryFiles(
  directory: string,
  options: { keep?: string } = {},
): Promise<number> {
  const names = await readdir(directory).catch(() => [] as string[]);
  const stale = names.filter((name) => TEMPORARY_FILE.test(name) && name !== options.keep);
  await Promise.all(stale.map((name) => unlink(join(directory, name)).catch(() => undefined)));
  return stale.length;
}

function newToken(): string {
  return randomBytes(8).toString('hex');
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function isProcessRunning(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
