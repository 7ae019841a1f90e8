import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { writeOutputFiles } from '../cli/write-output-files.js';
import { classifyError } from '../errors/classify-error.js';
import { decodeSource, tooLargeError } from '../ingest/decode-source.js';
import { InputError, MAX_INPUT_BYTES } from '../ingest/input-error.js';
import { OutputError, toOutputError } from '../io/output-error.js';
import { resolveInside } from '../io/write-file-atomic.js';
import { isValidSlug } from '../plan/slug-rule.js';
import type { WriterStats } from '../write/writer.js';
import type { ArticleProcessor } from './article-processor.js';
import type {
  ArticleOutcome,
  BatchArticleOptions,
  StagedArticleOutcome,
  StagedFile,
} from './article-task.js';
import { lockOutputDirectory, removeStaleTemporaryFiles } from './batch-lock.js';
import {
  type ManifestEntry,
  type ManifestFile,
  ManifestStore,
  OUTPUT_EXTENSIONS,
  readManifest,
} from './batch-manifest.js';
import { BatchResultLog } from './batch-result-log.js';
import { hashArticleJob, hashContent } from './content-hash.js';
import { candidateBaseNames, detached, SlugGroup } from './output-names.js';
import { discardStaged, STAGED_NAME } from './stage-outcome.js';
import { readBatchReportArticles, writeBatchReport } from './write-batch-report.js';

/** The batch report, beside the articles. */
export const BATCH_REPORT_NAME = 'batch-report.json';

export interface RunBatchOptions {
  /** Articles to optimize (absolute paths), as `collectInputs` found them. */
  files: readonly string[];
  /** Arguments that matched nothing (absolute paths): each is reported as an article that failed. */
  missing?: readonly string[];
  /** Where the articles, the manifest and the report go (absolute or relative to `cwd`). */
  outputDirectory: string;
  /** Base of the paths shown in the summary (default `process.cwd()`). */
  cwd?: string;
  options: BatchArticleOptions;
  /** Date for articles with neither `options.date` nor a source date, YYYY-MM-DD. */
  defaultDate: string;
  /** Writer name hashed with each input: `offline`, `provider:model`, or `queue`. */
  writerName: string;
  processor: ArticleProcessor;
  /** Redo every article, even those the manifest says are done (default false). */
  force?: boolean;
  /** Stops handing out articles; those in flight are abandoned (the processor is closed by the caller). */
  signal?: AbortSignal;
  onEvent?: (event: BatchEvent) => void;
  /** Clock in ms (default `Date.now`). */
  now?: () => number;
  /**
   * Called after each result is recorded with what the batch holds in memory (tests: the memory
   * bound). `results`: results not yet written to the result log; `entries`: manifest entries not yet
   * in the journal.
   */
  onHeld?: (held: { results: number; entries: number }) => void;
}

export type ArticleStatus = 'written' | 'skipped' | 'error';

/** One line of the summary and of batch-report.json. */
export interface BatchArticleResult {
  /** The input as given (relative to the working directory). */
  input: string;
  status: ArticleStatus;
  slug?: string;
  /** Output files (names in the output folder). */
  files?: string[];
  passed?: boolean;
  failedConstraints?: string[];
  words?: number;
  seoScore?: number;
  readabilityScore?: number;
  writer?: string;
  /** Why it could not be processed. */
  error?: string;
  /** `input` for a bad input (missing, empty, binary…), `internal` for anything else. */
  errorKind?: 'input' | 'internal';
  durationMs: number;
}

export interface BatchTotals {
  articles: number;
  written: number;
  skipped: number;
  /** Written or skipped, and every hard constraint holds. */
  passed: number;
  /** Written or skipped, but a hard constraint failed. */
  constraintFailed: number;
  errors: number;
}

export interface BatchReport {
  generator: 'Plume';
  version: 1;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  outputDirectory: string;
  options: BatchArticleOptions;
  writer: string;
  /** Where the articles ran (`ArticleProcessor.description`). */
  processor: string;
  /** True when Ctrl-C stopped the batch: the articles not listed were not processed. */
  interrupted: boolean;
  totals: BatchTotals;
  /** LLM spending of the articles written in this run (zeros offline). */
  writerStats: Omit<WriterStats, 'notes' | 'repairRounds'>;
  /**
   * One result per input, sorted by input. The report `runBatch` returns does not hold them: they
   * are read back from batch-report.json when this is read (see `readBatchReportArticles`).
   */
  articles: BatchArticleResult[];
}

