import { mkdir, open, rename, stat } from 'node:fs/promises';
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
  // The files are checked, then written, side by side: a batch commits one article at a time, and
  // each file-system call is a round trip to libuv's thread pool.
  if (!options.force) {
    const foreign = await Promise.all(
      targets.map(async (target) => (await exists(target.path)) && !(await isGenerated(target.path))),
    );
    const index = foreign.indexOf(true);
    if (index !== -1) {
      throw new UsageError(
        `refus d’écraser ${targets[index]?.path}, que Plume n’a pas écrit : --force pour le remplacer.`,
      );
    }
  }
  const outcomes = await Promise.allSettled(
    targets.map((target) =>
      'from' in target ? rename(target.from, target.path) : writeFileAtomic(target.path, target.content),
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
  const info = await stat(directory).catch(() => null);
  if (info && !info.isDirectory()) throw new UsageError(`${directory} existe et n’est pas un dossier.`);
  if (!info) {
    await mkdir(directory, { recursive: true }).catch((error: unknown) => {
      throw toOutputError(error, directory) ?? error;
    });
  }
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

async function isGenerated(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return GENERATED_MARKER.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}
