import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as users get it: `npm pack` of the built `dist/`, installed from the tarball into a
 * fresh project (dependencies from the registry or npm's cache), then used by `import`, `require`
 * and TypeScript. Needs `npm run build` first (as `npm test` does).
 */

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** The environment without the `npm_*` variables of an enclosing `npm test`, which would steer the nested npm. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

const CONSUMER_FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  'use-import.mjs': `import { audit, createLlmWriter, createLanguageModel } from 'plume';
import { buildSlug, countSyllables, segmentSentences } from 'plume/fr';
const report = await audit('Les talents en IA sont rares. Les entreprises se battent pour les recruter.', {
  keyphrase: 'talents en IA',
});
console.log(JSON.stringify({
  keyphrase: report.keyphrase,
  writer: typeof createLlmWriter,
  model: typeof createLanguageModel,
  syllables: countSyllables('télétravail'),
  sentences: segmentSentences('Un. Deux.').length,
  slug: buildSlug('talents en IA'),
}));
`,
  'use-require.cjs': `const plume = require('plume');
const fr = require('plume/fr');
console.log(JSON.stringify({ audit: typeof plume.audit, stem: fr.stem('recrutement') }));
`,
  'consumer.ts': `import { audit, createLlmWriter, type Report, type Writer } from 'plume';
import { fleschReadingEase, tokenizeWords, type WordToken } from 'plume/fr';
import type { Root } from 'mdast';

export const tokens: WordToken[] = tokenizeWords('Les talents en IA.');
export const score: number = fleschReadingEase({ words: 10, sentences: 1, syllables: 15 });
export const report: Promise<Report> = audit('Texte.');
export const writer: (options: Parameters<typeof createLlmWriter>[0]) => Writer = createLlmWriter;
export const tree: Root = { type: 'root', children: [] };
// @ts-expect-error: a typo in a field must be caught, so the types are real, not any.
export const wrong: Promise<Report> = audit('Texte.', { keyphrse: 'x' });
`,
  // No skipLibCheck: Plume's declarations are checked, so a type they import from an undeclared package fails.
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      strict: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      noEmit: true,
      skipLibCheck: false,
      types: [],
    },
    files: ['consumer.ts'],
  }),
};

describe('the packed package, installed in a fresh project', () => {
  let folder = '';

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'index.js')) || !existsSync(join(ROOT, 'dist', 'fr.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first.');
    }
    folder = await mkdtemp(join(tmpdir(), 'plume-packed-'));
    const env = cleanEnvironment();
    // dist/ is already built: no prepare script here.
    await run('npm', ['pack', '--ignore-scripts', '--pack-destination', folder], { cwd: ROOT, env });
    const [tarball] = (await readdir(folder)).filter((name) => name.endsWith('.tgz'));
    const consumer = join(folder, 'consumer');
    await mkdir(consumer);
    for (const [name, content] of Object.entries(CONSUMER_FILES))
      await writeFile(join(consumer, name), content);
    await run(
      'npm',
      [
        'install',
        join(folder, tarball ?? 'missing.tgz'),
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--prefer-offline',
        '--no-package-lock',
      ],
      { cwd: consumer, env },
    );
  }, 600_000);

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('imports plume and plume/fr as ES modules', async () => {
    const { stdout } = await run('node', ['use-import.mjs'], { cwd: join(folder, 'consumer') });
    expect(JSON.parse(stdout)).toEqual({
      keyphrase: 'talents en IA',
      writer: 'function',
      model: 'function',
      syllables: 4,
      sentences: 2,
      slug: 'talents-ia',
    });
  });

  it('requires plume and plume/fr from CommonJS (Node 20.19+ loads ES modules with require)', async () => {
    const { stdout } = await run('node', ['use-require.cjs'], { cwd: join(folder, 'consumer') });
    expect(JSON.parse(stdout)).toEqual({ audit: 'function', stem: 'recrut' });
  });

  it('resolves the types of both entry points, mdast included, with no skipLibCheck', async () => {
    const result = await run('node', [TSC, '-p', 'tsconfig.json'], { cwd: join(folder, 'consumer') }).catch(
      (error: { stdout?: string; code?: number }) => error,
    );
    expect(result.stdout ?? '').toBe('');
  });

  it('ships the built code and the web page, not the sources or the tests', async () => {
    const installed = join(folder, 'consumer', 'node_modules', 'plume');
    expect(existsSync(join(installed, 'dist', 'bin', 'main.js'))).toBe(true);
    expect(existsSync(join(installed, 'src', 'web', 'index.html'))).toBe(true);
    expect(existsSync(join(installed, 'src', 'index.ts'))).toBe(false);
    expect(existsSync(join(installed, 'test'))).toBe(false);
  });
});