export type BatchEvent =
  | { type: 'start'; total: number }
  | { type: 'warning'; message: string }
  | { type: 'article'; result: BatchArticleResult; completed: number; total: number; totals: BatchTotals };

/**
 * Optimizes a set of articles into one folder, resumably: each article's
 * outputs are written atomically, then recorded in the manifest (hash of input,
 * options and writer, plus the outputs' hashes); an article whose record
 * matches is skipped. One article's failure never stops the others.
 */
export async function runBatch(options: RunBatchOptions): Promise<BatchReport> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const cwd = options.cwd ?? process.cwd();
  const outputDirectory = resolve(cwd, options.outputDirectory);
  const outputInfo = await stat(outputDirectory).catch(() => null);
  if (outputInfo && !outputInfo.isDirectory()) {
    throw new InputError('not-a-file', `${options.outputDirectory} existe et n’est pas un dossier.`);
  }
  // A folder Plume cannot create or write to (read-only, not ours, under a file) is the user's to fix: exit 2.
  const unlock = await mkdir(outputDirectory, { recursive: true })
    .then(() => lockOutputDirectory(outputDirectory))
    .catch((error: unknown) => {
      throw toOutputError(error, outputDirectory) ?? error;
    });
  try {
    await removeStaleTemporaryFiles(outputDirectory);
    const { manifest, warning } = await readManifest(outputDirectory);
    if (warning) options.onEvent?.({ type: 'warning', message: warning });
    const store = new ManifestStore(outputDirectory, manifest);
    const session = new BatchSession(options, outputDirectory, cwd, store);
    const log = await BatchResultLog.create<BatchArticleResult>(outputDirectory, session.names());
    try {
      await session.run(log);
      await log.finish();
      const report = await writeReport(options, session, cwd, outputDirectory, startedAt);
      // A worker thread stopped mid-article (time limit, pool closing) leaves the staged files it had
      // created; every article is written now and the folder is still locked, so none is in use.
      await removeStaleTemporaryFiles(outputDirectory, { keep: basename(log.path) });
      return report;
    } finally {
      store.close();
      await log.close();
    }
  } finally {
    await unlock();
  }
}

/** Writes batch-report.json from the result log, one article at a time; returns it without its articles. */
async function writeReport(
  options: RunBatchOptions,
  session: BatchSession,
  cwd: string,
  outputDirectory: string,
  startedAt: number,
): Promise<BatchReport> {
  const finishedAt = (options.now ?? Date.now)();
  const report: Omit<BatchReport, 'articles'> = {
    generator: 'Plume',
    version: 1,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(finishedAt).toISOString(),
    durationMs: finishedAt - startedAt,
    outputDirectory: relative(cwd, outputDirectory) || '.',
    options: options.options,
    writer: options.writerName,
    processor: options.processor.description,
    interrupted: options.signal?.aborted === true,
    totals: session.totals(),
    writerStats: session.writerStats,
  };
  const reportPath = join(outputDirectory, BATCH_REPORT_NAME);
  await writeBatchReport(reportPath, { ...report, articles: session.results() }).catch((error: unknown) => {
    throw toOutputError(error, reportPath) ?? error;
  });
  // Read back from the file only by whoever asks (tests, `--json` of a small batch): never held here.
  return Object.defineProperty(report, 'articles', {
    get: () => [...readBatchReportArticles(reportPath)],
    enumerable: true,
  }) as BatchReport;
}

/** 1 when an article could not be processed, else 3 when a hard constraint failed, else 0. */
export function batchExitCode(report: BatchReport): number {
  if (report.totals.errors > 0) return 1;
  if (report.totals.constraintFailed > 0) return 3;
  return 0;
}

