import type { ArticleOutcome, ArticleTask, StagedArticleOutcome } from './article-task.js';

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
  /**
   * Optimizes one article and writes its files into `directory` under temporary names, hashed, off
   * the caller's thread (worker threads only): the batch then only renames them.
   */
  processStaged?(task: ArticleTask, jobId: string, directory: string): Promise<StagedArticleOutcome>;
  /** Releases threads and connections; articles in flight are abandoned. */
  close(): Promise<void>;
}
