import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { appendFile, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isValidSlug } from '../plan/slug-rule.js';

/** The resume manifest, in the output folder. */
export const MANIFEST_NAME = '.plume-batch.json';
/**
 * Changes since the manifest was last written whole, one JSON line each (`{"key", "entry"}`, `entry`
 * null for a removal): a batch appends what each article changed instead of rewriting every entry,
 * and writes the manifest whole once, at the end. Read back over the manifest, in order.
 */
export const JOURNAL_NAME = '.plume-batch.journal';

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
    // A first run killed before its end leaves only the journal.
    const manifest = emptyManifest();
    const dropped = await replayJournal(directory, manifest.entries);
    return dropped === 0 ? { manifest } : { manifest, warning: droppedWarning(dropped) };
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
  dropped += await replayJournal(directory, entries);
  const result = { manifest: { version: 1 as const, generator: 'Plume' as const, entries } };
  if (dropped === 0) return result;
  return { ...result, warning: droppedWarning(dropped) };
}

function droppedWarning(dropped: number): string {
  return `${MANIFEST_NAME} : ${dropped} entrée${dropped > 1 ? 's' : ''} invalide${dropped > 1 ? 's' : ''} ignorée${dropped > 1 ? 's' : ''}, ${dropped > 1 ? 'ces articles seront refaits' : 'cet article sera refait'}`;
}

/**
 * Applies the journal's lines to `entries`, in order; returns how many entries were invalid. The last
 * line of a run killed while appending may be cut: it is skipped, its article redone.
 */
async function replayJournal(directory: string, entries: Record<string, ManifestEntry>): Promise<number> {
  let text: string;
  try {
    text = await readFile(join(directory, JOURNAL_NAME), 'utf8');
  } catch {
    return 0;
  }
  let dropped = 0;
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    let change: { key?: unknown; entry?: unknown };
    try {
      change = JSON.parse(line) as { key?: unknown; entry?: unknown };
    } catch {
      if (index < lines.length - 1 && lines.slice(index + 1).some((later) => later !== '')) dropped += 1;
      continue;
    }
    if (typeof change.key !== 'string' || change.key === '__proto__') {
      dropped += 1;
      continue;
    }
    if (change.entry === null) {
      delete entries[change.key];
      continue;
    }
    const entry = manifestEntrySchema.safeParse(change.entry);
    if (entry.success) entries[change.key] = entry.data;
    else {
      delete entries[change.key];
      dropped += 1;
    }
  }
  return dropped;
}

export interface ManifestStoreOptions {
  /**
   * Least time between two appends to the journal, in ms (default 50): changes that arrive meanwhile
   * share the next one.
   */
  minIntervalMs?: number;
  /** Clock in ms (default `performance.now`). */
  now?: () => number;
}

/** Where an entry's JSON lies in a file: offset × LENGTH_RANGE + length, one number per entry. */
const LENGTH_RANGE = 2 ** 21;

function locate(offset: number, length: number): number {
  return offset * LENGTH_RANGE + length;
}

/**
 * Holds the manifest. `flush()` appends the entries changed since the last flush to the journal and
 * resolves once they are there (changes that arrive while an append runs or waits share the next
 * one: group commit); `compact()` writes the whole manifest atomically (temporary file, then rename)
 * and removes the journal. A batch of 100,000 articles thus writes each entry about twice, not the
 * whole manifest a few times a second.
 *
 * Once an entry is in the journal or the compacted manifest, only its place in that file is kept in
 * memory (one number), and `get` reads it back: the entries of a batch of 100,000 articles are not
 * held. The entries read from the previous manifest stay in memory until the first `compact()`.
 */
export class ManifestStore {
  readonly path: string;
  readonly journalPath: string;
  /** Entries of the manifest read at start, until the first compaction. */
  private loaded: Record<string, ManifestEntry>;
  /** Changes not yet in a file (`null`: removed). */
  private readonly memory = new Map<string, ManifestEntry | null>();
  /** Key -> place of its latest entry in the journal, or in the manifest as last compacted. */
  private inJournal = new Map<string, number>();
  private inManifest = new Map<string, number>();
  /** Open file descriptors for reading entries back, by path. */
  private readonly readers = new Map<string, number>();
  /** Bytes in the journal; unknown until the first append (a killed run may have left one). */
  private journalSize: number | undefined;
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  /** Keys changed since the last append. */
  private changed = new Set<string>();
  private writing: Promise<void> = Promise.resolve();
  private next: Promise<void> | undefined;
  private nextWriteAt = 0;

  constructor(directory: string, manifest: Manifest, options: ManifestStoreOptions = {}) {
    this.path = join(directory, MANIFEST_NAME);
    this.journalPath = join(directory, JOURNAL_NAME);
    this.loaded = manifest.entries;
    this.minIntervalMs = options.minIntervalMs ?? 50;
    this.now = options.now ?? (() => performance.now());
  }

  /** Entries not yet written to a file: what the store holds besides one number per key. */
  get entriesInMemory(): number {
    return this.memory.size;
  }

  /** Every entry, in the manifest's order (kept entries first, then new ones as they came). */
  *all(): Generator<[string, ManifestEntry]> {
    for (const key of Object.keys(this.loaded)) yield* this.present(key);
    for (const key of this.inManifest.keys()) {
      if (!Object.hasOwn(this.loaded, key)) yield* this.present(key);
    }
    for (const key of this.inJournal.keys()) {
      if (!Object.hasOwn(this.loaded, key) && !this.inManifest.has(key)) yield* this.present(key);
    }
    for (const key of this.memory.keys()) {
      if (!Object.hasOwn(this.loaded, key) && !this.inManifest.has(key) && !this.inJournal.has(key)) {
        yield* this.present(key);
      }
    }
  }

