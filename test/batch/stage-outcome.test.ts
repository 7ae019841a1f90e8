import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashContent } from '../../src/batch/content-hash.js';
import { runPoolJob } from '../../src/batch/run-pool-job.js';
import { STAGED_NAME } from '../../src/batch/stage-outcome.js';

const root = mkdtempSync(join(tmpdir(), 'plume-stage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const OPTIONS = { minWords: 700, locale: 'fr-FR', tableOfContents: true, faq: false } as const;
const ARTICLE = `---\nslug: essai\n---\n\n${'Les équipes apprennent à travailler avec de nouveaux outils chaque semaine. '.repeat(40)}\n`;

describe('staged article jobs', () => {
  it('write the three files, created while the article was optimized, under staging names', async () => {
    const directory = mkdtempSync(join(root, 'ok-'));
    const outcome = (await runPoolJob(
      {
        kind: 'article',
        task: { fileName: 'a.md', text: ARTICLE, options: OPTIONS, defaultDate: '2024-03-25' },
        stageIn: directory,
      },
      () => {},
    )) as { staged: { name: string; sha256: string }[] };
    expect(outcome.staged).toHaveLength(3);
    expect(readdirSync(directory).sort()).toEqual(outcome.staged.map(({ name }) => name).sort());
    for (const { name, sha256 } of outcome.staged) {
      expect(name).toMatch(STAGED_NAME);
      expect(hashContent(readFileSync(join(directory, name)))).toBe(sha256);
    }
  });

  it('leave nothing behind when the article fails', async () => {
    const directory = mkdtempSync(join(root, 'error-'));
    const job = runPoolJob(
      {
        kind: 'article',
        task: { fileName: 'a.md', text: '', options: OPTIONS, defaultDate: '2024-03-25' },
        stageIn: directory,
      },
      () => {},
    );
    await expect(job).rejects.toThrow(/aucun texte/u);
    expect(readdirSync(directory)).toEqual([]);
  });
});
