import { runAuditJob, runOptimizeJob } from '../server/server-jobs.js';
import type { PoolJob, PoolJobProgress } from './pool-job.js';
import { runArticleTask } from './run-article-task.js';
import { createStagingFiles, stageOutcome } from './stage-outcome.js';

/** Runs one job of the pool, on a worker thread or (inline pool) on the calling thread. */
export function runPoolJob(job: PoolJob, onProgress: (progress: PoolJobProgress) => void): Promise<unknown> {
  switch (job.kind) {
    case 'article': {
      if (job.stageIn === undefined) return runArticleTask(job.task);
      // The files are created while the article is optimized (see `createStagingFiles`).
      const files = createStagingFiles(job.stageIn);
      return runArticleTask(job.task).then(
        (outcome) => stageOutcome(outcome, files),
        async (error: unknown) => {
          await files.discard();
          throw error;
        },
      );
    }
    case 'optimize':
      return runOptimizeJob(job.input, { onProgress });
    case 'audit':
      return runAuditJob(job.input);
    case 'request':
      // Loaded on first use: batch threads never need the server's request validation.
      return import('../server/pooled-request.js').then(({ runPooledRequest }) =>
        runPooledRequest(job.request, { onProgress }),
      );
  }
}
