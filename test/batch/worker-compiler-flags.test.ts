import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tuneCompilerForWorkerThreads, workerCompilerFlags } from '../../src/batch/worker-compiler-flags.js';

const NODE_20_V8 = '11.3.244.8-node.33';
const BUDGET = '--max-inlined-bytecode-size-cumulative=200';

describe('workerCompilerFlags', () => {
  it.each([
    ['Node 20’s V8', NODE_20_V8, [], [BUDGET]],
    ['a V8 not measured (Node 24’s)', '13.6.233.17-node.40', [], []],
    ['the user’s own budget', NODE_20_V8, ['--max-inlined-bytecode-size-cumulative=500'], []],
    ['the user’s own spelling of it', NODE_20_V8, ['--max_inlined_bytecode_size_cumulative=500'], []],
    ['other flags of the user', NODE_20_V8, ['--max-old-space-size=4096', '--enable-source-maps'], [BUDGET]],
  ])('for %s', (_name, version, execArgv, expected) => {
    expect(workerCompilerFlags(version, execArgv)).toEqual(expected);
  });

  it('sets each flag through V8', () => {
    const set: string[] = [];
    tuneCompilerForWorkerThreads({ setFlags: (flag) => set.push(flag), v8Version: NODE_20_V8, execArgv: [] });
    expect(set).toEqual([BUDGET]);
  });

  it('names only flags that this Node’s V8 knows', () => {
    // An unknown flag prints « Error: unrecognized flag » on the user's terminal: check V8's own list.
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    for (const flag of workerCompilerFlags(process.versions.v8, []))
      expect(options).toContain(`  ${flag.slice(0, flag.indexOf('='))} (`);
  });
});
