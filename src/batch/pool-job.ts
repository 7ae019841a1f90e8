import type { AuditJob, OptimizeJob } from '../server/server-jobs.js';
import type { WriterProgress } from '../write/writer.js';
import type { ArticleTask } from './article-task.js';

/**
 * What a worker thread of the pool runs: plain data, so it crosses the thread boundary as is.
 * `article` is a batch article; `optimize` and `audit` are requests of `plume serve`.
 */
export type PoolJob =
  | {
      kind: 'article';
      task: ArticleTask /** Write the files into this folder, hashed (see `stageOutcome`). */;
      stageIn?: string;
    }
  | { kind: 'optimize'; input: OptimizeJob }
  | { kind: 'audit'; input: AuditJob };

/** Progress a job reports while it runs (the writer's stages). */
export type PoolJobProgress = WriterProgress;
