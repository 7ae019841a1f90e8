import type { JobsOptions } from 'bullmq';
import type { ArticleOutcome, ArticleTask } from '../article-task.js';

/** Queue used when `--queue-name` is not given. */
export const DEFAULT_QUEUE_NAME = 'plume';
/** Name of every job (BullMQ's job name; one kind of job). */
export const JOB_NAME = 'optimize-article';

/** What a job carries: the article and the batch's options, so a worker on another machine needs no file. */
export interface OptimizeJobData {
  task: ArticleTask;
}

/** What a worker returns: the three files and what the batch summary shows. */
export type OptimizeJobResult = ArticleOutcome;

/**
 * Retries: 3 attempts with exponential backoff (2 s, then 4 s) for what may
 * pass (rate limits, provider outages); workers mark bad input as
 * unrecoverable, so it fails at once. Finished jobs stay a day, so a batch
 * restarted meanwhile collects their results instead of redoing them.
 */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Lock and stalled-job check of a worker. */
export interface WorkerTimings {
  /** A job whose worker has not renewed its lock for this long is stalled (default 30 000 ms). */
  lockDuration: number;
  /** How often a worker looks for stalled jobs to take back (default 30 000 ms). */
  stalledInterval: number;
  /** Times a job may stall (its worker dies) before it fails (default 2). */
  maxStalledCount: number;
}

/**
 * Timings from PLUME_QUEUE_LOCK_DURATION_MS and PLUME_QUEUE_STALLED_INTERVAL_MS
 * (whole milliseconds), else BullMQ's defaults. Tests shorten them so that the
 * job of a killed worker is taken back in a second or two.
 */
export function readWorkerTimings(env: NodeJS.ProcessEnv): WorkerTimings {
  return {
    lockDuration: readMilliseconds(env.PLUME_QUEUE_LOCK_DURATION_MS, 30_000),
    stalledInterval: readMilliseconds(env.PLUME_QUEUE_STALLED_INTERVAL_MS, 30_000),
    maxStalledCount: 2,
  };
}

/**
 * How long any Redis call at start-up (connect, ping, BullMQ's readiness)
 * may take: a Redis that accepts connections but never answers (stopped,
 * swapping) gets one line and exit 2 instead of a silent wait.
 */
export const DEFAULT_REDIS_TIMEOUT_MS = 5000;

/** PLUME_REDIS_TIMEOUT_MS (whole milliseconds, at least 1), else `DEFAULT_REDIS_TIMEOUT_MS`. */
export function readRedisTimeout(env: NodeJS.ProcessEnv): number {
  const value = readMilliseconds(env.PLUME_REDIS_TIMEOUT_MS, DEFAULT_REDIS_TIMEOUT_MS);
  return value > 0 ? value : DEFAULT_REDIS_TIMEOUT_MS;
}

function readMilliseconds(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
}

/** Errors cross the queue as `Name: message`, so the batch can tell bad input from a failure. */
export function encodeJobError(error: unknown): string {
  if (!(error instanceof Error)) return `Error: ${String(error)}`;
  return `${error.name}: ${error.message}`;
}

export function decodeJobError(reason: string | undefined): Error {
  const match = /^(\w+): ([\s\S]*)$/.exec(reason ?? '');
  const error = new Error(match?.[2] ?? reason ?? 'the job failed');
  error.name = match?.[1] ?? 'Error';
  if (error.name === 'InputError') Object.assign(error, { code: 'queued' });
  return error;
}
