import type { ArticleProcessor } from './article-processor.js';
import { type ArticlePoolOptions, createArticlePool } from './thread-pool.js';

/**
 * Offline articles on worker threads. Twice as many articles as threads are
 * handed over, so a thread never waits while this one reads inputs and writes
 * outputs.
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
    close: () => pool.close(),
  };
}
