import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type ArticleOutcome,
  type ArticleTask,
  deserializeError,
  type SerializedError,
} from './article-task.js';
import { type BatchSitePages, registerSitePages } from './batch-site-pages.js';
import { type PoolJob, type PoolJobProgress, transferablesOf } from './pool-job.js';
import { runPoolJob } from './run-pool-job.js';
import { tuneCompilerForWorkerThreads } from './worker-compiler-flags.js';

/** Runs offline articles, each on a free worker thread (or on the calling thread, see `createArticlePool`). */
export interface ArticlePool {
  /** Articles optimized at once. */
  readonly size: number;
  /** `threads`, or `inline` when the worker script is not there (TypeScript sources under vitest). */
  readonly mode: 'threads' | 'inline';
  run(task: ArticleTask): Promise<ArticleOutcome>;
  /** Any job a worker thread knows (a batch article, a request of `plume serve`); its result as the worker returns it. */
  runJob(job: PoolJob, options?: RunJobOptions): Promise<unknown>;
  /** Stops the threads; articles still queued or running are rejected. */
  close(): Promise<void>;
}

export interface RunJobOptions {
  /**
   * Longest a thread may work on the job, in milliseconds (default: no limit). Past it the thread
   * is terminated and replaced, and the job fails with a `JobTimeLimitError`. Threads only: the
   * calling thread cannot be interrupted.
   */
  timeLimitMs?: number;
  /** Progress the job reports while it runs. */
  onProgress?: (progress: PoolJobProgress) => void;
  /** Aborting drops the job from the queue, or terminates (and replaces) the thread running it. */
  signal?: AbortSignal;
  /**
   * A long job (a large input): with two threads or more, heavy jobs never take the last free one, so a
   * short job behind a 5 MB article waits for a thread, never for the article (default false).
   */
  heavy?: boolean;
  /**
   * A job that may run for seconds (a large input): with `sendAhead`, it is not sent to wait in a busy
   * thread, and no job is sent to wait behind it (default false). Heavy jobs are long too. Unlike `heavy`,
   * it leaves every thread to such jobs: a batch of long articles keeps all its threads busy.
   */
  long?: boolean;
}

/** A job stopped at its time limit: the input needs more work than the caller allows. */
export class JobTimeLimitError extends Error {
  override readonly name = 'JobTimeLimitError';
  readonly timeLimitMs: number;

  constructor(timeLimitMs: number) {
    super(`the job was stopped after its time limit of ${timeLimitMs} ms`);
    this.timeLimitMs = timeLimitMs;
  }

  static isInstance(error: unknown): error is JobTimeLimitError {
    return error instanceof Error && error.name === 'JobTimeLimitError';
  }
}

export interface ArticlePoolOptions {
  /** Worker threads (default 1). */
  size?: number;
  /**
   * The worker script (default: `locateWorkerScript()`). `null`, or a script
   * that is not found, runs the articles on the calling thread, one at a time.
   */
  workerScript?: URL | null;
  /**
   * Nice value the worker threads give themselves (Linux; 0, the default, leaves them as they are). A
   * server lowers its threads' priority so the event loop that answers every request (« /api/health »)
   * keeps a core while a 5 MB article is optimized on a machine with two.
   */
  niceness?: number;
  /** The batch's site pages, given to each thread once when it starts (and to this thread). */
  sitePages?: BatchSitePages;
  /**
   * Sends a busy thread its next job before it is done (default false), so it starts that job at once
   * instead of idling until this thread reads its answer and posts another: 1–2 ms an article in a
   * batch on a loaded 2-core machine, a tenth of the article. Only a short job (not `heavy` or `long`)
   * without a time limit or signal goes ahead, never behind a long one (see `maySendAhead`). A server leaves it off: a queued request waits for the
   * first free thread, not behind the job of a thread that happened to be picked.
   */
  sendAhead?: boolean;
}

/** Given to each worker thread when it starts. */
export interface PoolWorkerData {
  /** See `ArticlePoolOptions.niceness`. */
  niceness: number;
  /** See `ArticlePoolOptions.sitePages`. */
  sitePages?: BatchSitePages;
}

