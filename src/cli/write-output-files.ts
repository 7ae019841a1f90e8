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
  /** Paths that must never be replaced, such as the input file. */
  protectedPaths?: readonly string[];
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
  const protectedPaths = new Set((options.protectedPaths ?? []).map((path) => resolve(path)));
  for (const target of targets) {
    if (protectedPaths.has(resolve(target.path))) {
      throw new UsageError(
        `refusing to overwrite the input file ${target.path}; choose another output directory with -o.`,
      );
    }
    if (!options.force && (await exists(target.path)) && !(await isGenerated(target.path))) {
      throw new UsageError(
        `refusing to overwrite ${target.path}, which Plume did not write; use --force to replace it.`,
      );
    }
  }
  const written: string[] = [];
  for (const target of targets) {
    try {
      if ('from' in target) await rename(target.from, target.path);
      else await writeFileAtomic(target.path, target.content);
    } catch (error) {
      throw toOutputError(error, target.path) ?? error;
    }
    written.push(target.path);
  }
  return written;
}

async function ensureDirectory(directory: string): Promise<void> {
  const info = await stat(directory).catch(() => null);
  if (info && !info.isDirectory()) throw new UsageError(`${directory} exists and is not a directory.`);
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
