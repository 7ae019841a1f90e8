import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  emptyManifest,
  type ManifestEntry,
  ManifestStore,
  readManifest,
} from '../../src/batch/batch-manifest.js';

const root = mkdtempSync(join(tmpdir(), 'plume-manifest-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const entry = (slug: string): ManifestEntry => ({
  hash: 'a'.repeat(64),
  slug,
  base: slug,
  files: ['.md', '.html', '.report.json'].map((extension) => ({
    name: `${slug}${extension}`,
    sha256: 'b'.repeat(64),
  })),
  passed: true,
  failedConstraints: [],
  words: 800,
  seoScore: 90,
  readabilityScore: 80,
  writer: 'offline',
  completedAt: '2024-03-25T10:00:00.000Z',
  durationMs: 12,
});

describe('ManifestStore', () => {
  it('resolves each flush once a write holding its change is in place, sharing writes', async () => {
    const directory = mkdtempSync(join(root, 'group-'));
    const store = new ManifestStore(directory, emptyManifest());
    const onDisk = () => Object.keys(JSON.parse(readFileSync(store.path, 'utf8')).entries);
    await Promise.all(
      Array.from({ length: 50 }, async (_, index) => {
        store.set(`../in/${index}.txt`, entry(`article-${index}`));
        await store.flush();
        expect(onDisk()).toContain(`../in/${index}.txt`);
      }),
    );
    expect(onDisk()).toHaveLength(50);
    expect(readdirSync(directory)).toEqual(['.plume-batch.json']);
    expect((await readManifest(directory)).manifest.entries['../in/7.txt']?.slug).toBe('article-7');
  });

  it('starts over, with a warning, from a manifest it cannot read', async () => {
    const directory = mkdtempSync(join(root, 'broken-'));
    writeFileSync(join(directory, '.plume-batch.json'), '{"version": 1, "entries": {');
    const { manifest, warning } = await readManifest(directory);
    expect(manifest.entries).toEqual({});
    expect(warning).toBe('.plume-batch.json n’est pas du JSON valide : tous les articles seront refaits');
    expect((await readManifest(mkdtempSync(join(root, 'none-')))).warning).toBeUndefined();
  });
});
