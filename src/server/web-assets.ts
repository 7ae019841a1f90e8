import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page `plume serve` shows: one HTML file, its script and its style sheet (no inline code: strict CSP). */
export interface WebAssets {
  html: string;
  css: string;
  js: string;
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
 * Reads `index.html`, `app.js` and `app.css` from `directory` (default: the package's `src/web/`),
 * once, at start-up. A missing file falls back to the placeholder page, whole, so the page never
 * mixes a new HTML with an old script.
 */
export async function loadWebAssets(directory?: string): Promise<LoadedWebAssets> {
  const root = findPackageRoot();
  const folder = directory ?? join(root ?? process.cwd(), 'src', 'web');
  try {
    const [html, js, css] = await Promise.all(
      ['index.html', 'app.js', 'app.css'].map((name) => readFile(join(folder, name), 'utf8')),
    );
    return { html: html ?? '', js: js ?? '', css: css ?? '', placeholder: false, directory: folder };
  } catch {
    return { ...PLACEHOLDER_ASSETS, placeholder: true, directory: folder };
  }
}
