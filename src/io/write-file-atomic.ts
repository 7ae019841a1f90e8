import { rename, unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { OutputError, quotePath } from './output-error.js';

/** Temporary files of `writeFileAtomic`: `<name>.<12 hex digits>.tmp` (a killed run's leftovers match it). */
export const TEMPORARY_FILE = /\.[0-9a-f]{12}\.tmp$/;

/**
 * Writes a file through a temporary file in the same folder, then renames it
 * over the target: readers (and a run killed half-way) see the old content or
 * the new one, never a part of it. The one copy of this pattern: CLI outputs,
 * batch files and manifest, LLM response cache.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = `${path}.${temporarySuffix()}.tmp`;
  try {
    await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * Twelve random hex digits. Not from `node:crypto`: loading it cost 5 to 9 ms of each `plume optimize`
 * start, and the name needs no secrecy: the file is created with `wx` (exclusive, never through a link
 * someone put there), so a name already taken fails the write instead of touching that file.
 */
function temporarySuffix(): string {
  const high = Math.floor(Math.random() * 0x1000000);
  const low = Math.floor(Math.random() * 0x1000000);
  return high.toString(16).padStart(6, '0') + low.toString(16).padStart(6, '0');
}

/**
 * The absolute path of `name` in `directory`, or an `OutputError` when it
 * would resolve anywhere else: `../x`, `/etc/x`, `sub/x`, `.`, an empty name or
 * one with a NUL. Output names are single file names; this is the last check
 * before any write, rename or delete, whatever validated the name before.
 */
export function resolveInside(directory: string, name: string): string {
  const root = resolve(directory);
  const target = resolve(root, name);
  const path = relative(root, target);
  const contained =
    name.length > 0 &&
    !name.includes('\0') &&
    !isAbsolute(name) &&
    path.length > 0 &&
    !path.startsWith('..') &&
    !isAbsolute(path) &&
    !path.includes(sep) &&
    !name.includes('/') &&
    !name.includes('\\');
  if (!contained) {
    throw new OutputError(
      'outside',
      `nom de fichier de sortie refusé : « ${quotePath(name)} » sortirait du dossier ${quotePath(root)}.`,
    );
  }
  return target;
}