/** Sent to a worker thread. */
export interface PoolRequest {
  id: number;
  job: PoolJob;
}

/** Sent back by a worker thread: `ready` once loaded, then progress and one answer per request. */
export type PoolResponse =
  | { ready: true; codeCache: boolean }
  | { id: number; progress: PoolJobProgress }
  | { id: number; outcome: unknown }
  | { id: number; error: SerializedError };

/** Threads that die before they are ready, in a row, before the pool gives up (a broken script, bad flags). */
const MAX_START_FAILURES = 3;

/** The bundled worker script (dist/bin/ is CommonJS: its ES modules are .mjs) and tsc's. */
export const WORKER_SCRIPT_NAME = 'optimize-worker-thread.mjs';
const TSC_WORKER_SCRIPT_NAME = 'optimize-worker-thread.js';

/**
 * The worker script: the bundled one, dist/bin/, when there is one (the pool
 * lives in the CLI's script, dist/bin/cli.cjs, or in tsc's dist/batch/ beside
 * it), else the one beside the running module (tsc's output alone). The bundled
 * one runs dist/bin/worker.cjs with its code cache; tsc's, 200 modules, starts
 * twice as slowly. Undefined when running from the TypeScript sources, where
 * only `optimize-worker-thread.ts` exists and a thread could not load it.
 */
export function locateWorkerScript(base: string | URL = import.meta.url): URL | undefined {
  const candidates = [
    new URL(`../bin/${WORKER_SCRIPT_NAME}`, base),
    new URL(`./${TSC_WORKER_SCRIPT_NAME}`, base),
  ];
  return candidates.find((script) => existsSync(fileURLToPath(script)));
}

export function createArticlePool(options: ArticlePoolOptions = {}): ArticlePool {
  const script = options.workerScript === undefined ? locateWorkerScript() : options.workerScript;
  // This thread too: the inline pool (and the LLM path) run articles here.
  if (options.sitePages) registerSitePages(options.sitePages);
  if (!script || !existsSync(fileURLToPath(script))) return createInlinePool();
  // Before the first thread starts (see worker-compiler-flags.ts).
  tuneCompilerForWorkerThreads();
  return createThreadPool(
    script,
    Math.max(1, options.size ?? 1),
    {
      niceness: options.niceness ?? 0,
      ...(options.sitePages ? { sitePages: options.sitePages } : {}),
    },
    options.sendAhead ?? false,
  );
}

interface PendingTask {
  id: number;
  job: PoolJob;
  options: RunJobOptions;
  resolve: (outcome: unknown) => void;
  reject: (error: Error) => void;
}

