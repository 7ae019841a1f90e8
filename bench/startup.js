// CLI start-up: prints figures, asserts nothing. Run with `npm run bench:startup` (builds first).
//
// Wall time of fresh `node` processes, interleaved so a load spike hits every command alike:
// `node -e 0` (Node itself), `plume --version` (the CLI's own modules), `plume audit` and `plume
// optimize` of the example (cold: a new process each time). Min and median of N runs (default 15,
// PLUME_BENCH_RUNS to change), and each figure's ratio to `node -e 0`. Also the CPU time each process
// used (user + system, read at exit): on a loaded machine it moves far less than the wall time.
// `node bench/startup.js --baseline <copy of an older dist/bin>/main.js` runs that build's audit and
// optimize too, interleaved with these, for a before/after in the same minute (copy the folder inside
// the repository, e.g. .notes/, so that its imports still find node_modules).
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.PLUME_BENCH_RUNS ?? 15);
const root = fileURLToPath(new URL('..', import.meta.url));
const main = join(root, 'dist/bin/main.js');
const example = join(root, 'examples/talents-ia.txt');

const baselineFlag = process.argv.indexOf('--baseline');
const baseline = baselineFlag === -1 ? undefined : process.argv[baselineFlag + 1];
const commands = [
  ['node -e 0', ['-e', '0']],
  ['plume --version', [main, '--version']],
  ['plume audit', [main, 'audit', example]],
  ['plume optimize', [main, 'optimize', example, '--date', '2024-03-25', '--format', 'md']],
  ...(baseline === undefined
    ? []
    : [
        ['baseline --version', [baseline, '--version']],
        ['baseline audit', [baseline, 'audit', example]],
        ['baseline optimize', [baseline, 'optimize', example, '--date', '2024-03-25', '--format', 'md']],
      ]),
];

/** Loaded first in each process: prints its CPU time at exit, on a line of its own. */
const CPU_PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\ncpu-us '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;

const times = new Map(commands.map(([label]) => [label, []]));
const cpu = new Map(commands.map(([label]) => [label, []]));
for (let run = 0; run < RUNS; run += 1) {
  for (const [label, args] of commands) {
    const started = performance.now();
    const child = spawnSync(process.execPath, [`--import=${CPU_PROBE}`, ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const elapsed = performance.now() - started;
    // audit and optimize exit 3 when a constraint fails: still a full run.
    if (child.status !== 0 && child.status !== 3) {
      throw new Error(`${label} exited ${child.status}: ${child.stderr.toString().slice(0, 500)}`);
    }
    times.get(label).push(elapsed);
    const used = /cpu-us (\d+)/u.exec(child.stderr.toString());
    if (used) cpu.get(label).push(Number(used[1]) / 1000);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
console.log(
  `node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)}, ` +
    `${RUNS} runs each, interleaved (other work on the machine skews every figure)`,
);
const base = median(times.get('node -e 0'));
for (const [label] of commands) {
  const values = times.get(label);
  const min = Math.min(...values);
  const med = median(values);
  const cpuMedian = cpu.get(label).length > 0 ? median(cpu.get(label)) : Number.NaN;
  console.log(
    `${label.padEnd(20)} min ${min.toFixed(0).padStart(5)} ms  median ${med.toFixed(0).padStart(5)} ms  ` +
      `(${(med / base).toFixed(2)}× node -e 0)  CPU median ${cpuMedian.toFixed(0).padStart(5)} ms`,
  );
}
