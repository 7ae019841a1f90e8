import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../dist/bin/main.js', import.meta.url));
/** The built binary that runs `plume batch` and `plume worker` (worker threads from dist/bin/); `npm test` builds it. */
export const BATCH_SCRIPT: string = chooseScript();

function chooseScript(): string {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test does).`);
  return MAIN;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** A running `plume` process whose output is collected as it comes. */
export interface RunningCli {
  child: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves when the process has exited. */
  exited: Promise<CliRun>;
  /** Resolves when stderr (or stdout) has a line matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export function spawnPlume(args: readonly string[], options: SpawnOptions = {}): RunningCli {
  const started = Date.now();
  const child = spawn(process.execPath, [BATCH_SCRIPT, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    notify();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    notify();
  });
  const exited = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      notify();
      resolve({ code, signal, stdout, stderr, durationMs: Date.now() - started });
    });
  });
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    // A minute: a process on a loaded 2-core machine may be that slow to print what it must print.
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = `${stderr}\n${stdout}`.split('\n').find((candidate) => pattern.test(candidate));
          if (line !== undefined) {
            cleanup();
            resolve(line);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            cleanup();
            reject(new Error(`plume exited before printing ${pattern}:\n${stderr}${stdout}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no line matching ${pattern} after ${timeoutMs} ms:\n${stderr}${stdout}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** Runs `plume` to the end. */
export function runPlumeCli(args: readonly string[], options: SpawnOptions = {}): Promise<CliRun> {
  return spawnPlume(args, options).exited;
}