class BatchSession {
  readonly writerStats: BatchReport['writerStats'] = {
    calls: 0,
    cachedCalls: 0,
    inputTokens: 0,
    outputTokens: 0,
    estimatedCostUsd: 0,
  };
  /** Results of the batch, on disk: set by `run`. */
  private log: BatchResultLog<BatchArticleResult> | undefined;
  /** Results recorded so far. */
  private completed = 0;
  /** Running totals of the results, kept in step by `record` (not recounted per article). */
  private readonly counts: BatchTotals = {
    articles: 0,
    written: 0,
    skipped: 0,
    passed: 0,
    constraintFailed: 0,
    errors: 0,
  };
  /** Inputs of this batch by the slug the manifest records for them, kept in step with `setEntry`. */
  private readonly groups = new Map<string, SlugGroup>();
  /** The inputs, each once, then the arguments that matched nothing: a result's index is its place here. */
  private readonly files: readonly string[];
  private readonly missing: readonly string[];
  private readonly total: number;
  /** The inputs, never overwritten: built once, not for every article. */
  private readonly protectedPaths: ReadonlySet<string>;
  private commitChain: Promise<unknown> = Promise.resolve();
  /** Articles written, waiting for the manifest write that records them. */
  private readonly recording = new Set<Promise<void>>();

  constructor(
    private readonly options: RunBatchOptions,
    private readonly outputDirectory: string,
    private readonly cwd: string,
    private readonly store: ManifestStore,
  ) {
    this.files = [...new Set(options.files)];
    this.missing = [...new Set(options.missing ?? [])];
    // The inputs' own strings when already absolute: 100,000 paths are not held twice.
    this.protectedPaths = new Set(
      this.files.map((file) => {
        const absolute = resolve(file);
        return absolute === file ? file : absolute;
      }),
    );
    this.total = this.files.length + this.missing.length;
    const batchKeys = new Set(this.files.map((file) => this.keyOf(file)));
    for (const [key, entry] of store.all()) {
      if (batchKeys.has(key)) this.groupOf(entry.slug).hold(key, entry.base);
    }
  }

  /** The manifest key of an input: its path from the output folder, with `/`. */
  private keyOf(file: string): string {
    return toKey(relative(this.outputDirectory, file));
  }

  /** How each input is shown, by index (files, then missing): the report is sorted on it. */
  names(): string[] {
    return [...this.files, ...this.missing].map((path) => this.display(path));
  }

  private groupOf(slug: string): SlugGroup {
    let group = this.groups.get(slug);
    if (!group) {
      // Kept for the whole batch, one per input: a slice of the source would keep the source alive.
      const own = detached(slug);
      group = new SlugGroup(own);
      this.groups.set(own, group);
    }
    return group;
  }

  /** Records `entry` for `key` in the manifest (in memory) and in the slug index. */
  private setEntry(key: string, entry: ManifestEntry): void {
    const previous = this.store.get(key);
    if (previous && previous.slug !== entry.slug) this.groups.get(previous.slug)?.release(key);
    this.store.set(key, entry);
    this.groupOf(entry.slug).hold(key, entry.base);
  }

  async run(log: BatchResultLog<BatchArticleResult>): Promise<void> {
    const { options, files } = this;
    this.log = log;
    options.onEvent?.({ type: 'start', total: this.total });
    for (const [position, path] of this.missing.entries()) {
      this.record(files.length + position, {
        input: this.display(path),
        status: 'error',
        error: /[*?[\]{}]/u.test(path)
          ? `Aucun fichier ne correspond à ${this.display(path)}`
          : `Fichier introuvable : ${this.display(path)}`,
        errorKind: 'input',
        durationMs: 0,
      });
    }
    let next = 0;
    const lane = async () => {
      while (next < files.length && !options.signal?.aborted) {
        const index = next++;
        const file = files[index];
        if (file === undefined) break;
        const handled = await this.handle(file);
        if (!handled) continue;
        const { result, recorded } = handled;
        if (!recorded) {
          this.record(index, result);
          continue;
        }
        // Done only once the manifest says so; meanwhile this lane takes the next article.
        const waiting = recorded.then(
          () => this.record(index, result),
          (error: Error) =>
            this.record(index, {
              input: result.input,
              status: 'error',
              error: `written, but not recorded in the manifest: ${error.message}`,
              errorKind: 'internal',
              durationMs: result.durationMs,
            }),
        );
        // Held only while it waits: a batch of 100,000 articles does not keep 100,000 settled promises.
        this.recording.add(waiting);
        void waiting.finally(() => this.recording.delete(waiting));
      }
    };
    const lanes = Math.max(1, Math.min(options.processor.concurrency, files.length));
    await Promise.all(Array.from({ length: lanes }, lane));
    await this.commitChain;
    await Promise.all([...this.recording]);
    // Names are final once every article is in: each slug's files are renamed once, here, not at
    // every arrival. Inputs that left the batch may have freed a slug: every group gets its final names.
    if (!options.signal?.aborted) {
      for (const group of this.groups.values()) await this.reconcile(group);
      // The manifest is written whole once, here; until then each article was appended to the journal.
      await this.store.compact();
    }
  }

