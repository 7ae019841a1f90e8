import { readdir, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

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
 * skipped), a file, or a glob pattern (`*`, `**`, `?`, `[abc]`, `{md,txt}`).
 * Only .txt, .md and .html files (and their variants) are kept.
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
  for (const input of inputs) {
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
  return { files: [...files].sort(), missing, ignored };
}

export function isArticleFile(path: string): boolean {
  return ARTICLE_EXTENSIONS.includes(extname(path).toLowerCase());
}

export function isGlobPattern(text: string): boolean {
  return /[*?[\]{}]/.test(text);
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

/** Files matching a glob pattern: walks from the pattern's fixed leading folders only. */
async function expandPattern(pattern: string, cwd: string, excluded: readonly string[]): Promise<string[]> {
  const normalized = pattern.split(sep).join('/');
  const segments = normalized.split('/');
  const fixed: string[] = [];
  while (segments.length > 1 && !isGlobPattern(segments[0] ?? '')) fixed.push(segments.shift() ?? '');
  const base = resolve(cwd, fixed.join('/') || '.');
  const matcher = globToRegExp(segments.join('/'));
  const candidates = await walk(base, excluded);
  return candidates.filter((file) => matcher.test(relative(base, file).split(sep).join('/')));
}

/** A regular expression for a glob on `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let index = 0; index < glob.length; index += 1) {
    const character = glob[index] ?? '';
    if (character === '*') {
      if (glob[index + 1] === '*') {
        // `**/` matches zero or more folders; a final `**` matches everything below.
        const slash = glob[index + 2] === '/';
        source += slash ? '(?:[^/]+/)*' : '.*';
        index += slash ? 2 : 1;
      } else source += '[^/]*';
    } else if (character === '?') source += '[^/]';
    else if (character === '[') {
      const end = glob.indexOf(']', index + 1);
      if (end === -1) source += '\\[';
      else {
        const body = glob.slice(index + 1, end).replace(/^!/, '^');
        source += `[${body.replace(/\\/g, '\\\\')}]`;
        index = end;
      }
    } else if (character === '{') {
      braces += 1;
      source += '(?:';
    } else if (character === '}' && braces > 0) {
      braces -= 1;
      source += ')';
    } else if (character === ',' && braces > 0) source += '|';
    else source += character.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
