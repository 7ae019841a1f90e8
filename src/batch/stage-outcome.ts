import { randomBytes } from 'node:crypto';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleOutcome, StagedArticleOutcome, StagedFile } from './article-task.js';
import { OUTPUT_EXTENSIONS } from './batch-manifest.js';
import { hashContent } from './content-hash.js';

/**
 * Writes an article's three files into the output folder under temporary names and hashes them, on
 * the worker thread that made the article: the batch's main thread then only renames them. The names
 * match `TEMPORARY_FILE`, so a run killed before the rename leaves nothing the next run keeps.
 */
export async function stageOutcome(
  outcome: ArticleOutcome,
  directory: string,
): Promise<StagedArticleOutcome> {
  const { markdown, html, reportJson, ...summary } = outcome;
  const contents = [markdown, html, reportJson];
  const staged: StagedFile[] = [];
  try {
    for (const [index, extension] of OUTPUT_EXTENSIONS.entries()) {
      const content = contents[index] ?? '';
      const name = `.staged${extension}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(join(directory, name), content, { encoding: 'utf8', flag: 'wx' });
      staged.push({ name, sha256: hashContent(content) });
    }
  } catch (error) {
    await discardStaged(directory, staged);
    throw error;
  }
  return { ...summary, staged };
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