  totals(): BatchTotals {
    return { ...this.counts };
  }

  private count(result: BatchArticleResult, sign: 1 | -1): void {
    const counts = this.counts;
    counts.articles += sign;
    if (result.status === 'error') {
      counts.errors += sign;
      return;
    }
    if (result.status === 'written') counts.written += sign;
    else counts.skipped += sign;
    if (result.passed) counts.passed += sign;
    else counts.constraintFailed += sign;
  }

  /**
   * Sorted by input, so the summary reads the same whatever finished first; file names as finally
   * renamed. Read from the result log and the manifest one at a time, once the log is finished.
   */
  *results(): Generator<BatchArticleResult> {
    if (!this.log) return;
    for (const [index, result] of this.log.inOrder()) {
      const file = this.files[index];
      const entry =
        result.status === 'error' || file === undefined ? undefined : this.store.get(this.keyOf(file));
      yield entry ? { ...result, files: entry.files.map((file) => file.name) } : result;
    }
  }

  /** Input `index` (files, then missing) is done: to the log, the totals and the progress. */
  private record(index: number, result: BatchArticleResult): void {
    const log = this.log;
    if (!log || log.has(index)) return;
    log.record(index, result);
    this.completed += 1;
    this.count(result, 1);
    this.options.onHeld?.({ results: log.held, entries: this.store.entriesInMemory });
    this.options.onEvent?.({
      type: 'article',
      result,
      completed: this.completed,
      total: this.total,
      totals: this.totals(),
    });
  }

  private display(path: string): string {
    return relative(this.cwd, path) || path;
  }

  /**
   * One article: read, hash, skip or process, write. `recorded` resolves once
   * the manifest holds a written article. Undefined when Ctrl-C abandoned it.
   */
  private async handle(
    file: string,
  ): Promise<{ result: BatchArticleResult; recorded?: Promise<void> } | undefined> {
    const { options } = this;
    const now = options.now ?? Date.now;
    const started = now();
    const input = this.display(file);
    const key = this.keyOf(file);
    try {
      const bytes = readInputBytes(file, input);
      const hash = hashArticleJob(bytes, options.options, options.writerName);
      const previous = this.store.get(key);
      if (!options.force && previous?.hash === hash && (await this.verifyOutputs(key, previous))) {
        const entry = this.store.get(key) ?? previous;
        return { result: { ...summaryOf(entry, input), status: 'skipped', durationMs: 0 } };
      }
      const text = decodeSource(bytes, input);
      const task = { fileName: input, text, options: options.options, defaultDate: options.defaultDate };
      const { processor } = options;
      // Worker threads write and hash the files themselves: this thread only renames them.
      const outcome = processor.processStaged
        ? await processor.processStaged(task, hash, this.outputDirectory)
        : await processor.process(task, hash);
      if (options.signal?.aborted) {
        if ('staged' in outcome) await discardStaged(this.outputDirectory, outcome.staged);
        return undefined;
      }
      const durationMs = now() - started;
      const entry = await this.commit(key, hash, outcome, durationMs);
      this.addWriterStats(outcome.writerStats);
      return {
        result: { ...summaryOf(entry, input), status: 'written', durationMs },
        recorded: this.store.flush(),
      };
    } catch (error) {
      if (options.signal?.aborted) return undefined;
      const inputError = classifyError(error).kind === 'input';
      return {
        result: {
          input,
          status: 'error',
          error: error instanceof Error ? error.message : String(error),
          errorKind: inputError ? 'input' : 'internal',
          durationMs: now() - started,
        },
      };
    }
  }

  private addWriterStats(stats: WriterStats): void {
    const total = this.writerStats;
    total.calls += stats.calls;
    total.cachedCalls += stats.cachedCalls;
    total.inputTokens += stats.inputTokens;
    total.outputTokens += stats.outputTokens;
    total.estimatedCostUsd =
      total.estimatedCostUsd === null || stats.estimatedCostUsd === null
        ? null
        : total.estimatedCostUsd + stats.estimatedCostUsd;
  }

