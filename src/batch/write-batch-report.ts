import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';

/**
 * Writes batch-report.json atomically (temporary file, then rename), exactly as
 * `JSON.stringify(report, null, 2)` would, but one article at a time: a batch of 100,000 articles
 * never builds the whole report as one string.
 */
export async function writeBatchReport(
  path: string,
  // Any report whose last field is `articles`: typed structurally so run-batch.ts and this file do not import each other.
  report: { readonly articles: readonly unknown[] },
): Promise<void> {
  const { articles, ...rest } = report;
  // `articles` is the last field: the rest is printed, then the list replaces its empty brackets.
  const head = JSON.stringify({ ...rest, articles: [] }, null, 2);
  const opening = head.slice(0, head.lastIndexOf('[]'));
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx');
  try {
    let chunk = articles.length === 0 ? `${opening}[]` : `${opening}[`;
    for (const [index, article] of articles.entries()) {
      chunk += `${index === 0 ? '' : ','}\n    ${JSON.stringify(article, null, 2).replace(/\n/g, '\n    ')}`;
      if (chunk.length > 1 << 20) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(`${chunk}${articles.length === 0 ? '' : '\n  ]'}\n}\n`);
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
