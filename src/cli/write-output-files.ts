import { closeSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { toOutputError } from '../io/output-error.js';
import { resolveInside, writeFileAtomic } from '../io/write-file-atomic.js';
import { UsageError } from './usage-error.js';

/** A file to write (`content`), or one already written in the same folder to rename (`from`, a path). */
export type OutputFile = { name: string; content: string } | { name: string; from: string };

export interface WriteOutputFilesOptions {
  /** Replace files that Plume did not write (default: false). */
  force?: boolean;
  /**
   * Paths that must never be replaced, such as the input file. A set is taken as it is (its paths
   * already absolute): a batch builds it once for all its articles, not once per article.
   */
  protectedPaths?: readonly string[] | ReadonlySet<string>;
}

/** Marker every generated file carries (front matter `generator`, HTML meta, report field). */
const GENERATED_MARKER = /generator["']?(?:\s*[:=]\s*["']?|\s+content=["'])Plume/u;

/**
 * Writes the files atomically (temporary file, then rename): an interrupted
 * run leaves no half-written file. Refuses, before writing anything, to
 * replace the input or a file Plume did not generate, unless forced, and any
 * name that would land outside `directory` (forced or not). File-system
 * failures (disk full, read-only, name too long…) are `OutputError`s.
 */
export async function writeOutputFiles(
  directory: string,
  files: readonly OutputFile[],
  options: WriteOutputFilesOptions = {},
): Promise<string[]> {
  const targets = files.map((file) => ({ ...file, path: resolveInside(directory, file.name) }));
  await ensureDirectory(directory);
  const given = options.protectedPaths ?? [];
  const protectedPaths = given instanceof Set ? given : new Set([...given].map((path) => resolve(path)));
  for (const target of targets) {
    if (protectedPaths.has(resolve(target.path))) {
      throw new UsageError(
        `refus d’écraser le fichier d’entrée ${target.path} : choisissez un autre dossier de sortie avec -o.`,
      );
    }
  }
  // Checks and renames are synchronous: each takes microseconds, while a call through libuv's thread
  // pool cost a batch's main thread 0.1–0.2 ms (waking a pool thread), three files per article.
  if (!options.force) {
    // Every target is checked before any refusal, as when the checks ran side by side: one that cannot
    // be read fails the call even when another is foreign.
    const foreign = targets.map((target) => {
      try {
        return exists(target.path) && !isGenerated(target.path);
      } catch (error) {
        return { error };
      }
    });
    const failed = foreign.find((outcome) => typeof outcome === 'object');
    if (failed) throw failed.error;
    const index = foreign.indexOf(true);
    if (index !== -1) {
      throw new UsageError(
        `refus d’écraser ${targets[index]?.path}, que Plume n’a pas écrit : --force pour le remplacer.`,
      );
    }
  }
  const outcomes = await Promise.allSettled(
    targets.map((target) =>
      'from' in target ? renameNow(target.from, target.path) : writeFileAtomic(target.path, target.content),
    ),
  );
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.status === 'rejected') {
      const path = targets[index]?.path ?? directory;
      throw toOutputError(outcome.reason, path) ?? outcome.reason;
    }
  }
  return targets.map((target) => target.path);
}

async function ensureDirectory(directory: string): Promise<void> {
  const info = statOrNull(directory);
  if (info && !info.isDirectory()) throw new UsageError(`${directory} existe et n’est pas un dossier.`);
  if (!info) {
    await mkdir(directory, { recursive: true }).catch((error: unknown) => {
      throw toOutputError(error, directory) ?? error;
    });
  }
}

/** The path's status, or null when there is none (or it cannot be read), as `stat(…).catch(() => null)`. */
function statOrNull(path: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

function exists(path: string): boolean {
  return statOrNull(path) !== null;
}

function isGenerated(path: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const buffer = Buffer.alloc(4096);
    const bytesRead = readSync(descriptor, buffer, 0, buffer.length, 0);
    return GENERATED_MARKER.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    closeSync(descriptor);
  }
}

/** `renameSync` as a promise: its failure is one of the outcomes, as the asynchronous rename's was. */
function renameNow(from: string, to: string): Promise<void> {
  try {
    renameSync(from, to);
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error);
  }
}
