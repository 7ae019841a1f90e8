import { runCli } from './run-cli.js';
import { watchStandardOutput } from './write-to-stream.js';

/** Runs `plume` on this process's arguments and streams, and sets its exit code. */
export async function startCli(): Promise<void> {
  // Ctrl-C stops long work cleanly (nothing half-written); a second Ctrl-C quits at once.
  const interrupt = new AbortController();
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort(new Error('interrupted'));
  });

  const finish = watchStandardOutput(process.stdout, process.stderr, (code) => {
    process.exitCode = code;
  });
  const exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // A getter: Node builds process.stdin (a stream, a socket for a pipe) on first read, 1–5 ms that only
    // `plume … -` needs.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    signal: interrupt.signal,
  });
  process.exitCode = finish(exitCode);
}
