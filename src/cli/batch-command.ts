import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { LOCALES } from '../article.js';
import { DEFAULT_AUDIT_CONFIG } from '../audit/audit-config.js';
import type { ArticleProcessor } from '../batch/article-processor.js';
import type { BatchArticleOptions } from '../batch/article-task.js';
import { isValidDate, quote } from '../check-metadata.js';
import type { CliContext } from './cli-context.js';
import { EXIT_CODES } from './exit-codes.js';
import { isLocale, parsePositiveInteger } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { addWriterOptions, checkWriterName, type WriterFlagOptions, writerFlags } from './writer-options.js';

/** The batch's own addition to the shared writer flags. */
interface BatchWriterOptions extends WriterFlagOptions {
  callsInFlight: number;
}

interface BatchCommandOptions extends BatchWriterOptions {
  output: string;
  minWords: number;
  locale: string;
  siteName?: string;
  author?: string;
  date?: string;
  toc: boolean;
  faq?: boolean;
  threads?: number;
  concurrency: number;
  force?: boolean;
  json?: boolean;
  queue?: string;
  queueName?: string;
}

interface WorkerCommandOptions extends BatchWriterOptions {
  queue: string;
  queueName?: string;
  concurrency?: number;
}

/** The shared writer flags plus the batch's cap on LLM calls in flight across articles. */
function addBatchWriterOptions(command: Command): Command {
  return addWriterOptions(command).option(
    '--calls-in-flight <n>',
    'LLM calls in flight at once, all articles together',
    parsePositiveInteger,
    8,
  );
}

/**
 * The local processor: worker threads for the offline writer, the LLM writer
 * on this thread (`concurrency` articles at once) when a provider is configured.
 */
async function createLocalProcessor(
  context: CliContext,
  options: BatchWriterOptions,
  sizes: { threads: number; concurrency: number },
): Promise<{ processor: ArticleProcessor; writerName: string }> {
  checkWriterName(options.writer);
  const { loadCliLlmConfig } = await import('./create-cli-writer.js');
  // The configuration only: the LLM processor builds the one provider of the batch.
  const config = await loadCliLlmConfig({
    cwd: process.cwd(),
    env: context.env,
    flags: writerFlags(options),
    ...(options.writer ? { writer: options.writer } : {}),
    ...(options.config ? { configPath: options.config } : {}),
  });
  if (config) {
    const { createLlmProcessor } = await import('../batch/create-llm-processor.js');
    const processor = createLlmProcessor({
      config,
      concurrency: sizes.concurrency,
      callsInFlight: options.callsInFlight,
      ...(context.signal ? { signal: context.signal } : {}),
    });
    return { processor, writerName: `${config.provider}:${config.model}` };
  }
  const { createThreadProcessor } = await import('../batch/create-thread-processor.js');
  const processor = createThreadProcessor({ size: sizes.threads });
  if (processor.mode !== 'threads') {
    // Only a broken install gets here (the script ships beside main.js): slower, still correct.
    context.stderr.write(
      'plume: optimize-worker-thread.js not found beside the CLI: running on the main thread.\n',
    );
  }
  return { processor, writerName: 'offline' };
}

/** Redis errors are one line: unreachable at start is a setup problem (exit 2), lost later a failure (exit 1). */
function redisExitCode(error: unknown, context: CliContext): number | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'RedisUnreachableError') {
    context.stderr.write(`plume: ${error.message}\n`);
    return EXIT_CODES.badInput;
  }
  if (error.name === 'RedisConnectionLostError') {
    context.stderr.write(`plume: ${error.message}\n`);
    return EXIT_CODES.internal;
  }
  return undefined;
}

/** Probes the queue's Redis; when it does not answer, says so in one line, sets the exit code and returns false. */
async function redisAnswers(
  url: string,
  context: CliContext,
  setExitCode: (code: number) => void,
): Promise<boolean> {
  const [{ parseRedisUrl, probeRedis }, { readRedisTimeout }] = await Promise.all([
    import('../batch/queue/redis-connection.js'),
    import('../batch/queue/queue-settings.js'),
  ]);
  try {
    await probeRedis(parseRedisUrl(url), readRedisTimeout(context.env));
    return true;
  } catch (error) {
    const code = redisExitCode(error, context);
    if (code === undefined) throw error;
    setExitCode(code);
    return false;
  }
}

