/**
 * Finds Plume's configuration file (edge: reads files). Searched from the
 * working directory up to the file system's root (or the home folder, when
 * the working directory is inside it), the first found wins, in each folder in
 * this order: plume.config.json, .plumerc.json, .plumerc, .plumerc.yaml,
 * .plumerc.yml, plume.config.yaml, plume.config.yml, then package.json's
 * `plume` key. `--config file` reads that file instead, and it must exist.
 */

import { readFile } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import { lilconfig } from 'lilconfig';
import { ConfigError } from './config-error.js';

export const CONFIG_SEARCH_PLACES = [
  'plume.config.json',
  '.plumerc.json',
  '.plumerc',
  '.plumerc.yaml',
  '.plumerc.yml',
  'plume.config.yaml',
  'plume.config.yml',
  'package.json',
] as const;

export interface ConfigFile {
  /** Absolute path. */
  path: string;
  /** The path as messages show it: relative to the working directory (`../../plume.config.yaml`). */
  label: string;
  /** `plume` for package.json (messages say `package.json#plume.site.url`), empty otherwise. */
  prefix: string;
  /** The parsed content, not yet validated (each section is checked by its reader). */
  content: unknown;
}

/**
 * The YAML parser (yaml, in its own module) is loaded only for a YAML file: most folders have JSON or
 * no configuration at all.
 */
async function parseYaml(label: string, text: string): Promise<unknown> {
  return (await import('./parse-yaml-config.js')).parseYamlConfig(label, text);
}

function parseJson(label: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`${label} : JSON illisible (${firstLine(error)})`]);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** `.plumerc` (no extension) may be JSON or YAML: YAML reads both. */
async function parseByName(path: string, label: string, text: string): Promise<unknown> {
  const extension = extname(path);
  if (extension === '.json') return parseJson(label, text);
  return parseYaml(label, text);
}

/**
 * The configuration that applies in `cwd`, or undefined when there is none.
 * Throws `ConfigError` (naming the file) when it cannot be read or parsed.
 */
export async function findConfigFile(cwd: string, configPath?: string): Promise<ConfigFile | undefined> {
  const labelOf = (path: string) => relative(cwd, path) || path;
  if (configPath !== undefined) {
    const path = resolve(cwd, configPath);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const problem =
        code === 'ENOENT' ? 'fichier introuvable' : `lecture impossible (${code ?? firstLine(error)})`;
      throw new ConfigError([`${configPath} : ${problem}`]);
    }
    return { path, label: configPath, prefix: '', content: await parseByName(path, configPath, text) };
  }
  const searcher = lilconfig('plume', {
    searchPlaces: [...CONFIG_SEARCH_PLACES],
    packageProp: 'plume',
    cache: false,
    // Our own loaders: errors that name the file in French, YAML loaded only when needed.
    loaders: {
      '.json': (path, text) => parseJson(labelOf(path), text),
      '.yaml': (path, text) => parseYaml(labelOf(path), text),
      '.yml': (path, text) => parseYaml(labelOf(path), text),
      noExt: (path, text) => parseYaml(labelOf(path), text),
    },
  });
  let result: Awaited<ReturnType<typeof searcher.search>>;
  try {
    result = await searcher.search(cwd);
  } catch (error) {
    if (ConfigError.isInstance(error)) throw error;
    throw new ConfigError([`configuration : lecture impossible (${firstLine(error)})`]);
  }
  if (!result) return undefined;
  const isPackage = result.filepath.endsWith('package.json');
  return {
    path: result.filepath,
    label: labelOf(result.filepath),
    prefix: isPackage ? 'plume' : '',
    content: result.config ?? {},
  };
}

/** « plume.config.yaml : site.url » or « package.json#plume.site.url »: where a field is, for messages. */
export function fieldLocation(file: Pick<ConfigFile, 'label' | 'prefix'>, field: string): string {
  if (file.prefix) return `${file.label}#${file.prefix}${field ? `.${field}` : ''}`;
  return field ? `${file.label} : ${field}` : file.label;
}
