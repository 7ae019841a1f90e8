import type { PooledRequest } from '../server/pooled-request.js';
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
  | { kind: 'audit'; input: AuditJob }
  /** A large JSON request of `plume serve`, from its raw body (see `PooledRequest`). */
  | { kind: 'request'; request: PooledRequest };

/** Progress a job reports while it runs (the writer's stages). */
export type PoolJobProgress = WriterProgress;

/**
 * The buffers of a job or of its outcome that can move to the other thread instead of being copied:
 * a request's body, a response's bytes, when they own their whole memory (never a slice of a pool).
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const holder = value as { kind?: unknown; request?: { body?: unknown }; body?: unknown } | null;
  const bytes =
    holder?.kind === 'request' ? holder.request?.body : holder?.kind === 'body' ? holder.body : undefined;
  if (!(bytes instanceof Uint8Array) || !(bytes.buffer instanceof ArrayBuffer)) return [];
  const owns = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return owns ? [bytes.buffer] : [];
}
