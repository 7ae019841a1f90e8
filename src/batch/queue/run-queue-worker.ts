import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { classifyError } from '../../errors/classify-error.js';
import type { ArticleProcessor } from '../article-processor.js';
import {
  DEFAULT_QUEUE_NAME,
  encodeJobError,
  type OptimizeJobData,
  type OptimizeJobResult,
  type WorkerTimings,
} from './queue-settings.js';
import {
  connectionOptions,
  DEFAULT_REDIS_TIMEOUT_MS,
  parseRedisUrl,
  probeRedis,
  type RedisConnectionLostError,
  withRedisTimeout,
} from './redis-connection.js';

export interface QueueWorkerOptions {
  /** `redis://host:port[/db]`. */
  url: string;
  /** BullMQ queue name (default `plume`). */
  queueName?: string;
  /** Jobs run at once (default 1). */
  concurrency?: number;
  /** Where the articles are optimized: worker threads or the LLM writer. */
  processor: ArticleProcessor;
  /** The writer's name, for the start line. */
  writerName: string;
  timings: WorkerTimings;
  /** Aborted on SIGTERM or Ctrl-C: the worker stops taking jobs and finishes those it runs. */
  stop: AbortSignal;
  /** Aborted on a second SIGTERM or Ctrl-C: running jobs are released at once (another worker takes them). */
  forceStop?: AbortSignal;
  /** One line per event (ready, job started, done, failed, stopping). */
  log: (line: string) => void;
  /** How long each Redis call at start-up may take (default `DEFAULT_REDIS_TIMEOUT_MS`). */
  timeoutMs?: number;
}

/**
 * `plume worker`: takes article jobs from the queue until stopped. A job whose
 * worker dies is taken back by another once its lock expires (BullMQ's stalled
 * jobs). Errors that retrying cannot fix (bad input, a rejected key, a spent
 * budget) fail the job at once; others are retried with backoff. Resolves
 * after a graceful stop; rejects with `RedisUnreachableError` at start or
 * `RedisConnectionLostError` when Redis goes away for good.
 */
export async function runQueueWorker(
  options: QueueWorkerOptions,
): Promise<{ completed: number; failed: number }> {
  const target = parseRedisUrl(options.url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS;
  await probeRedis(target, timeoutMs);
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const counts = { completed: 0, failed: 0 };
  let onLost: (error: RedisConnectionLostError) => void = () => undefined;
  const lost = new Promise<never>((_, reject) => {
    onLost = reject;
  });
  lost.catch(() => undefined);

  const processJob = async (job: Job<OptimizeJobData, OptimizeJobResult>): Promise<OptimizeJobResult> => {
    const task = job.data?.task;
    if (!task || typeof task.text !== 'string' || typeof task.fileName !== 'string') {
      throw new UnrecoverableError('InputError: the job carries no article');
    }
    options.log(`started ${task.fileName} (job ${shortId(job.id)}, attempt ${job.attemptsMade + 1})`);
    const started = Date.now();
    try {
      const outcome = await options.processor.process(task, job.id ?? '');
      counts.completed += 1;
      options.log(
        `done ${task.fileName} (job ${shortId(job.id)}, ${Date.now() - started} ms, ${outcome.passed ? 'constraints ok' : `failed: ${outcome.failedConstraints.join(', ')}`})`,
      );
      return outcome;
    } catch (error) {
      counts.failed += 1;
      const reason = encodeJobError(error);
      options.log(`failed ${task.fileName} (job ${shortId(job.id)}): ${reason}`);
      throw isWorthRetrying(error) ? new Error(reason) : new UnrecoverableError(reason);
    }
  };

  const worker = new Worker<OptimizeJobData, OptimizeJobResult>(queueName, processJob, {
    connection: connectionOptions(target, (error) => onLost(error)),
    concurrency: Math.max(1, options.concurrency ?? 1),
    lockDuration: options.timings.lockDuration,
    stalledInterval: options.timings.stalledInterval,
    maxStalledCount: options.timings.maxStalledCount,
  });
  let lastError = '';
  worker.on('error', (error) => {
    // The same connection error repeats while ioredis reconnects: say it once.
    if (error.message !== lastError) options.log(`error: ${error.message}`);
    lastError = error.message;
  });
  await withRedisTimeout(Promise.race([worker.waitUntilReady(), lost]), target, timeoutMs, () => {
    void worker.disconnect().catch(() => undefined);
  });
  options.log(
    `ready: queue "${queueName}" at ${target.display}, ${options.concurrency ?? 1} job${(options.concurrency ?? 1) > 1 ? 's' : ''} at once, writer ${options.writerName}`,
  );
  try {
    await Promise.race([untilAborted(options.stop), lost]);
  } catch (error) {
    await worker.close(true).catch(() => undefined);
    throw error;
  }
  options.log('stopping: finishing the jobs in progress (send the signal again to release them now)');
  const forced = options.forceStop
    ? untilAborted(options.forceStop).then(() => worker.close(true))
    : undefined;
  await Promise.race([worker.close(), ...(forced ? [forced] : []), lost]);
  options.log(`stopped (${counts.completed} done, ${counts.failed} failed)`);
  return counts;
}

/** Bad input and setup errors fail at once; rate limits, outages, timeouts and unknown errors get the job's retries. */
function isWorthRetrying(error: unknown): boolean {
  return classifyError(error).retryable;
}

function shortId(id: string | undefined): string {
  return (id ?? '?').slice(0, 12);
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
