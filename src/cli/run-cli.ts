import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { classifyError } from '../errors/classify-error.js';
import { quoteInput } from '../ingest/input-limits.js';
import { VERSION } from '../version.js';
import { registerAuditCommand } from './audit-command.js';
import { registerBatchCommand, registerWorkerCommand } from './batch-command.js';
import type { CliContext, CliStreams } from './cli-context.js';
import { EXIT_CODES } from './exit-codes.js';
import { registerOptimizeCommand } from './optimize-command.js';
import { registerPublishCommand } from './publish-command.js';
import { registerServeCommand } from './serve-command.js';

/** Runs `plume` with its arguments and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  const context: CliContext = {
    ...streams,
    color: Boolean(streams.stdout.isTTY) && streams.env.NO_COLOR === undefined && streams.env.TERM !== 'dumb',
  };
  let exitCode: number = EXIT_CODES.ok;
  const program = new Command('plume')
    .description('Turn any article into a publication-ready, SEO-optimized French article, and prove it.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
      // One line, in the same voice as our own errors.
      outputError: (text, write) =>
        write(`plume: ${text.replace(/^error: /, '').trimEnd()} (see plume --help)\n`),
    });
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  registerOptimizeCommand(program, context, setExitCode);
  registerAuditCommand(program, context, setExitCode);
  registerServeCommand(program, context, setExitCode);
  registerPublishCommand(program, context, setExitCode);
  registerBatchCommand(program, context, setExitCode);
  registerWorkerCommand(program, context, setExitCode);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, streams);
  }
}

function handleError(error: unknown, streams: CliStreams): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its one-line message; help and version exit 0.
    return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.badInput;
  }
  const { kind } = classifyError(error);
  if (kind === 'input' || error instanceof InvalidArgumentError) {
    streams.stderr.write(`plume: ${(error as Error).message}\n`);
    return EXIT_CODES.badInput;
  }
  if (streams.signal?.aborted) {
    streams.stderr.write('plume: interrupted, nothing written.\n');
    return EXIT_CODES.interrupted;
  }
  if (kind === 'setup') {
    // Setup to fix before running again: the message names the variable or field, never a key.
    streams.stderr.write(`plume: ${(error as Error).message}\n`);
    return EXIT_CODES.badInput;
  }
  if (kind === 'provider') {
    streams.stderr.write(`plume: LLM provider failed: ${(error as Error).message}\n`);
    return EXIT_CODES.internal;
  }
  // A message may quote the input (a pattern, a value): one line, bounded.
  const message = quoteInput(error instanceof Error ? error.message : String(error), 200);
  streams.stderr.write(`plume: internal error: ${message}\n`);
  if (streams.env.PLUME_DEBUG && error instanceof Error && error.stack)
    streams.stderr.write(`${error.stack}\n`);
  return EXIT_CODES.internal;
}