interface PoolThread {
  worker: Worker;
  /** The jobs sent to the thread, in order: the first runs, the next (`sendAhead`) waits in the thread. */
  jobs: PendingTask[];
  ready: boolean;
  /** The running job's time limit. */
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Whether a job may wait in a busy thread (`sendAhead`): once sent, it can no longer go to another thread,
 * be dropped when aborted, or have its time limit start when it starts.
 */
export function maySendAhead(options: RunJobOptions): boolean {
  return options.timeLimitMs === undefined && options.signal === undefined && !isLong(options);
}

/** A job that may run for seconds: `long`, or `heavy`. */
function isLong(options: RunJobOptions): boolean {
  return options.long === true || options.heavy === true;
}

function createThreadPool(
  script: URL,
  size: number,
  workerData: PoolWorkerData,
  sendAhead: boolean,
): ArticlePool {
  const queue: PendingTask[] = [];
  const threads = new Set<PoolThread>();
  let nextId = 0;
  let closed = false;
  let startFailures = 0;
  let broken: Error | undefined;

  const send = (thread: PoolThread, pending: PendingTask) => {
    thread.jobs.push(pending);
    const { timeLimitMs } = pending.options;
    // Only a job that runs at once has a time limit (see `maySendAhead`).
    if (timeLimitMs !== undefined) {
      thread.timer = setTimeout(() => replace(thread, new JobTimeLimitError(timeLimitMs)), timeLimitMs);
    }
    thread.worker.postMessage(
      { id: pending.id, job: pending.job } satisfies PoolRequest,
      transferablesOf(pending.job),
    );
  };

  const dispatch = () => {
    // Free threads first; then, with `sendAhead`, each busy thread its next job.
    for (const held of sendAhead ? [0, 1] : [0]) {
      for (const thread of threads) {
        // Not behind a long job: the next goes to whichever thread frees first.
        if (thread.jobs.length !== held || (held > 0 && isLong(thread.jobs[0]?.options ?? {}))) continue;
        const pending = held === 0 ? takeNextJob(queue, threads, size) : takeJobAhead(queue);
        if (!pending) break;
        send(thread, pending);
      }
    }
  };

  const drop = (thread: PoolThread, error: Error) =>
    dropJobs(thread, error, queue, broken ?? (closed ? poolClosedError() : undefined));

  /** Stops a thread in the middle of its job (time limit, abort): the job fails, a fresh thread takes its place. */
  const replace = (thread: PoolThread, error: Error) => {
    if (!threads.delete(thread)) return;
    drop(thread, error);
    void thread.worker.terminate();
    if (closed || broken) return;
    spawn();
    dispatch();
  };

  const spawn = () => {
    const worker = new Worker(script, { workerData });
    const thread: PoolThread = { worker, jobs: [], ready: false };
    threads.add(thread);
    worker.on('message', (response: PoolResponse) => {
      if ('ready' in response) {
        thread.ready = true;
        startFailures = 0;
        return;
      }
      if (deliver(thread, response)) dispatch();
    });
    // A thread that dies (out of memory, a bug) fails its article only; a fresh thread replaces it.
    const onDeath = (error: Error) => {
      if (!threads.delete(thread)) return;
      // A thread that cannot even start would be respawned forever: after a few, fail everything with its error.
      if (!closed && !broken && !thread.ready && ++startFailures >= MAX_START_FAILURES) {
        broken = new Error(`les fils de travail ne démarrent pas : ${error.message}`);
      }
      drop(thread, error);
      if (closed || broken) {
        for (const pending of queue.splice(0)) pending.reject(broken ?? error);
        return;
      }
      spawn();
      dispatch();
    };
    worker.on('error', onDeath);
    worker.on('exit', (code) =>
      onDeath(new Error(`un fil de travail s’est arrêté (code de sortie ${code})`)),
    );
  };

  const runJob = (job: PoolJob, options: RunJobOptions = {}): Promise<unknown> => {
    if (closed) return Promise.reject(poolClosedError());
    if (broken) return Promise.reject(broken);
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      queue.push(pendingTask(nextId++, job, options, { resolve, reject }, abort));
      dispatch();
    });
  };
  /** An aborted job leaves the queue, or its thread is stopped and replaced. */
  const abort = (pending: PendingTask) => {
    const reason = pending.options.signal?.reason;
    const queued = queue.indexOf(pending);
    if (queued !== -1) {
      queue.splice(queued, 1);
      pending.reject(reason);
      return;
    }
    // A job with a signal is never sent ahead (`maySendAhead`): if a thread has it, it is running it.
    for (const thread of threads) if (thread.jobs[0] === pending) replace(thread, reason);
  };

  for (let index = 0; index < size; index += 1) spawn();
  return {
    size,
    mode: 'threads',
    run: (task) => runJob({ kind: 'article', task }) as Promise<ArticleOutcome>,
    runJob,
    async close() {
      closed = true;
      await stopEverything(queue, threads);
    },
  };
}

/** Hands a thread's answer to its running job; true once the job is settled and the thread free for another. */
function deliver(thread: PoolThread, response: Exclude<PoolResponse, { ready: true }>): boolean {
  // The running job, the first: a thread answers its jobs in the order it was sent them.
  const pending = thread.jobs[0];
  if (!pending || pending.id !== response.id) return false;
  if ('progress' in response) {
    pending.options.onProgress?.(response.progress);
    return false;
  }
  thread.jobs.shift();
  clearTimeout(thread.timer);
  thread.timer = undefined;
  if ('outcome' in response) pending.resolve(response.outcome);
  else pending.reject(deserializeError(response.error));
  return true;
}

