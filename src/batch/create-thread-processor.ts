import type { ArticleProcessor } from './article-processor.js';
import type { StagedArticleOutcome } from './article-task.js';
import { type ArticlePoolOptions, createArticlePool } from './thread-pool.js';

/**
 * Offline articles on worker threads. Twice as many articles as threads are
 * handed over, so a thread never waits while this one reads inputs; the threads
 * write and hash the outputs themselves (`processStaged`), this one renames them.
 */
export function createThreadProcessor(options: ArticlePoolOptions): ArticleProcessor & { mode: string } {
  const pool = createArticlePool(options);
  return {
    mode: pool.mode,
    concurrency: pool.size * 2,
    description:
      pool.mode === 'threads'
        ? `${pool.size} worker thread${pool.size > 1 ? 's' : ''}`
        : 'the main thread (no worker script)',
    process: (task) => pool.run(task),
    processStaged: (task, _jobId, directory) =>
      pool.runJob({ kind: 'article', task, stageIn: directory }) as Promise<StagedArticleOutcome>,
    close: () => pool.close(),
  };
}