  /**
   * Writes the article's files (renames the staged ones) under a free name of its slug (see
   * `SlugGroup.place`: nobody else is renamed now), and records it in the manifest in memory (the
   * caller flushes it). Writes and renames run one article at a time.
   */
  private async commit(
    key: string,
    hash: string,
    outcome: ArticleOutcome | StagedArticleOutcome,
    durationMs: number,
  ): Promise<ManifestEntry> {
    const write = async (): Promise<ManifestEntry> => {
      // A worker thread or a queue worker sent it: a slug that is not one never names a file.
      if (!isValidSlug(outcome.slug)) {
        throw new OutputError('invalid-slug', 'le résultat reçu porte un slug invalide : article non écrit.');
      }
      const previous = this.store.get(key);
      if (previous && previous.slug !== outcome.slug) this.groups.get(previous.slug)?.release(key);
      const group = this.groupOf(outcome.slug);
      const placed = group.baseOf(key) !== undefined;
      const base = group.place(key);
      let files: ManifestFile[];
      try {
        files = await this.putFiles(base, outcome);
      } catch (error) {
        if (!placed) group.release(key);
        throw error;
      }
      const entry: ManifestEntry = {
        hash,
        slug: outcome.slug,
        base,
        files,
        passed: outcome.passed,
        failedConstraints: outcome.failedConstraints,
        words: outcome.words,
        seoScore: outcome.seoScore,
        readabilityScore: outcome.readabilityScore,
        writer: outcome.writer,
        completedAt: new Date((this.options.now ?? Date.now)()).toISOString(),
        durationMs,
      };
      this.setEntry(key, entry);
      if (previous) await this.removeAbandonedFiles(previous, entry);
      return entry;
    };
    const written = this.commitChain.then(write, write).catch(async (error: unknown) => {
      if ('staged' in outcome) await discardStaged(this.outputDirectory, outcome.staged);
      throw error;
    });
    this.commitChain = written.catch(() => undefined);
    return written;
  }

  /** The article's three files under `base`: staged ones renamed, others written (and hashed) here. */
  private async putFiles(
    base: string,
    outcome: ArticleOutcome | StagedArticleOutcome,
  ): Promise<ManifestFile[]> {
    const names = OUTPUT_EXTENSIONS.map((extension) => `${base}${extension}`);
    const protection = { protectedPaths: this.protectedPaths };
    if ('staged' in outcome) {
      const staged = checkStaged(outcome.staged);
      await writeOutputFiles(
        this.outputDirectory,
        names.map((name, index) => ({ name, from: this.pathOf(staged[index]?.name ?? '') })),
        protection,
      );
      return names.map((name, index) => ({ name, sha256: staged[index]?.sha256 ?? '' }));
    }
    const contents = [outcome.markdown, outcome.html, outcome.reportJson];
    const files = names.map((name, index) => ({ name, content: contents[index] ?? '' }));
    await writeOutputFiles(this.outputDirectory, files, protection);
    return files.map(({ name, content }) => ({ name, sha256: hashContent(content) }));
  }

  /** A file of the output folder; an `OutputError` for a name that would land elsewhere. */
  private pathOf(name: string): string {
    return resolveInside(this.outputDirectory, name);
  }

  /**
   * Gives the files of `group`'s articles their final names (`assignBaseNames`), once per batch. When a
   * final name is one another member has now, every move goes through a temporary name first, so no
   * file is ever renamed over another; a run killed in between leaves temporary files, removed at the
   * next start, and those articles are redone.
   */
  private async reconcile(group: SlugGroup): Promise<void> {
    if (group.size === 0) return;
    const finals = group.finalNames();
    const moves = [...group.entries()]
      .filter(([key, base]) => finals.get(key) !== base && this.store.get(key) !== undefined)
      .map(([key, base]) => ({ key, base, final: finals.get(key) ?? base }));
    if (moves.length === 0) return;
    const held = new Set([...group.entries()].map(([, base]) => base));
    const twoSteps = moves.some((move) => held.has(move.final));
    const renamed: { key: string; entry: ManifestEntry; from: string[] }[] = [];
    for (const { key } of moves) {
      const entry = this.store.get(key) as ManifestEntry;
      const from: string[] = [];
      for (const file of entry.files) {
        const name = twoSteps ? `${file.name}.${randomBytes(6).toString('hex')}.tmp` : file.name;
        if (twoSteps) await rename(this.pathOf(file.name), this.pathOf(name)).catch(() => undefined);
        from.push(name);
      }
      renamed.push({ key, entry, from });
    }
    for (const { key, entry, from } of renamed) {
      const base = finals.get(key) ?? entry.base;
      const files: ManifestFile[] = [];
      for (const [index, file] of entry.files.entries()) {
        const name = `${base}${OUTPUT_EXTENSIONS[index] ?? ''}`;
        await rename(this.pathOf(from[index] ?? file.name), this.pathOf(name)).catch(() => undefined);
        files.push({ name, sha256: file.sha256 });
      }
      this.setEntry(key, { ...entry, base, files });
    }
  }

