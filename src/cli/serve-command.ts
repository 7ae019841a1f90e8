import { type Command, InvalidArgumentError } from 'commander';
import type { CliContext } from './cli-context.js';
import { EXIT_CODES } from './exit-codes.js';
import { parsePositiveInteger } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { addWriterOptions, checkWriterName, type WriterFlagOptions, writerFlags } from './writer-options.js';

interface ServeCommandOptions extends WriterFlagOptions {
  host: string;
  port: number;
  token?: string;
  allowPrivateUrls?: boolean;
  rateLimit: number;
  maxBody: number;
  maxLlmJobs: number;
}

const BYTES_PER_MEGABYTE = 1024 * 1024;

function parsePort(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  }
  return parsed;
}

function parseNonNegativeInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return parsed;
}

function parseMegabytes(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0 || parsed > 100) {
    throw new InvalidArgumentError('expected a size in megabytes, above 0 and at most 100.');
  }
  return parsed;
}

export function registerServeCommand(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command('serve')
    .description('Serve the web page and the HTTP API (optimize, audit) on this machine.')
    .option(
      '--host <address>',
      'address to listen on; any non-loopback address requires a token',
      '127.0.0.1',
    )
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 8787)
    .option(
      '--token <token>',
      'bearer token required on every /api request (default: PLUME_TOKEN; prefer the variable: flags show in ps)',
    )
    .option(
      '--allow-private-urls',
      'let url sources reach loopback and private networks (off: SSRF protection)',
    )
    .option(
      '--rate-limit <n>',
      'API requests per minute per client address, 0 for no limit',
      parseNonNegativeInteger,
      60,
    )
    .option('--max-body <mb>', 'largest request body in megabytes, uploads included', parseMegabytes, 5)
    .option('--max-llm-jobs <n>', 'LLM articles written at once; more get HTTP 429', parsePositiveInteger, 2);
  addWriterOptions(command).action(async (options: ServeCommandOptions) => {
    checkWriterName(options.writer);
    const token = options.token ?? (context.env.PLUME_TOKEN || undefined);
    // Loaded here, not at start-up: the other commands need neither Hono nor the server.
    const [{ startServer, checkServerSecurity, ServerConfigError }, { createConfiguredWriterFactory }] =
      await Promise.all([import('../server/start-server.js'), import('../server/writer-factory.js')]);
    try {
      // Before the LLM stack is loaded: an unsafe setup is refused at once.
      checkServerSecurity({ host: options.host, ...(token === undefined ? {} : { token }) });
    } catch (error) {
      if (ServerConfigError.isInstance(error)) throw new UsageError(error.message);
      throw error;
    }
    const writerFactory = await createConfiguredWriterFactory({
      cwd: process.cwd(),
      env: context.env,
      ...(options.writer ? { writer: options.writer } : {}),
      ...(options.config ? { configPath: options.config } : {}),
      flags: writerFlags(options),
    });
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer({
        host: options.host,
        port: options.port,
        writerFactory,
        maxBodyBytes: Math.round(options.maxBody * BYTES_PER_MEGABYTE),
        maxConcurrentLlmJobs: options.maxLlmJobs,
        allowPrivateUrls: options.allowPrivateUrls === true,
        rateLimit: options.rateLimit === 0 ? false : { requestsPerMinute: options.rateLimit },
        ...(token === undefined ? {} : { token }),
      });
    } catch (error) {
      if (ServerConfigError.isInstance(error)) throw new UsageError(error.message);
      throw error;
    }
    const writers = writerFactory.config
      ? `offline, llm (${writerFactory.config.provider} ${writerFactory.config.model})`
      : 'offline';
    context.stdout.write(
      `plume: serving on ${server.url} (Ctrl-C to stop)\n` +
        `plume: writers: ${writers}; API token ${token === undefined ? 'off (loopback only)' : 'required'}\n`,
    );
    if (server.placeholderPage) {
      context.stderr.write('plume: the web page (src/web/) is missing: a placeholder page is served.\n');
    }
    await waitForAbort(context.signal);
    await server.close();
    context.stdout.write('plume: server stopped.\n');
    setExitCode(EXIT_CODES.ok);
  });
}

/** Serves until Ctrl-C (the CLI's abort signal); without a signal, until the process ends. */
function waitForAbort(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal === undefined) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
