import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Plume's version, shown by `plume --version` and `GET /api/health`: read from package.json, the one
 * place it is written. The nearest `plume` package.json above this module is found from src/ (tests),
 * dist/ (the library) and dist/bin/ (the bundled CLI) alike.
 */
export const VERSION: string = readOwnVersion(dirname(fileURLToPath(import.meta.url)));

function readOwnVersion(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'plume' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No package.json here (or not ours): look one folder up.
    }
    if (dirname(folder) === folder) return '0.0.0';
  }
}
