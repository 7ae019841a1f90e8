import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import { isValidSlug } from '../plan/slug-rule.js';

/** The resume manifest, in the output folder. */
export const MANIFEST_NAME = '.plume-batch.json';

/** The three files of an article, in the manifest's order. */
export const OUTPUT_EXTENSIONS = ['.md', '.html', '.report.json'] as const;

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

/** A base name: the slug, or `slug--tag` with a tag made of the same characters (see `output-names.ts`). */
const BASE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?$/;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * One entry as Plume writes it. Its file names are exactly `<base>.md`, `<base>.html`,
 * `<base>.report.json` with a base of lower-case ASCII and hyphens: an entry saying
 * `../../victim.md` is refused here, so no rename or delete ever reaches outside the folder.
 */
const manifestEntrySchema = z
  .object({
    hash: z.string().regex(SHA256),
    slug: z.string().refine(isValidSlug),
    base: z.string().max(200).regex(BASE_NAME),
    files: z
      .array(z.object({ name: z.string(), sha256: z.string().regex(SHA256) }))
      .length(OUTPUT_EXTENSIONS.length),
    passed: z.boolean(),
    failedConstraints: z.array(z.string()),
    words: z.number().nonnegative(),
    seoScore: z.number(),
    readabilityScore: z.number(),
    writer: z.string(),
    completedAt: z.string(),
    durationMs: z.number().nonnegative(),
  })
  .refine(
    (entry) =>
      (entry.base === entry.slug || entry.base.startsWith(`${entry.slug}--`)) &&
      entry.files.every((file, index) => file.name === `${entry.base}${OUTPUT_EXTENSIONS[index]}`),
  );

const manifestSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), z.unknown()),
});

/**
 * The manifest of `directory`; an absent one is empty. The manifest is Plume's own record
 * of what is done, not something the user wrote, so a damaged one never stops the batch
 * (a user would have to delete it by hand to go on, and gain nothing): an unreadable or
 * unknown file is started over, and an entry that does not match the schema is dropped,
 * each with a French warning. Dropping is safe: the articles concerned are redone, and
 * the files only a dropped entry named are left in place, never deleted or renamed.
 */
export async function readManifest(directory: string): Promise<{ manifest: Manifest; warning?: string }> {
  const path = join(directory, MANIFEST_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { manifest: emptyManifest() };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      manifest: emptyManifest(),
      warning: `${MANIFEST_NAME} n’est pas du JSON valide : tous les articles seront refaits`,
    };
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) {
    return {
      manifest: emptyManifest(),
      warning: `${MANIFEST_NAME} a un format inconnu : tous les articles seront refaits`,
    };
  }
  const entries: Record<string, ManifestEntry> = {};
  let dropped = 0;
  for (const [key, value] of Object.entries(manifest.data.entries)) {
    const entry = manifestEntrySchema.safeParse(value);
    if (entry.success) entries[key] = entry.data;
    else dropped += 1;
  }
  const result = { manifest: { version: 1 as const, generator: 'Plume' as const, entries } };
  if (dropped === 0) return result;
  return {
    ...result,
    warning: `${MANIFEST_NAME} : ${dropped} entrée${dropped > 1 ? 's' : ''} invalide${dropped > 1 ? 's' : ''} ignorée${dropped > 1 ? 's' : ''}, ${dropped > 1 ? 'ces articles seront refaits' : 'cet article sera refait'}`,
  };
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
