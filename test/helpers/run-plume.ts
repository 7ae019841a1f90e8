import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PLUME_BIN = fileURLToPath(new URL('../../dist/bin/main.js', import.meta.url));

export interface PlumeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the built `plume` binary, as a user would run it. */
export function runPlume(
  args: readonly string[],
  options: { stdin?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<PlumeRun> {
  if (!existsSync(PLUME_BIN))
    throw new Error(`${PLUME_BIN} is missing: run npm run build first (npm test does).`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PLUME_BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {
      // The command may exit before reading all of a large stdin; that is its right.
    });
    child.stdin.end(options.stdin ?? '');
  });
}
