import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  arialBoldAdvances,
  arialRegularAdvances,
  arialUnitsPerEm,
} from '../lang/pixel-width/arial-advance-widths.js';

/**
 * The page `plume serve` shows: one HTML file, its script, its style sheet (no inline code: strict CSP)
 * and the ES modules the script imports, served at `/modules/<name>`.
 */
export interface WebAssets {
  html: string;
  css: string;
  js: string;
  /** Module sources by file name (default: none). */
  modules?: Readonly<Record<string, string>>;
}

export interface LoadedWebAssets extends WebAssets {
  /** True when `src/web/` was missing or incomplete and the placeholder page stands in. */
  placeholder: boolean;
  /** The folder read (or looked for). */
  directory: string;
}

const PACKAGE_NAME = 'plume';

/** Shown when the page files are not there: says where the API is, needs no script. */
export const PLACEHOLDER_ASSETS: WebAssets = {
  html: `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Plume</title>
<link rel="stylesheet" href="/app.css">
</head>
<body>
<main>
<h1>Plume</h1>
<p>La page web de Plume n’est pas installée. L’API répond sur <code>/api/health</code>,
<code>/api/optimize</code> et <code>/api/audit</code> ; sa description OpenAPI est sur
<code>/api/openapi.json</code>.</p>
</main>
<script src="/app.js"></script>
</body>
</html>
`,
  css: 'body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }\n',
  js: '// The Plume page is not installed.\n',
};

/**
 * The package root: the first folder up from `fromUrl` whose package.json is named "plume". Works
 * from `src/server/` (tests, tsx), `dist/server/` (library) and `dist/bin/` (the esbuild bundle).
 */
export function findPackageRoot(fromUrl: string | URL = import.meta.url): string | undefined {
  let directory = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === PACKAGE_NAME) return directory;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

function readPackageName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

/**
 * Reads `index.html`, `app.js`, `app.css` and the modules of `modules/` (if any) from `directory`
 * (default: the package's `src/web/`), once, at start-up, and adds the generated Arial widths module. A missing file
 * falls back to the placeholder page, whole, so the page never mixes a new HTML with an old script.
 */
export async function loadWebAssets(directory?: string): Promise<LoadedWebAssets> {
  const root = findPackageRoot();
  const folder = directory ?? join(root ?? process.cwd(), 'src', 'web');
  try {
    const [html, js, css] = await Promise.all(
      ['index.html', 'app.js', 'app.css'].map((name) => readFile(join(folder, name), 'utf8')),
    );
    const moduleFolder = join(folder, 'modules');
    const names = (await readModuleNames(moduleFolder)).filter(isWebModuleName).sort();
    const sources = await Promise.all(names.map((name) => readFile(join(moduleFolder, name), 'utf8')));
    const modules: Record<string, string> = Object.fromEntries(
      names.map((name, index) => [name, sources[index] ?? '']),
    );
    modules[ARIAL_WIDTHS_MODULE] = arialAdvanceWidthsModule();
    return { html: html ?? '', js: js ?? '', css: css ?? '', modules, placeholder: false, directory: folder };
  } catch {
    return { ...PLACEHOLDER_ASSETS, placeholder: true, directory: folder };
  }
}

/** The file names of the `modules` folder; none when the page has no such folder (a one-file script). */
async function readModuleNames(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The module the server writes from the audit's own table, so the page measures as the audit does. */
export const ARIAL_WIDTHS_MODULE = 'arial-advance-widths.js';

/**
 * A module name the server may answer for: lower-case kebab-case ending in `.js`. No dot, slash or
 * backslash before the extension, so no name can leave the `modules` folder or reach a hidden file.
 */
const WEB_MODULE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.js$/;

export function isWebModuleName(name: string): boolean {
  return WEB_MODULE_NAME.test(name);
}

/** The source of module `name`, or undefined when the name is not a module name or not loaded. */
export function findWebModule(assets: WebAssets, name: string): string | undefined {
  if (!isWebModuleName(name) || assets.modules === undefined) return undefined;
  return Object.hasOwn(assets.modules, name) ? assets.modules[name] : undefined;
}

/** `src/lang/pixel-width/arial-advance-widths.ts` as a browser module (same tables, generated at start-up). */
export function arialAdvanceWidthsModule(): string {
  return [
    "// Generated by plume serve from src/lang/pixel-width/arial-advance-widths.ts: the audit's Arial widths.",
    `export const arialUnitsPerEm = ${JSON.stringify(arialUnitsPerEm)};`,
    `export const arialRegularAdvances = ${JSON.stringify(arialRegularAdvances)};`,
    `export const arialBoldAdvances = ${JSON.stringify(arialBoldAdvances)};`,
    '',
  ].join('\n');
}
