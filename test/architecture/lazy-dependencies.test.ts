import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Heavy dependencies are loaded with `import()` only when the input needs them, so that `plume audit
 * article.txt` does not pay for the HTML parser, the Markdown parser or YAML. This follows the static
 * imports (`import … from`, `export … from`; type-only imports are erased) from an entry point and
 * lists every package it reaches.
 */
const SOURCE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../src');

const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:([^'";]*?)\s+from\s+)?['"]([^'"]+)['"]/gmu;

function staticImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(STATIC_IMPORT)) {
    const [, clause = '', specifier = ''] = match;
    // `import { type A, type B } from` is erased like `import type`.
    const names = /^\{([^}]*)\}$/u.exec(clause.trim())?.[1];
    if (names?.split(',').every((name) => /^\s*(?:type\s|$)/u.test(name))) continue;
    specifiers.push(specifier);
  }
  return specifiers;
}

/** Packages reached from `entry` through static imports (sources of this repository are followed). */
function staticPackagesFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = [join(SOURCE_ROOT, entry)];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImportsOf(file)) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier).replace(/\.js$/u, '.ts');
        if (existsSync(target)) pending.push(target);
        continue;
      }
      if (specifier.startsWith('node:')) continue;
      const [scope = '', name = ''] = specifier.split('/');
      packages.add(scope.startsWith('@') ? `${scope}/${name}` : scope);
    }
  }
  return packages;
}

const HTML_PARSER = ['parse5', 'rehype-parse', 'hast-util-from-html', 'hast-util-to-mdast', 'linkedom'];
const MARKDOWN_PARSER = ['remark-parse', 'remark-gfm', 'unified', 'micromark', 'mdast-util-from-markdown'];

describe('heavy dependencies load only when the input needs them', () => {
  it.each([
    [
      'cli/cli-script.ts',
      [...HTML_PARSER, ...MARKDOWN_PARSER, 'yaml', 'zod', 'franc-min', 'string-width', '@hono/zod-openapi'],
    ],
    ['ingest/ingest.ts', [...HTML_PARSER, ...MARKDOWN_PARSER, 'yaml', '@mozilla/readability']],
    ['ingest/markdown-document.ts', HTML_PARSER],
    ['ingest/parse-markdown-text.ts', HTML_PARSER],
    ['config/read-plume-config.ts', ['yaml', 'zod']],
  ])('%s reaches none of %j statically', (entry, heavy) => {
    const reached = staticPackagesFrom(entry);
    expect(heavy.filter((name) => reached.has(name))).toEqual([]);
  });

  it('sees the packages a file does import (the check can fail)', () => {
    expect(staticPackagesFrom('ingest/parse-markdown.ts')).toContain('rehype-parse');
    expect(staticPackagesFrom('ingest/markdown-document.ts')).toContain('yaml');
  });
});
