import { Job, Queue, QueueEvents } from 'bullmq';
import type { ArticleProcessor } from '../article-processor.js';
import type { ArticleOutcome, ArticleTask } from '../article-task.js';
import {
  DEFAULT_QUEUE_NAME,
  decodeJobError,
  JOB_NAME,
  JOB_OPTIONS,
  type OptimizeJobData,
  type OptimizeJobResult,
} from './queue-settings.js';
import {
  connectionOptions,
  DEFAULT_REDIS_TIMEOUT_MS,
  parseRedisUrl,
  probeRedis,
  type RedisConnectionLostError,
  type RedisTarget,
  withRedisTimeout,
} from './redis-connection.js';

/** Times one job may vanish from Redis (lost data) and be enqueued again before its article is an error. */
const MAX_REQUEUES = 3;

export interface QueueProcessorOptions {
  /** `redis://host:port[/db]`. */
  url: string;
  /** BullMQ queue name (default `plume`). */
  queueName?: string;
  /** What the batch should tell the user (no worker connected yet…). */
  onNotice?: (message: string) => void;
  /** How often unfinished jobs are checked, in case an event was missed (default 2 000 ms). */
  pollIntervalMs?: number;
  /** Redo articles whose job already finished (kept in Redis for a day) instead of taking its result (default false). */
  force?: boolean;
  /** How long each Redis call at start-up may take (default `DEFAULT_REDIS_TIMEOUT_MS`). */
  timeoutMs?: number;
}

type OptimizeQueue = Queue<OptimizeJobData, OptimizeJobResult>;

interface Waiter {
  resolve: (outcome: ArticleOutcome) => void;
  reject: (error: Error) => void;
  /** When this batch added the job: a job that failed before was failed by an earlier run. */
  addedAt: number;
  retried: boolean;
  /** The article, to enqueue it again when Redis lost the job. */
  task: ArticleTask;
  /** Set once the job was added: before that, an unknown job is not a lost one. */
  added: boolean;
  /** Times the job was found missing and enqueued again. */
  requeues: number;
}

/**
 * The batch side of `--queue`: one BullMQ job per article, its id the
 * article's content hash, so adding it again (a restarted batch) finds the
 * job already there, running or done, instead of enqueueing it twice. Results
 * come from QueueEvents, with a poll as a safety net. A job Redis no longer
 * knows (restarted without persistence, flushed, trimmed) is enqueued again
 * under the same id, so the batch always ends. Throws
 * `RedisUnreachableError` when Redis does not answer at start-up.
 */