/** The queue with --queue, else the local processor; undefined (exit code set) when Redis fails. */
async function createBatchProcessor(
  context: CliContext,
  options: BatchCommandOptions,
  setExitCode: (code: number) => void,
): Promise<{ processor: ArticleProcessor; writerName: string } | undefined> {
  try {
    if (options.queue) {
      const [{ createQueueProcessor }, { readRedisTimeout }] = await Promise.all([
        import('../batch/queue/create-queue-processor.js'),
        import('../batch/queue/queue-settings.js'),
      ]);
      const processor = await createQueueProcessor({
        url: options.queue,
        timeoutMs: readRedisTimeout(context.env),
        force: options.force === true,
        ...(options.queueName ? { queueName: options.queueName } : {}),
        onNotice: (message) => context.stderr.write(`plume: ${message}\n`),
      });
      // The workers choose the writer: the hash (and job id) only says the article went through the queue.
      return { processor, writerName: 'queue' };
    }
    return await createLocalProcessor(context, options, {
      threads: options.threads ?? availableParallelism(),
      concurrency: options.concurrency,
    });
  } catch (error) {
    const code = redisExitCode(error, context);
    if (code === undefined) throw error;
    setExitCode(code);
    return undefined;
  }
}

export function registerBatchCommand(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command('batch')
    .description(
      'Optimize many articles into one folder: resumable, on worker threads, or across machines with --queue.',
    )
    .argument(
      '<inputs...>',
      'folders, files or glob patterns ("articles/**/*.md"); .txt, .md and .html files',
    )
    .option(
      '-o, --output <dir>',
      'folder for <slug>.md, <slug>.html, <slug>.report.json and batch-report.json',
      'out',
    )
    .option(
      '--min-words <n>',
      'minimum words in the body',
      parsePositiveInteger,
      DEFAULT_AUDIT_CONFIG.minWords,
    )
    .option('--locale <locale>', 'fr-FR, fr-CA, fr-BE or fr-CH', 'fr-FR')
    .option('--site-name <name>', 'site name, for Open Graph and JSON-LD publisher')
    .option('--author <name>', 'author, for JSON-LD and Open Graph (default: each source’s)')
    .option('--date <date>', 'publication date, YYYY-MM-DD (default: each source’s, else today)')
    .option('--faq', 'add FAQ structured data from question headings')
    .option('--no-toc', 'no table of contents, even with 4 or more sections')
    .option(
      '--threads <n>',
      `worker threads for the offline writer (default: ${availableParallelism()}, the cores available)`,
      parsePositiveInteger,
    )
    .option('--concurrency <n>', 'articles written at once with an LLM provider', parsePositiveInteger, 4)
    .option('--force', 'redo every article, even those already done with the same input and options')
    .option('--json', 'print batch-report.json instead of the summary table')
    .option(
      '--queue <redis-url>',
      'hand the articles to `plume worker`s through Redis, e.g. redis://127.0.0.1:6379',
    )
    .option('--queue-name <name>', 'BullMQ queue name (default: plume)');
  addBatchWriterOptions(command).action(async (inputs: string[], options: BatchCommandOptions) => {
    const articleOptions = validateArticleOptions(options);
    // Loaded here, not at start-up: other commands need none of the batch, thread or queue code.
    const [
      { collectInputs },
      { runBatch, batchExitCode, BATCH_REPORT_NAME },
      { formatBatchSummary },
      progressModule,
    ] = await Promise.all([
      import('../batch/collect-inputs.js'),
      import('../batch/run-batch.js'),
      import('../batch/format-batch-summary.js'),
      import('../batch/batch-progress.js'),
    ]);
    // Before inputs are read or BullMQ is loaded: an unreachable Redis is the one line shown, at once.
    if (options.queue && !(await redisAnswers(options.queue, context, setExitCode))) return;
    const cwd = process.cwd();
    const outputDirectory = resolve(cwd, options.output);
    const collected = await collectInputs(inputs, { cwd, exclude: [outputDirectory] });
    if (collected.files.length === 0 && collected.missing.length === 0) {
      throw new UsageError(`no .txt, .md or .html file found in ${inputs.join(', ')}.`);
    }
    if (collected.ignored > 0 && !options.json) {
      context.stderr.write(
        `plume: ignored ${collected.ignored} file${collected.ignored > 1 ? 's' : ''} that ${collected.ignored > 1 ? 'are' : 'is'} not .txt, .md or .html.\n`,
      );
    }

    const chosen = await createBatchProcessor(context, options, setExitCode);
    if (!chosen) return;
    const { processor, writerName } = chosen;

    const stopOnInterrupt = () => void processor.close();
    context.signal?.addEventListener('abort', stopOnInterrupt, { once: true });
    const progress = progressModule.createBatchProgress({
      stream: context.stderr,
      interactive: Boolean((context.stderr as { isTTY?: boolean }).isTTY) && context.env.TERM !== 'dumb',
    });
    let report: Awaited<ReturnType<typeof runBatch>>;
    try {
      report = await runBatch({
        files: collected.files,
        missing: collected.missing,
        outputDirectory,
        cwd,
        options: articleOptions,
        defaultDate: new Date().toISOString().slice(0, 10),
        writerName,
        processor,
        force: options.force === true,
        ...(context.signal ? { signal: context.signal } : {}),
        onEvent: options.json ? undefined : progress.onEvent,
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'BatchLockedError') throw new UsageError(error.message);
      throw error;
    } finally {
      context.signal?.removeEventListener('abort', stopOnInterrupt);
      progress.finish();
      await processor.close();
    }
    const reportPath = relative(cwd, join(outputDirectory, BATCH_REPORT_NAME));
    context.stdout.write(
      options.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : formatBatchSummary(report, { color: context.color, reportPath }),
    );
    setExitCode(report.interrupted ? EXIT_CODES.interrupted : batchExitCode(report));
  });
}

export function registerWorkerCommand(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command('worker')
    .description(
      'Serve `plume batch --queue` jobs from Redis until stopped (SIGTERM or Ctrl-C finish the jobs in progress).',
    )
    .requiredOption('--queue <redis-url>', 'Redis holding the queue, e.g. redis://127.0.0.1:6379')
    .option('--queue-name <name>', 'BullMQ queue name (default: plume)')
    .option(
      '--concurrency <n>',
      `jobs at once (default: ${availableParallelism()} offline, one per core on worker threads; 4 with an LLM)`,
      parsePositiveInteger,
    );
  addBatchWriterOptions(command).action(async (options: WorkerCommandOptions) => {
    const [{ parseRedisUrl, probeRedis }, { readRedisTimeout }] = await Promise.all([
      import('../batch/queue/redis-connection.js'),
      import('../batch/queue/queue-settings.js'),
    ]);
    const timeoutMs = readRedisTimeout(context.env);
    try {
      // Before loading BullMQ and starting threads: an unreachable Redis is reported at once.
      await probeRedis(parseRedisUrl(options.queue), timeoutMs);
    } catch (error) {
      const code = redisExitCode(error, context);
      if (code === undefined) throw error;
      setExitCode(code);
      return;
    }
    const [{ runQueueWorker }, { readWorkerTimings }] = await Promise.all([
      import('../batch/queue/run-queue-worker.js'),
      import('../batch/queue/queue-settings.js'),
    ]);
    const { processor, writerName } = await createLocalProcessor(context, options, {
      threads: options.concurrency ?? availableParallelism(),
      concurrency: options.concurrency ?? 4,
    });
    const concurrency = options.concurrency ?? (writerName === 'offline' ? availableParallelism() : 4);
    // First SIGTERM (or Ctrl-C): finish the jobs in progress; a second SIGTERM: release them to other workers.
    const stop = new AbortController();
    const forceStop = new AbortController();
    const onTerminate = () => (stop.signal.aborted ? forceStop.abort() : stop.abort());
    process.on('SIGTERM', onTerminate);
    const onInterrupt = () => stop.abort();
    context.signal?.addEventListener('abort', onInterrupt, { once: true });
    try {
      await runQueueWorker({
        url: options.queue,
        ...(options.queueName ? { queueName: options.queueName } : {}),
        concurrency,
        processor,
        writerName,
        timings: readWorkerTimings(context.env),
        stop: stop.signal,
        forceStop: forceStop.signal,
        log: (line) => context.stderr.write(`plume worker: ${line}\n`),
        timeoutMs,
      });
      setExitCode(EXIT_CODES.ok);
    } catch (error) {
      const code = redisExitCode(error, context);
      if (code === undefined) throw error;
      setExitCode(code);
    } finally {
      process.off('SIGTERM', onTerminate);
      context.signal?.removeEventListener('abort', onInterrupt);
      await processor.close();
    }
  });
}

function validateArticleOptions(options: BatchCommandOptions): BatchArticleOptions {
  if (!isLocale(options.locale)) {
    throw new UsageError(`unknown locale "${options.locale}": expected one of ${LOCALES.join(', ')}.`);
  }
  if (options.date !== undefined && !isValidDate(options.date)) {
    throw new UsageError(
      `--date « ${quote(options.date)} » invalide : une date réelle AAAA-MM-JJ (ou AAAA-MM-JJTHH:MM:SSZ) est attendue.`,
    );
  }
  return {
    minWords: options.minWords,
    locale: options.locale,
    tableOfContents: options.toc,
    faq: options.faq === true,
    ...(options.siteName ? { siteName: options.siteName } : {}),
    ...(options.author ? { author: options.author } : {}),
    ...(options.date ? { date: options.date } : {}),
  };
}
