import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleProcessor } from '../../src/batch/article-processor.js';
import type { ArticleOutcome, ArticleTask } from '../../src/batch/article-task.js';
import { detached } from '../../src/batch/output-names.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { emptyWriterStats } from '../../src/write/writer.js';

// The slug index keeps a slug and a base name per input for the whole batch. In V8 a slug cut out of
// the article's text is a slice that keeps the whole text alive: the index must keep copies.

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const root = mkdtempSync(join(tmpdir(), 'plume-slug-memory-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The slug is cut out of the task's text, as a front matter parser cuts it. */
const slicingProcessor: ArticleProcessor = {
  concurrency: 2,
  description: 'slicing',
  async process(task: ArticleTask): Promise<ArticleOutcome> {
    const slug = task.text.slice(0, task.text.indexOf('\n'));
    return {
      slug,
      markdown: `# ${slug}\n`,
      html: `<h1>${slug}</h1>\n`,
      reportJson: '{}\n',
      passed: true,
      failedConstraints: [],
      words: 1,
      seoScore: 90,
      readabilityScore: 80,
      writer: 'slicing',
      writerStats: emptyWriterStats(),
    };
  },
  async close() {},
};

describe('the batch slug index', () => {
  it('keeps no input text alive through its slugs', async () => {
    const inputs = 40;
    const padding = 'x'.repeat(1_000_000);
    const input = join(root, 'in');
    mkdirSync(input, { recursive: true });
    const files: string[] = [];
    for (let index = 0; index < inputs; index += 1) {
      const file = join(input, `a${index}.txt`);
      writeFileSync(file, `article-numero-${index}\n${padding}\n`);
      files.push(file);
    }
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let atEnd = Number.NaN;
    await runBatch({
      files,
      outputDirectory: join(root, 'out'),
      cwd: root,
      options: { minWords: 700, locale: 'fr-FR', tableOfContents: true, faq: false },
      defaultDate: '2024-03-25',
      writerName: 'slicing',
      processor: slicingProcessor,
      onEvent: (event) => {
        if (event.type !== 'article' || event.completed !== event.total) return;
        collectGarbage();
        atEnd = process.memoryUsage().heapUsed;
      },
    });
    // 40 texts of 1 MB would stay alive through sliced slugs: 40 MB. Copies keep a few KB.
    expect((atEnd - before) / 1_000_000).toBeLessThan(15);
  });

  it('detached copies are equal strings', () => {
    const text = `slug: ${'é'.repeat(30)}-fin\n${'x'.repeat(100)}`;
    const slice = text.slice(6, 40);
    expect(detached(slice)).toBe(slice);
    expect(detached('')).toBe('');
  });
});
