import { createHash } from 'node:crypto';
import type { BatchArticleOptions } from './article-task.js';

/** Bumped when the hash's recipe changes, so old manifests are redone rather than misread. */
const HASH_VERSION = 'plume-batch/1';

/**
 * The content hash of one article's job: SHA-256 of the input bytes, the
 * batch options (canonical JSON, keys sorted) and the writer's name. Same
 * hash, same outputs: a rerun skips the article, and the queue uses it as job
 * id so a restarted batch never enqueues an article twice.
 */
export function hashArticleJob(bytes: Uint8Array, options: BatchArticleOptions, writerName: string): string {
  return createHash('sha256')
    .update(`${HASH_VERSION}\0${canonicalJson(options)}\0${writerName}\0`)
    .update(bytes)
    .digest('hex');
}

/** SHA-256 of a file's content, hex. */
export function hashContent(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** JSON with object keys sorted and undefined fields left out: equal options, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
