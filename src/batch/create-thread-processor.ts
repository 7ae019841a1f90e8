import type { ArticleProcessor } from './article-processor.js';
import type { ArticleOutcome, ArticleTask, StagedArticleOutcome } from './article-task.js';
import { LARGE_INPUT_SIZE } from './large-input-size.js';
import { type ArticlePoolOptions, createArticlePool, type RunJobOptions } from './thread-pool.js';

/**
 * Offline articles on worker threads. Each thread is sent its next article while it works on one
 * (`sendAhead`), and a third per thread is being read or renamed here, so a thread never waits for this
 * one; the threads write and hash the outputs themselves (`processStaged`), this one renames them.
 */
export function createThreadProcessor(options: ArticlePoolOptions): ArticleProcessor & { mode: string } {
  const pool = createArticlePool({ ...options, sendAhead: true });
  return {
    mode: pool.mode,
    concurrency: pool.size * 3,
    description:
      pool.mode === 'threads'
        ? `${pool.size} worker thread${pool.size > 1 ? 's' : ''}`
        : 'the main thread (no worker script)',
    // `plume worker` (the queue) calls `process`, a batch `processStaged`.
    process: (task) =>
      pool.runJob({ kind: 'article', task }, articleJobOptions(task)) as Promise<ArticleOutcome>,
    processStaged: (task, _jobId, directory) =>
      pool.runJob(
        { kind: 'article', task, stageIn: directory },
        articleJobOptions(task),
      ) as Promise<StagedArticleOutcome>,
    close: () => pool.close(),
  };
}

/** No article waits in a thread behind a long one (see `sendAhead`). */
function articleJobOptions(task: ArticleTask): RunJobOptions {
  return { long: task.text.length >= LARGE_INPUT_SIZE };
}
