import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { readFileInSlices } from '../io/read-file-in-slices.js';

/**
 * Writes batch-report.json atomically (temporary file, then rename), exactly as
 * `JSON.stringify(report, null, 2)` would, but one article at a time: a batch of 100,000 articles
 * never builds the whole report as one string.
 */
export async function writeBatchReport(
  path: string,
  // Any report whose last field is `articles`: typed structurally so run-batch.ts and this file do not import each other.
  report: { readonly articles: Iterable<unknown> },
): Promise<void> {
  const { articles, ...rest } = report;
  // `articles` is the last field: the rest is printed, then the list replaces its empty brackets.
  const head = JSON.stringify({ ...rest, articles: [] }, null, 2);
  const opening = head.slice(0, head.lastIndexOf('[]'));
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx');
  try {
    let chunk = `${opening}[`;
    let empty = true;
    for (const article of articles) {
      chunk += `${empty ? '' : ','}\n    ${JSON.stringify(article, null, 2).replace(/\n/g, '\n    ')}`;
      empty = false;
      if (chunk.length > 1 << 20) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(`${chunk}${empty ? ']' : '\n  ]'}\n}\n`);
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * The articles of a batch-report.json that `writeBatchReport` wrote, one at a time, read a slice of
 * the file at a time: the summary of 100,000 articles never holds them all. Relies on the layout
 * written above: each article opens with a line `    {` and closes with a line `    }` (JSON strings
 * never hold a raw line break).
 */
export function* readBatchReportArticles<Article = BatchReportArticle>(path: string): Generator<Article> {
  let rest = '';
  let article: string[] | undefined;
  let inArticles = false;
  for (const slice of readFileInSlices(path)) {
    const lines = (rest + slice).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (article === undefined) {
        if (line === '  "articles": [') inArticles = true;
        else if (inArticles && line === '    {') article = [line];
        continue;
      }
      article.push(line);
      if (line === '    }' || line === '    },') {
        yield JSON.parse(article.join('\n').replace(/,$/u, '')) as Article;
        article = undefined;
      }
    }
  }
}

type BatchReportArticle = Record<string, unknown>;