  private *present(key: string): Generator<[string, ManifestEntry]> {
    const entry = this.get(key);
    if (entry) yield [key, entry];
  }

  get(key: string): ManifestEntry | undefined {
    const changed = this.memory.get(key);
    if (changed !== undefined) return changed ?? undefined;
    const journaled = this.inJournal.get(key);
    if (journaled !== undefined) return this.read(this.journalPath, journaled);
    const compacted = this.inManifest.get(key);
    if (compacted !== undefined) return this.read(this.path, compacted);
    return Object.hasOwn(this.loaded, key) ? this.loaded[key] : undefined;
  }

  set(key: string, entry: ManifestEntry): void {
    this.memory.set(key, entry);
    this.changed.add(key);
  }

  delete(key: string): void {
    this.memory.set(key, null);
    this.changed.add(key);
  }

  flush(): Promise<void> {
    if (!this.next) {
      this.next = this.writing
        .catch(() => undefined)
        .then(() => wait(this.nextWriteAt - this.now()))
        .then(() => {
          this.next = undefined;
          // The changes are taken now: every change made before this point is in this append.
          const taken = [...this.changed].map((key) => [key, this.memory.get(key) ?? null] as const);
          this.changed = new Set();
          this.writing = this.append(taken).finally(() => {
            this.nextWriteAt = this.now() + this.minIntervalMs;
          });
          return this.writing;
        });
    }
    return this.next;
  }

  /** Appends one line per change; then each entry still current is read from the journal, not held. */
  private async append(taken: readonly (readonly [string, ManifestEntry | null])[]): Promise<void> {
    if (taken.length === 0) return;
    let offset =
      this.journalSize ??
      (await stat(this.journalPath).then(
        (info) => info.size,
        () => 0,
      ));
    const placed: number[] = [];
    let lines = '';
    for (const [key, entry] of taken) {
      const prefix = `{"key":${JSON.stringify(key)},"entry":`;
      const json = JSON.stringify(entry);
      const prefixBytes = Buffer.byteLength(prefix);
      const jsonBytes = Buffer.byteLength(json);
      placed.push(locate(offset + prefixBytes, jsonBytes));
      offset += prefixBytes + jsonBytes + 2;
      lines += `${prefix}${json}}\n`;
    }
    try {
      await appendFile(this.journalPath, lines);
    } catch (error) {
      this.journalSize = undefined;
      throw error;
    }
    this.journalSize = offset;
    for (const [index, [key, entry]] of taken.entries()) {
      // Changed again while the append ran: the newer change stays in memory for the next one.
      if (this.memory.get(key) !== entry) continue;
      this.memory.delete(key);
      if (entry === null) {
        this.inJournal.delete(key);
        this.inManifest.delete(key);
        delete this.loaded[key];
      } else {
        this.inJournal.set(key, placed[index] ?? 0);
      }
    }
  }

  private read(path: string, location: number): ManifestEntry {
    const length = location % LENGTH_RANGE;
    const offset = (location - length) / LENGTH_RANGE;
    let descriptor = this.readers.get(path);
    if (descriptor === undefined) {
      descriptor = openSync(path, 'r');
      this.readers.set(path, descriptor);
    }
    const bytes = Buffer.allocUnsafe(length);
    readSync(descriptor, bytes, 0, length, offset);
    return JSON.parse(bytes.toString('utf8')) as ManifestEntry;
  }

  private closeReader(path: string): void {
    const descriptor = this.readers.get(path);
    if (descriptor === undefined) return;
    this.readers.delete(path);
    closeSync(descriptor);
  }

  /** Closes the files entries are read back from; `get` reopens them if called again. */
  close(): void {
    for (const path of [...this.readers.keys()]) this.closeReader(path);
  }

  /** Writes the whole manifest, a slice of entries at a time (no one string of it all), then drops the journal. */
  async compact(): Promise<void> {
    await (this.next ?? this.writing).catch(() => undefined);
    await this.writing.catch(() => undefined);
    const temporary = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temporary, 'wx');
    const written = new Map<string, number>();
    try {
      const head = '{"version":1,"generator":"Plume","entries":{';
      let offset = Buffer.byteLength(head);
      let chunk = head;
      let first = true;
      for (const [key, entry] of this.all()) {
        const prefix = `${first ? '' : ','}${JSON.stringify(key)}:`;
        const json = JSON.stringify(entry);
        const prefixBytes = Buffer.byteLength(prefix);
        const jsonBytes = Buffer.byteLength(json);
        written.set(key, locate(offset + prefixBytes, jsonBytes));
        offset += prefixBytes + jsonBytes;
        chunk += `${prefix}${json}`;
        first = false;
        if (chunk.length > 1 << 20) {
          await handle.write(chunk);
          chunk = '';
        }
      }
      await handle.write(`${chunk}}}\n`);
      await handle.close();
      await rename(temporary, this.path);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    // Every entry is now read back from the new manifest: the previous file and the journal are gone.
    this.closeReader(this.path);
    this.closeReader(this.journalPath);
    this.inManifest = written;
    this.inJournal = new Map();
    this.loaded = {};
    this.memory.clear();
    this.changed.clear();
    this.journalSize = await unlink(this.journalPath).then(
      () => 0,
      (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 0 : undefined),
    );
  }
}

function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