export async function createQueueProcessor(options: QueueProcessorOptions): Promise<ArticleProcessor> {
  const target = parseRedisUrl(options.url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS;
  await probeRedis(target, timeoutMs);
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  // Identical inputs (same bytes, same options) share a job id: each waits on the same job.
  const waiters = new Map<string, Waiter[]>();
  let lost: RedisConnectionLostError | undefined;
  const onGiveUp = (error: RedisConnectionLostError) => {
    lost ??= error;
    for (const waiter of [...waiters.values()].flat()) waiter.reject(error);
    waiters.clear();
  };
  const { queue, events, dropConnections } = await connectQueue(target, queueName, timeoutMs, onGiveUp);

  const settle = createSettler(queue, waiters, options.onNotice);
  // Job ids this batch already cleared for --force: identical inputs share one, cleared once.
  const cleared = new Set<string>();
  const clearFinishedJob = async (jobId: string) => {
    if (cleared.has(jobId)) return;
    cleared.add(jobId);
    const state = await queue.getJobState(jobId);
    if (state === 'completed' || state === 'failed') await queue.remove(jobId);
  };
  const settleQuietly = (jobId: string) => void settle(jobId).catch(() => undefined);
  events.on('completed', ({ jobId }) => settleQuietly(jobId));
  events.on('failed', ({ jobId }) => settleQuietly(jobId));
  const poll = setInterval(() => {
    for (const jobId of waiters.keys()) settleQuietly(jobId);
  }, options.pollIntervalMs ?? 2000);
  poll.unref();

  const workers = await withRedisTimeout(
    queue.getWorkersCount().catch(() => 1),
    target,
    timeoutMs,
    () => {
      clearInterval(poll);
      dropConnections();
    },
  );
  if (workers === 0) {
    options.onNotice?.(
      `no worker is serving queue "${queueName}" yet: start one with plume worker --queue ${target.display}`,
    );
  }

  return {
    // Every article is handed over at once: the workers decide how many run.
    concurrency: Number.MAX_SAFE_INTEGER,
    description: `queue "${queueName}" at ${target.display}`,
    async process(task, jobId) {
      if (lost) throw lost;
      const waiter: Partial<Waiter> = {
        addedAt: Date.now(),
        retried: false,
        task,
        added: false,
        requeues: 0,
      };
      const outcome = new Promise<ArticleOutcome>((resolve, reject) => {
        Object.assign(waiter, { resolve, reject });
      });
      waiters.set(jobId, [...(waiters.get(jobId) ?? []), waiter as Waiter]);
      try {
        if (options.force) await clearFinishedJob(jobId);
        await queue.add(JOB_NAME, { task }, { ...JOB_OPTIONS, jobId });
        waiter.added = true;
      } catch (error) {
        const others = (waiters.get(jobId) ?? []).filter((other) => other !== waiter);
        if (others.length > 0) waiters.set(jobId, others);
        else waiters.delete(jobId);
        throw error;
      }
      // Already finished (a restarted batch): no event will come for it.
      settleQuietly(jobId);
      return outcome;
    },
    async close() {
      clearInterval(poll);
      for (const waiter of [...waiters.values()].flat())
        waiter.reject(new Error('the batch stopped waiting'));
      waiters.clear();
      await Promise.allSettled([events.close(), queue.close()]);
    },
  };
}

function isJobResult(value: unknown): value is OptimizeJobResult {
  const result = value as Partial<OptimizeJobResult> | null;
  return (
    typeof result?.slug === 'string' &&
    typeof result.markdown === 'string' &&
    typeof result.html === 'string' &&
    typeof result.reportJson === 'string'
  );
}

/** The queue and its events, both connected (or a `RedisUnreachableError` after `timeoutMs`). */
async function connectQueue(
  target: RedisTarget,
  queueName: string,
  timeoutMs: number,
  onGiveUp: (error: RedisConnectionLostError) => void,
): Promise<{ queue: OptimizeQueue; events: QueueEvents; dropConnections: () => void }> {
  const queue: OptimizeQueue = new Queue(queueName, { connection: connectionOptions(target, onGiveUp) });
  const events = new QueueEvents(queueName, { connection: connectionOptions(target, onGiveUp) });
  // Errors are reported through the jobs (or the lost connection); unhandled 'error' events would crash.
  queue.on('error', () => undefined);
  events.on('error', () => undefined);
  const dropConnections = () => {
    void queue.disconnect().catch(() => undefined);
    void events.disconnect().catch(() => undefined);
  };
  await withRedisTimeout(
    Promise.all([queue.waitUntilReady(), events.waitUntilReady()]),
    target,
    timeoutMs,
    dropConnections,
  );
  return { queue, events, dropConnections };
}

/**
 * Settles the waiters of a finished job from its state in Redis: its result, its error, another
 * chance for a job failed by an earlier run, or (a job Redis lost) the job enqueued again.
 */
function createSettler(
  queue: OptimizeQueue,
  waiters: Map<string, Waiter[]>,
  onNotice: ((message: string) => void) | undefined,
): (jobId: string) => Promise<void> {
  let lostNoticeGiven = false;
  const requeue = async (jobId: string, waiting: Waiter[]) => {
    const first = waiting[0];
    if (!first?.added) return;
    if (first.requeues >= MAX_REQUEUES) {
      waiters.delete(jobId);
      const error = new Error(
        `la tâche ${jobId.slice(0, 12)} a disparu de Redis ${MAX_REQUEUES + 1} fois : Redis perd ses données ?`,
      );
      for (const waiter of waiting) waiter.reject(error);
      return;
    }
    first.requeues += 1;
    if (!lostNoticeGiven) {
      lostNoticeGiven = true;
      onNotice?.('Redis a perdu des tâches (redémarré sans persistance ?) : elles sont remises dans la file');
    }
    // Same id: if another batch or poll re-added it meanwhile, this finds it instead of adding a second one.
    await queue.add(JOB_NAME, { task: first.task }, { ...JOB_OPTIONS, jobId });
  };

  // One settle at a time per job: the event and the poll may fire together.
  const settling = new Set<string>();
  const settle = async (jobId: string) => {
    if (!waiters.has(jobId) || settling.has(jobId)) return;
    settling.add(jobId);
    try {
      await settleOnce(jobId);
    } finally {
      settling.delete(jobId);
    }
  };
  const settleOnce = async (jobId: string) => {
    // State first, then the job: read the other way round, a job finishing in between would look
    // completed with no return value yet.
    const state = await queue.getJobState(jobId);
    if (state === 'unknown') {
      const waiting = waiters.get(jobId);
      if (waiting) await requeue(jobId, waiting);
      return;
    }
    if (state !== 'completed' && state !== 'failed') return;
    const job = await Job.fromId<OptimizeJobData, OptimizeJobResult>(queue, jobId);
    const waiting = waiters.get(jobId);
    if (!job || !waiting) return;
    if (state === 'completed') {
      waiters.delete(jobId);
      const result = job.returnvalue;
      for (const waiter of waiting) {
        if (isJobResult(result)) waiter.resolve(result);
        else
          waiter.reject(
            new Error(`job ${jobId.slice(0, 12)} returned no article: is the worker an older Plume?`),
          );
      }
    } else {
      const first = waiting[0];
      if (first && !first.retried && (job.finishedOn ?? 0) < first.addedAt) {
        // Failed in an earlier run (attempts spent): this run gives it its attempts again.
        first.retried = true;
        await job.retry('failed');
        return;
      }
      waiters.delete(jobId);
      for (const waiter of waiting) waiter.reject(decodeJobError(job.failedReason));
    }
  };
  return settle;
}
