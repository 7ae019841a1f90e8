#!/usr/bin/env node
import { runCli } from './run-cli.js';

// Ctrl-C stops long work cleanly (nothing half-written); a second Ctrl-C quits at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort(new Error('interrupted'));
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: interrupt.signal,
});