  /** Files of the article's previous run that the new run did not overwrite, if still ours and unchanged. */
  private async removeAbandonedFiles(previous: ManifestEntry, current: ManifestEntry): Promise<void> {
    const kept = new Set(current.files.map((file) => file.name));
    const abandoned = previous.files.filter((file) => !kept.has(file.name));
    // Usually none (same slug, same names): then the whole manifest need not be scanned.
    if (abandoned.length === 0) return;
    const used = new Set<string>();
    for (const [, entry] of this.store.all()) for (const { name } of entry.files) used.add(name);
    for (const file of abandoned) {
      if (used.has(file.name)) continue;
      const path = this.pathOf(file.name);
      const content = await readFile(path).catch(() => null);
      if (content && hashContent(content) === file.sha256) await unlink(path).catch(() => undefined);
    }
  }

  /**
   * True when every output of `entry` is there with the recorded content. A
   * run killed between renaming files and recording the new names leaves them
   * under another of the names the slug can take: they are found and recorded.
   */
  private async verifyOutputs(key: string, entry: ManifestEntry): Promise<boolean> {
    const candidates = new Set([entry.base, ...candidateBaseNames(entry.slug, key)]);
    for (const base of candidates) {
      const files = entry.files.map((file, index) => ({
        name: `${base}${OUTPUT_EXTENSIONS[index] ?? ''}`,
        sha256: file.sha256,
      }));
      const found = await Promise.all(
        files.map(async (file) => {
          const content = await readFile(this.pathOf(file.name)).catch(() => null);
          return content !== null && hashContent(content) === file.sha256;
        }),
      );
      if (found.every(Boolean)) {
        if (base !== entry.base) this.setEntry(key, { ...entry, base, files });
        return true;
      }
    }
    return false;
  }
}

function summaryOf(entry: ManifestEntry, input: string): Omit<BatchArticleResult, 'status' | 'durationMs'> {
  return {
    input,
    slug: entry.slug,
    files: entry.files.map((file) => file.name),
    passed: entry.passed,
    failedConstraints: entry.failedConstraints,
    words: entry.words,
    seoScore: entry.seoScore,
    readabilityScore: entry.readabilityScore,
    writer: entry.writer,
  };
}

function checkStaged(staged: readonly StagedFile[]): readonly StagedFile[] {
  const expected = (name: string, index: number) =>
    STAGED_NAME.test(name) && name.startsWith(`.staged${OUTPUT_EXTENSIONS[index]}.`);
  if (
    staged.length !== OUTPUT_EXTENSIONS.length ||
    !staged.every(({ name }, index) => expected(name, index))
  ) {
    throw new OutputError('outside', 'le résultat reçu nomme des fichiers inattendus : article non écrit.');
  }
  return staged;
}

/** Manifest keys use `/` on every system. */
function toKey(path: string): string {
  return path.split(sep).join('/');
}

/**
 * The input's bytes, refused from its size alone when too large; errors are `InputError`s naming it.
 * Synchronous: a stat and a read of an article take microseconds, while the five calls of an
 * asynchronous stat and readFile each cost this thread 0.1–0.2 ms of round trip to libuv's pool.
 */
function readInputBytes(path: string, label: string): Uint8Array {
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new InputError('not-a-file', `${label} n’est pas un fichier ordinaire.`);
    if (info.size > MAX_INPUT_BYTES) throw tooLargeError(label, info.size, MAX_INPUT_BYTES);
    return readFileSync(path);
  } catch (error) {
    if (InputError.isInstance(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('not-found', `Fichier introuvable : ${label}`);
    throw new InputError('unreadable', `Lecture impossible de ${label} : ${(error as Error).message}`);
  }
}