/**
 * A thread is gone (stopped by a time limit or an abort, or dead): its running job fails with `error`; the
 * jobs sent ahead to it, never started, go back to the front of the queue for the other threads, or fail
 * with `poolGone` once the pool is closed or broken.
 */
function dropJobs(thread: PoolThread, error: Error, queue: PendingTask[], poolGone: Error | undefined): void {
  clearTimeout(thread.timer);
  const [running, ...waiting] = thread.jobs.splice(0);
  running?.reject(error);
  if (poolGone === undefined) queue.unshift(...waiting);
  else for (const pending of waiting) pending.reject(poolGone);
}

function poolClosedError(): Error {
  return new Error('le groupe de fils de travail est fermé');
}

/** The next job a free thread may take: the first queued, unless it is heavy and only one thread is left for the others. */
function takeNextJob(
  queue: PendingTask[],
  threads: ReadonlySet<PoolThread>,
  size: number,
): PendingTask | undefined {
  let heavyRunning = 0;
  for (const thread of threads) if (thread.jobs[0]?.options.heavy) heavyRunning += 1;
  const heavyAllowed = size === 1 || heavyRunning < size - 1;
  const index = queue.findIndex((pending) => heavyAllowed || !pending.options.heavy);
  return index === -1 ? undefined : queue.splice(index, 1)[0];
}

/** The first queued job, for a busy thread (`sendAhead`), when it may wait there; the order is kept. */
function takeJobAhead(queue: PendingTask[]): PendingTask | undefined {
  const first = queue[0];
  return first !== undefined && maySendAhead(first.options) ? queue.shift() : undefined;
}

/** A job waiting for a thread; aborting its signal calls `onAbort` once, until it settles. */
function pendingTask(
  id: number,
  job: PoolJob,
  options: RunJobOptions,
  settle: { resolve: (outcome: unknown) => void; reject: (error: Error) => void },
  onAbort: (pending: PendingTask) => void,
): PendingTask {
  const { signal } = options;
  const aborted = () => onAbort(pending);
  const pending: PendingTask = {
    id,
    job,
    options,
    resolve: (outcome) => {
      signal?.removeEventListener('abort', aborted);
      settle.resolve(outcome);
    },
    reject: (error) => {
      signal?.removeEventListener('abort', aborted);
      settle.reject(error);
    },
  };
  signal?.addEventListener('abort', aborted, { once: true });
  return pending;
}

/** Closing: queued jobs and running ones are rejected, every thread terminated. */
async function stopEverything(queue: PendingTask[], threads: Set<PoolThread>): Promise<void> {
  for (const pending of queue.splice(0)) pending.reject(poolClosedError());
  const stopping = [...threads].map((thread) => {
    threads.delete(thread);
    clearTimeout(thread.timer);
    for (const pending of thread.jobs.splice(0)) pending.reject(poolClosedError());
    return thread.worker.terminate();
  });
  await Promise.all(stopping);
}

/** One article at a time on the calling thread: for the TypeScript sources, where no worker script exists. */
function createInlinePool(): ArticlePool {
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;
  const runJob = (job: PoolJob, options: RunJobOptions = {}): Promise<unknown> => {
    if (closed) return Promise.reject(poolClosedError());
    const run = chain.then(async () => {
      if (closed) throw poolClosedError();
      options.signal?.throwIfAborted();
      return runPoolJob(job, options.onProgress ?? (() => {}));
    });
    chain = run.catch(() => undefined);
    return run;
  };
  return {
    size: 1,
    mode: 'inline',
    run: (task) => runJob({ kind: 'article', task }) as Promise<ArticleOutcome>,
    runJob,
    async close() {
      closed = true;
    },
  };
}
