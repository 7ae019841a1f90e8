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
  it('resolves each flush once an append holding its change is in place, sharing appends', async () => {
    const directory = mkdtempSync(join(root, 'group-'));
    const store = new ManifestStore(directory, emptyManifest());
    const journalLines = () => readFileSync(store.journalPath, 'utf8').trimEnd().split('\n');
    await Promise.all(
      Array.from({ length: 50 }, async (_, index) => {
        store.set(`../in/${index}.txt`, entry(`article-${index}`));
        await store.flush();
        expect((await readManifest(directory)).manifest.entries[`../in/${index}.txt`]?.slug).toBe(
          `article-${index}`,
        );
      }),
    );
    // Each change is appended once: no rewrite of the entries already there.
    expect(journalLines()).toHaveLength(50);
    expect(readdirSync(directory)).toEqual(['.plume-batch.journal']);
    await store.compact();
    expect(readdirSync(directory)).toEqual(['.plume-batch.json']);
    const written = JSON.parse(readFileSync(store.path, 'utf8'));
    expect(Object.keys(written.entries)).toHaveLength(50);
    expect((await readManifest(directory)).manifest.entries['../in/7.txt']?.slug).toBe('article-7');
  });

  it('holds no entry once it is in the journal or the manifest, and reads it back from there', async () => {
    const directory = mkdtempSync(join(root, 'held-'));
    const store = new ManifestStore(directory, emptyManifest(), { minIntervalMs: 0 });
    for (let index = 0; index < 20; index += 1) store.set(`${index}.txt`, entry(`article-${index}`));
    store.set('é/à.txt', entry('accents'));
    expect(store.entriesInMemory).toBe(21);
    await store.flush();
    expect(store.entriesInMemory).toBe(0);
    expect(store.get('7.txt')?.slug).toBe('article-7');
    expect(store.get('é/à.txt')?.slug).toBe('accents');
    store.set('7.txt', entry('article-7-bis'));
    store.delete('8.txt');
    await store.flush();
    expect(store.get('7.txt')?.slug).toBe('article-7-bis');
    expect(store.get('8.txt')).toBeUndefined();
    await store.compact();
    expect(store.entriesInMemory).toBe(0);
    expect(store.get('é/à.txt')?.slug).toBe('accents');
    expect([...store.all()].map(([key]) => key)).toEqual(
      Object.keys(JSON.parse(readFileSync(store.path, 'utf8')).entries),
    );
    expect([...store.all()]).toHaveLength(20);
    store.close();
  });

  it('reads the journal over the manifest, in order; a line cut by a killed run is skipped', async () => {
    const directory = mkdtempSync(join(root, 'journal-'));
    const store = new ManifestStore(directory, emptyManifest());
    store.set('a.txt', entry('premier'));
    store.set('b.txt', entry('second'));
    await store.compact();
    store.set('a.txt', entry('premier-refait'));
    store.delete('b.txt');
    store.set('c.txt', entry('troisieme'));
    await store.flush();
    writeFileSync(store.journalPath, `${readFileSync(store.journalPath, 'utf8')}{"key":"d.txt","ent`);
    const { manifest, warning } = await readManifest(directory);
    expect(
      Object.fromEntries(Object.entries(manifest.entries).map(([key, value]) => [key, value.slug])),
    ).toEqual({ 'a.txt': 'premier-refait', 'c.txt': 'troisieme' });
    expect(warning).toBeUndefined();
  });

  it('drops an invalid journal entry with a warning, and redoes its article', async () => {
    const directory = mkdtempSync(join(root, 'journal-bad-'));
    writeFileSync(
      join(directory, '.plume-batch.journal'),
      `${JSON.stringify({ key: 'a.txt', entry: entry('bon') })}\n${JSON.stringify({ key: 'b.txt', entry: { ...entry('mauvais'), base: '../../victime' } })}\n`,
    );
    const { manifest, warning } = await readManifest(directory);
    expect(Object.keys(manifest.entries)).toEqual(['a.txt']);
    expect(warning).toBe('.plume-batch.json : 1 entrée invalide ignorée, cet article sera refait');
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
