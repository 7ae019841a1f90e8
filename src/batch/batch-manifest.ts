import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './write-file-atomic.js';

/** The resume manifest, in the output folder. */
export const MANIFEST_NAME = '.plume-batch.json';

export interface ManifestFile {
  /** File name in the output folder. */
  name: string;
  /** SHA-256 of its content, hex. */
  sha256: string;
}

/** One article done: what it was made from, what it wrote, and what the summary shows again on a rerun. */
export interface ManifestEntry {
  /** Content hash of input bytes + options + writer (see `hashArticleJob`). */
  hash: string;
  slug: string;
  /** Output file names without extension: the slug, or `slug--tag` when several inputs share the slug. */
  base: string;
  /** The `.md`, `.html` and `.report.json` files, in this order. */
  files: ManifestFile[];
  passed: boolean;
  failedConstraints: string[];
  words: number;
  seoScore: number;
  readabilityScore: number;
  writer: string;
  /** When the article was written (ISO 8601). */
  completedAt: string;
  /** Time spent on the article, in ms. */
  durationMs: number;
}

export interface Manifest {
  version: 1;
  generator: 'Plume';
  /** By input path, relative to the output folder (so moving both together keeps the manifest valid). */
  entries: Record<string, ManifestEntry>;
}

export function emptyManifest(): Manifest {
  return { version: 1, generator: 'Plume', entries: {} };
}

/** The manifest of `directory`; an absent or unreadable one is empty (then every article is redone). */
export async function readManifest(directory: string): Promise<{ manifest: Manifest; warning?: string }> {
  const path = join(directory, MANIFEST_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { manifest: emptyManifest() };
  }
  try {
    const parsed = JSON.parse(text) as Partial<Manifest>;
    if (parsed.version !== 1 || typeof parsed.entries !== 'object' || parsed.entries === null) {
      return { manifest: emptyManifest(), warning: `${MANIFEST_NAME} has an unknown format: starting over` };
    }
    return { manifest: { version: 1, generator: 'Plume', entries: parsed.entries } };
  } catch {
    return { manifest: emptyManifest(), warning: `${MANIFEST_NAME} is not valid JSON: starting over` };
  }
}

export interface ManifestStoreOptions {
  /**
   * Least time between two writes, in ms (default 50). The actual gap is at
   * least four times the last write's duration too, so that rewriting a large
   * manifest never takes more than a fifth of the main thread.
   */
  minIntervalMs?: number;
  /** Clock in ms (default `performance.now`). */
  now?: () => number;
}

/**
 * Holds the manifest in memory and writes it atomically (temporary file, then
 * rename). `flush()` resolves once a write holding every change made before
 * the call is in place. Changes that arrive while a write runs or waits share
 * the next one (group commit): a batch of thousands of articles rewrites the
 * file a few times a second, not once per article.
 */
export class ManifestStore {
  readonly path: string;
  private readonly manifest: Manifest;
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private writing: Promise<void> = Promise.resolve();
  private next: Promise<void> | undefined;
  private nextWriteAt = 0;

  constructor(directory: string, manifest: Manifest, options: ManifestStoreOptions = {}) {
    this.path = join(directory, MANIFEST_NAME);
    this.manifest = manifest;
    this.minIntervalMs = options.minIntervalMs ?? 50;
    this.now = options.now ?? (() => performance.now());
  }

  get entries(): Readonly<Record<string, ManifestEntry>> {
    return this.manifest.entries;
  }

  get(key: string): ManifestEntry | undefined {
    return this.manifest.entries[key];
  }

  set(key: string, entry: ManifestEntry): void {
    this.manifest.entries[key] = entry;
  }

  delete(key: string): void {
    delete this.manifest.entries[key];
  }

  flush(): Promise<void> {
    if (!this.next) {
      this.next = this.writing
        .catch(() => undefined)
        .then(() => wait(this.nextWriteAt - this.now()))
        .then(() => {
          this.next = undefined;
          const started = this.now();
          // The snapshot is taken now: every change made before this point is in this write.
          this.writing = writeFileAtomic(this.path, `${JSON.stringify(this.manifest)}\n`).finally(() => {
            const finished = this.now();
            this.nextWriteAt = finished + Math.max(this.minIntervalMs, 4 * (finished - started));
          });
          return this.writing;
        });
    }
    return this.next;
  }
}

function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
