import { randomBytes } from 'node:crypto';
import { readSync } from 'node:fs';
import { type FileHandle, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Results written to the log at once; the batch never holds more than this many in memory. */
export const RESULTS_PER_WRITE = 128;

/** Where a result's JSON lies in the log: offset × LENGTH_RANGE + length, one number per input. */
const LENGTH_RANGE = 2 ** 21;

/**
 * The results of a batch, one per input, written to a temporary file of the output folder as they
 * come (a slice at a time) and read back in the order of the inputs' names for the report: a batch of
 * 100,000 articles holds one number per input, not 100,000 results. A run killed before its end
 * leaves the file under a temporary name, removed at the next start.
 */
export class BatchResultLog<Result> {
  /** Input indexes sorted by name: the report's order. */
  private readonly order: Uint32Array;
  /** Input index -> where its result is in the file (-1: none yet). */
  private readonly places: Float64Array;
  private pending = '';
  private pendingCount = 0;
  private offset = 0;
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly handle: FileHandle,
    readonly path: string,
    names: readonly string[],
  ) {
    this.order = Uint32Array.from(names.keys()).sort((left, right) =>
      (names[left] ?? '') < (names[right] ?? '') ? -1 : 1,
    );
    this.places = new Float64Array(names.length).fill(-1);
  }

  /** A new log in `directory` for inputs shown as `names` (the report sorts on them). */
  static async create<Result>(directory: string, names: readonly string[]): Promise<BatchResultLog<Result>> {
    const path = join(directory, `.plume-batch.results.${randomBytes(6).toString('hex')}.tmp`);
    return new BatchResultLog<Result>(await open(path, 'wx+'), path, names);
  }

  /** Results recorded but not yet written to the file. */
  get held(): number {
    return this.pendingCount;
  }

  /** True once a result was recorded for input `index`. */
  has(index: number): boolean {
    return (this.places[index] ?? -1) >= 0;
  }

  record(index: number, result: Result): void {
    const json = JSON.stringify(result);
    const bytes = Buffer.byteLength(json);
    this.places[index] = this.offset * LENGTH_RANGE + bytes;
    this.offset += bytes + 1;
    this.pending += `${json}\n`;
    this.pendingCount += 1;
    if (this.pendingCount >= RESULTS_PER_WRITE) this.write();
  }

  private write(): void {
    const text = this.pending;
    this.pending = '';
    this.pendingCount = 0;
    const previous = this.writing;
    // A failed write fails `finish`, and with it the report: never a report missing articles.
    this.writing = previous.then(() => this.handle.write(text));
  }

  /** Writes what is still held; call before `inOrder`. */
  async finish(): Promise<void> {
    if (this.pendingCount > 0) this.write();
    await this.writing;
  }

  /** Recorded results, by input name, with their input's index. */
  *inOrder(): Generator<[number, Result]> {
    for (const index of this.order) {
      const place = this.places[index] ?? -1;
      if (place < 0) continue;
      const length = place % LENGTH_RANGE;
      const bytes = Buffer.allocUnsafe(length);
      readSyncFully(this.handle.fd, bytes, (place - length) / LENGTH_RANGE);
      yield [index, JSON.parse(bytes.toString('utf8')) as Result];
    }
  }

  /** Closes and removes the file. */
  async close(): Promise<void> {
    await this.writing.catch(() => undefined);
    await this.handle.close().catch(() => undefined);
    await unlink(this.path).catch(() => undefined);
  }
}

function readSyncFully(descriptor: number, bytes: Buffer, position: number): void {
  let done = 0;
  while (done < bytes.length) {
    const read = readSync(descriptor, bytes, done, bytes.length - done, position + done);
    if (read === 0) throw new Error('batch result log cut short');
    done += read;
  }
}
