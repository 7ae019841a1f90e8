import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { SitePage } from '../plan/site-page.js';
import { ConfigError } from './config-error.js';
import { parseSitePages, sitePagesFormatOf } from './parse-site-pages.js';

export interface SitePagesSources {
  /** `--site-pages <fichier>`, relative to the working directory; wins over the configuration. */
  flag?: string | undefined;
  /** The configuration's `site.pages`: a file relative to the configuration file, or the list itself. */
  configured?: string | SitePage[] | undefined;
  /** The configuration file's folder. */
  configDirectory?: string | undefined;
  cwd: string;
}

/**
 * The site's pages an article may link to (edge: reads the file), or undefined when none are given.
 * Throws `ConfigError` (exit 2) naming the file and the line or entry at fault.
 */
export async function loadSitePages(sources: SitePagesSources): Promise<SitePage[] | undefined> {
  const { flag, configured, cwd } = sources;
  if (flag !== undefined) return readSitePagesFile(resolve(cwd, flag), flag);
  if (configured === undefined) return undefined;
  if (Array.isArray(configured)) return configured;
  const path = resolve(sources.configDirectory ?? cwd, configured);
  return readSitePagesFile(path, relative(cwd, path) || path);
}

/** Reads and parses one file of site pages; `label` is the file as messages show it. */
export async function readSitePagesFile(path: string, label: string): Promise<SitePage[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT'
        ? 'fichier des pages du site introuvable'
        : code === 'EISDIR'
          ? 'un fichier est attendu, pas un dossier'
          : `lecture impossible (${code ?? String(error)})`;
    throw new ConfigError([`${label} : ${problem}`]);
  }
  return parseSitePages(text, sitePagesFormatOf(path), label);
}
