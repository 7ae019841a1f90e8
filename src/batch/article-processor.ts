import type { ArticleOutcome, ArticleTask } from './article-task.js';

/**
 * Where the articles of a batch are optimized: worker threads (offline), the
 * LLM writer on this thread, or a BullMQ queue served by `plume worker`s.
 */
export interface ArticleProcessor {
  /** Articles handed over at once; the batch reads its inputs this far ahead. */
  readonly concurrency: number;
  /** Where the articles run, for the report: « 4 worker threads », « queue "plume" at redis://… ». */
  readonly description: string;
  /**
   * Optimizes one article. `jobId` is its content hash: the queue uses it as
   * job id. Rejects with the article's error (`InputError`, `Llm*`…).
   */
  process(task: ArticleTask, jobId: string): Promise<ArticleOutcome>;
  /** Releases threads and connections; articles in flight are abandoned. */
  close(): Promise<void>;
}
