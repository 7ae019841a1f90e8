import { readdir, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Extensions a batch picks up; anything else found in a folder or by a pattern is ignored. */
export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm'];

/** Folders never walked into: tools' and version control's, plus anything hidden. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface CollectInputsOptions {
  /** Where relative arguments are resolved (default `process.cwd()`). */
  cwd?: string;
  /** Folders whose content is never an input: the batch's output folder (absolute or relative to `cwd`). */
  exclude?: readonly string[];
}

export interface CollectedInputs {
  /** Absolute paths of the articles, sorted, each once. */
  files: string[];
  /** Arguments that are neither a file, a folder nor a pattern matching anything (absolute paths). */
  missing: string[];
  /** Files found but skipped for their extension. */
  ignored: number;
}

/**
 * Expands the batch's arguments: a folder (walked recursively, hidden entries
 * skipped), a file, or a glob pattern (tinyglobby: `*`, `**`, `?`, `[abc]`,
 * `{md,txt}`, `\*` for a literal star). An argument starting with `!` removes
 * the files it matches from the rest. Only .txt, .md and .html files (and
 * their variants) are kept.
 */
export async function collectInputs(
  inputs: readonly string[],
  options: CollectInputsOptions = {},
): Promise<CollectedInputs> {
  const cwd = options.cwd ?? process.cwd();
  const excluded = (options.exclude ?? []).map((folder) => resolve(cwd, folder));
  const files = new Set<string>();
  const missing: string[] = [];
  let ignored = 0;
  const consider = (path: string) => {
    if (isArticleFile(path)) files.add(path);
    else ignored += 1;
  };
  const negations = inputs.filter((input) => input.startsWith('!')).map((input) => input.slice(1));
  for (const input of inputs.filter((input) => !input.startsWith('!'))) {
    const path = resolve(cwd, input);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      for (const file of await walk(path, excluded)) consider(file);
    } else if (info) {
      consider(path);
    } else if (isGlobPattern(input)) {
      const matches = await expandPattern(input, cwd, excluded);
      if (matches.length === 0) missing.push(path);
      for (const file of matches) consider(file);
    } else {
      missing.push(path);
    }
  }
  const removed = new Set(negations.length > 0 ? await expandPattern(negations, cwd, []) : []);
  return { files: [...files].filter((file) => !removed.has(file)).sort(), missing, ignored };
}

export function isArticleFile(path: string): boolean {
  return ARTICLE_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** A pattern, or a name with an escaped special character (`\[`), which the pattern reader unescapes. */
export function isGlobPattern(text: string): boolean {
  return isDynamicPattern(text) || /\\[*?[\]{}()!]/.test(text);
}

async function walk(folder: string, excluded: readonly string[]): Promise<string[]> {
  if (excluded.some((path) => isInside(folder, path))) return [];
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path, excluded)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function isInside(path: string, folder: string): boolean {
  const between = relative(folder, path);
  return between === '' || (!between.startsWith('..') && !isAbsolute(between));
}

/** Files matching glob patterns, hidden entries, node_modules and the excluded folders left out. */
async function expandPattern(
  patterns: string | readonly string[],
  cwd: string,
  excluded: readonly string[],
): Promise<string[]> {
  const matches = await glob(patterns, { cwd, absolute: true, onlyFiles: true, expandDirectories: false });
  return matches
    .map((match) => resolve(match))
    .filter(
      (file) =>
        !file.split(sep).some((part) => SKIPPED_FOLDERS.has(part)) &&
        !excluded.some((folder) => isInside(file, folder)),
    );
}
