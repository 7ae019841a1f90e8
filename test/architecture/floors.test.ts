import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The floors of the core, lowest first. A file may import from its own floor and the floors below,
 * never from a floor above nor from an edge: the core stays pure and testable without I/O.
 * `audit/` and `plan/` share a floor: the planner reads the audit's thresholds, the audit checks a
 * slug with the planner's rule.
 */
const CORE_FLOORS: ReadonlyArray<readonly [floor: string, level: number]> = [
  ['model', 0], // document.ts, article.ts, brief.ts, phrasing-content.ts, yaml-plain-scalars.ts, character-class.ts: shared types, constants and character tests
  ['errors', 0], // the one error classification: depends on nothing, every floor may use it
  ['lang', 1],
  ['analyze', 2],
  ['audit', 3],
  ['plan', 3],
  ['render', 4],
  ['write', 5], // the offline writer and the Writer contract
];
/**
 * Root files that are shared types or constants, importable from every floor. Not version.ts: it reads
 * package.json (I/O), so only the edges (CLI, server) use it.
 */
const MODEL_FILES = new Set([
  'document.ts',
  'article.ts',
  'brief.ts',
  'phrasing-content.ts',
  'yaml-plain-scalars.ts',
  // Unicode character classes on one code point: no language, no dependency, used from every floor.
  'character-class.ts',
]);
/** Root files that compose the pipeline: above every floor, below the edges. */
const PIPELINE_FILES = new Set(['optimize.ts', 'evaluate-draft.ts', 'audit-source.ts', 'index.ts']);
/** Edges: they read files, URLs, the network, the terminal. The core never imports them. */
const EDGES = new Set(['ingest', 'llm', 'cli', 'server', 'batch', 'web']);
/** Packages that do I/O or belong to a surface. */
const EDGE_PACKAGES = /^(commander|hono|@hono\/|ioredis|bullmq|ai$|@ai-sdk\/|node-llama-cpp)/u;

/** Known exceptions, each with the reason; remove the line when the reason is gone. None today. */
const ALLOWED: ReadonlySet<string> = new Set<string>([]);

const SOURCE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../src');

function listSources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file imports or re-exports, static or dynamic, as written. */
function importSpecifiers(code: string): string[] {
  const pattern =
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gmu;
  return [...code.matchAll(pattern)].map((match) => (match[1] ?? match[2] ?? match[3]) as string);
}

/** `lang`, `model`, `pipeline`, `write/llm`, an edge name… for a path relative to src/. */
function floorOf(path: string): string {
  const [top, second] = path.split('/');
  if (second === undefined) {
    if (MODEL_FILES.has(path)) return 'model';
    if (PIPELINE_FILES.has(path)) return 'pipeline';
    return 'root';
  }
  if (top === 'write' && second === 'llm') return 'write/llm';
  return top as string;
}

const levelOf = (floor: string) => CORE_FLOORS.find(([name]) => name === floor)?.[1];

/** Why `from` may not import `target`, or null when it may. */
function violation(from: string, target: string): string | null {
  const fromFloor = floorOf(from);
  if (target.startsWith('node:')) return 'a Node built-in (I/O) in the core';
  if (!target.startsWith('.')) return EDGE_PACKAGES.test(target) ? `the package ${target}` : null;
  const resolved = posix.normalize(posix.join(posix.dirname(from), target)).replace(/\.js$/u, '.ts');
  const targetFloor = floorOf(resolved);
  if (ALLOWED.has(`${from} -> ${resolved}`)) return null;
  if (fromFloor === 'write/llm') {
    // The LLM writer is the LLM edge of the write floor: it may use the providers, nothing above.
    if (targetFloor === 'llm' || targetFloor === 'write/llm' || levelOf(targetFloor) !== undefined)
      return null;
    return `${targetFloor} is above the LLM writer`;
  }
  if (EDGES.has(targetFloor)) return `the edge ${targetFloor}`;
  if (targetFloor === 'write/llm') return 'the LLM writer (an edge)';
  const fromLevel = levelOf(fromFloor) ?? 0;
  const targetLevel = levelOf(targetFloor);
  if (targetLevel === undefined) return `${targetFloor}, above every floor`;
  return targetLevel > fromLevel ? `${targetFloor}, a floor above ${fromFloor}` : null;
}

describe('every file on its floor', () => {
  const files = listSources(SOURCE_ROOT).map((path) => relative(SOURCE_ROOT, path).split('\\').join('/'));
  const core = files.filter((path) => {
    const floor = floorOf(path);
    return floor === 'model' || floor === 'write/llm' || levelOf(floor) !== undefined;
  });

  it('finds the core', () => {
    expect(core).toContain('lang/fr/stem.ts');
    expect(core).toContain('write/offline-writer.ts');
    expect(core.length).toBeGreaterThan(60);
  });

  it('no core file imports a floor above it, an edge or a module doing I/O', () => {
    const found: string[] = [];
    for (const path of core) {
      for (const target of importSpecifiers(readFileSync(join(SOURCE_ROOT, path), 'utf8'))) {
        const reason = violation(path, target);
        if (reason !== null) found.push(`${path} imports ${target}: ${reason}`);
      }
    }
    expect(found).toEqual([]);
  });

  it.each([
    ['analyze/analyze.ts', '../cli/run-cli.js', 'the edge cli'],
    ['lang/fr/stem.ts', '../../analyze/analyze.js', 'analyze, a floor above lang'],
    ['audit/audit.ts', '../write/offline-writer.js', 'write, a floor above audit'],
    ['plan/plan-article.ts', '../optimize.js', 'pipeline, above every floor'],
    ['render/render-html.ts', 'node:fs', 'a Node built-in (I/O) in the core'],
    ['write/offline-writer.ts', './llm/llm-writer.js', 'the LLM writer (an edge)'],
    ['write/llm/prompts.ts', '../../cli/run-cli.js', 'cli is above the LLM writer'],
    ['audit/audit.ts', 'commander', 'the package commander'],
  ])('refuses %s importing %s', (from, target, reason) => {
    expect(violation(from, target)).toBe(reason);
  });

  it.each([
    ['plan/build-title.ts', '../audit/audit-config.js'],
    ['audit/check-hard-constraints.ts', '../plan/build-slug.js'],
    ['write/writer.ts', '../brief.js'],
    ['write/llm/llm-writer.ts', '../../llm/language-model.js'],
    ['analyze/analyze.ts', 'mdast-util-to-string'],
  ])('lets %s import %s', (from, target) => {
    expect(violation(from, target)).toBeNull();
  });

  it('no import cycle (as `npx madge --circular --extensions ts src` checks)', () => {
    const graph = new Map<string, string[]>();
    for (const path of files) {
      const targets = importSpecifiers(readFileSync(join(SOURCE_ROOT, path), 'utf8'))
        .filter((target) => target.startsWith('.'))
        .map((target) => posix.normalize(posix.join(posix.dirname(path), target)).replace(/\.js$/u, '.ts'));
      graph.set(path, targets);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (path: string, trail: string[]) => {
      if (state.get(path) === 'done') return;
      if (state.get(path) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(path)), path].join(' > '));
        return;
      }
      state.set(path, 'open');
      for (const target of graph.get(path) ?? []) visit(target, [...trail, path]);
      state.set(path, 'done');
    };
    for (const path of files) visit(path, []);
    expect(cycles).toEqual([]);
  });

  it('reads static, type-only, re-exported and dynamic imports', () => {
    const code = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "const d = await import('./d.js');",
      "import './e.js';",
    ].join('\n');
    expect(importSpecifiers(code)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js']);
  });
});
