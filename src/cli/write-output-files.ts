import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

export interface OutputFile {
  name: string;
  content: string;
}

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
 * replace the input or a file Plume did not generate, unless forced.
 */
export async function writeOutputFiles(
  directory: string,
  files: readonly OutputFile[],
  options: WriteOutputFilesOptions = {},
): Promise<string[]> {
  await ensureDirectory(directory);
  const protectedPaths = new Set((options.protectedPaths ?? []).map((path) => resolve(path)));
  const targets = files.map((file) => ({ ...file, path: join(directory, file.name) }));
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
    const temporary = `${target.path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, target.content, { encoding: 'utf8', flag: 'wx' });
      await rename(temporary, target.path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    written.push(target.path);
  }
  return written;
}

async function ensureDirectory(directory: string): Promise<void> {
  const info = await stat(directory).catch(() => null);
  if (info && !info.isDirectory()) throw new UsageError(`${directory} exists and is not a directory.`);
  if (!info) await mkdir(directory, { recursive: true });
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
