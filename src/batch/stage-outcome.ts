import { randomBytes } from 'node:crypto';
import { closeSync, open, writeFileSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleOutcome, StagedArticleOutcome, StagedFile } from './article-task.js';
import { OUTPUT_EXTENSIONS } from './batch-manifest.js';
import { hashContent } from './content-hash.js';

/** One staged file: its name, and its descriptor once created, until it is closed. */
export interface StagingFile {
  readonly name: string;
  fd: number | undefined;
}

/** The three staged files of one article, created (empty) before its outcome is known. */
export interface StagingFiles {
  /** Resolves once every file exists, open for writing; rejects when one could not be created. */
  readonly ready: Promise<readonly StagingFile[]>;
  /** Closes the files still open and removes them all (the article failed). */
  discard(): Promise<void>;
}

/**
 * Starts creating an article's three staged files in the output folder, as the article's job starts.
 * Creating a file is the costly part of writing one (about 1 ms of kernel time each on some disks,
 * ten times its write): done by libuv's thread pool while this thread optimizes the article, it
 * overlaps the work instead of following it. The names match `TEMPORARY_FILE`, so a run killed
 * before the rename leaves nothing the next run keeps.
 */
export function createStagingFiles(directory: string): StagingFiles {
  const files: StagingFile[] = OUTPUT_EXTENSIONS.map((extension) => ({
    name: `.staged${extension}.${randomBytes(6).toString('hex')}.tmp`,
    fd: undefined,
  }));
  const created = files.map(
    (file) =>
      new Promise<void>((resolve, reject) =>
        open(join(directory, file.name), 'wx', (error, fd) => {
          if (error) return reject(error);
          file.fd = fd;
          resolve();
        }),
      ),
  );
  const settled = Promise.allSettled(created);
  const discard = async () => {
    await settled;
    await Promise.all(
      files.map(async (file, index) => {
        if ((await settled)[index]?.status !== 'fulfilled') return;
        closeStaged(file);
        await unlink(join(directory, file.name)).catch(() => undefined);
      }),
    );
  };
  const ready = Promise.all(created).then(
    () => files,
    async (error: unknown) => {
      await discard();
      throw error;
    },
  );
  // A failure is reported by `stageOutcome`, or ignored once the article failed: never left unhandled.
  ready.catch(() => undefined);
  return { ready, discard };
}

/**
 * Writes an article's three files into the staged files `createStagingFiles` made for it and hashes
 * them, on the worker thread that made the article: the batch's main thread then only renames them.
 * The files are open already, so the writes are synchronous: they take microseconds, and a worker
 * thread runs one job at a time.
 */
export async function stageOutcome(
  outcome: ArticleOutcome,
  files: StagingFiles,
): Promise<StagedArticleOutcome> {
  const { markdown, html, reportJson, ...summary } = outcome;
  const contents = [markdown, html, reportJson];
  const opened = await files.ready;
  const staged: StagedFile[] = [];
  try {
    for (const [index, file] of opened.entries()) {
      const content = contents[index] ?? '';
      writeFileSync(file.fd as number, content, 'utf8');
      closeStaged(file);
      staged.push({ name: file.name, sha256: hashContent(content) });
    }
  } catch (error) {
    await files.discard();
    throw error;
  }
  return { ...summary, staged };
}

/** Closes a staged file once: its descriptor is forgotten first, as the number may be reused. */
function closeStaged(file: StagingFile): void {
  const { fd } = file;
  if (fd === undefined) return;
  file.fd = undefined;
  closeSync(fd);
}

/** The names `stageOutcome` gives: temporary files of the output folder, nothing else. */
export const STAGED_NAME = /^\.staged\.(?:md|html|report\.json)\.[0-9a-f]{12}\.tmp$/u;

/**
 * Removes staged files that will not be renamed (an error, an interrupted batch). Only names
 * `stageOutcome` gives are touched: a result naming other files never deletes them.
 */
export async function discardStaged(directory: string, staged: readonly StagedFile[]): Promise<void> {
  const names = staged.map(({ name }) => name).filter((name) => STAGED_NAME.test(name));
  await Promise.all(names.map((name) => unlink(join(directory, name)).catch(() => undefined)));
}
