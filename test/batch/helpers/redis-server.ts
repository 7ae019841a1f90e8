import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when `redis-server` is on PATH. */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Skip the distributed tests when redis-server is missing, except on CI
 * (CI=true), where it must be installed (.ci/run does) and its absence is a failure.
 */
export const SKIP_DISTRIBUTED = !hasRedisServer() && process.env.CI !== 'true';

export interface RedisServer {
  url: string;
  port: number;
  /** SIGSTOP: the port still accepts connections (the kernel's backlog), nothing answers. */
  pause(): void;
  /** SIGCONT after `pause`. */
  resume(): void;
  /** kill -9, then a new empty redis-server on the same port: what a restart without persistence does. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A free loopback port (the kernel picks it; it is released just before use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts redis-server on `port`, resolving once it accepts connections. */
async function spawnRedis(port: number, directory: string): Promise<ChildProcess> {
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', directory],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    // Only a redis-server that never starts gets here; a slow machine has a minute.
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 60_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${output}`));
    });
  });
  return child;
}

async function killAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGCONT');
  child.kill(signal);
  await exited;
}

/** A throw-away redis-server on 127.0.0.1: no persistence, its own temporary folder. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const directory = mkdtempSync(join(tmpdir(), 'plume-redis-'));
  let child = await spawnRedis(port, directory);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pause() {
      child.kill('SIGSTOP');
    },
    resume() {
      child.kill('SIGCONT');
    },
    async restart() {
      await killAndWait(child, 'SIGKILL');
      child = await spawnRedis(port, directory);
    },
    async stop() {
      await killAndWait(child, 'SIGTERM');
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
