import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceFormat } from '../../src/document.js';
import { ingest } from '../../src/ingest/ingest.js';
import { InputError } from '../../src/ingest/input-error.js';
import { readSource } from '../../src/ingest/read-source.js';
import { NEWS_PAGE } from '../fixtures/ingest/sources.js';

const EXAMPLE = readFileSync(new URL('../../examples/talents-ia.txt', import.meta.url), 'utf8');
const PAGE = NEWS_PAGE;

async function errorOf(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (InputError.isInstance(error)) return error;
  throw new Error(`expected an InputError, got ${String(error)}`);
}

describe('ingest', () => {
  beforeAll(async () => {
    // Warm up the lazily loaded page parser so the tests below stay fast.
    await ingest(PAGE);
  });

  const dispatched: Array<[string, string, { fileName?: string; format?: SourceFormat }, SourceFormat]> = [
    ['the example text', EXAMPLE, {}, 'text'],
    ['Markdown by content', '# Titre\n\nTexte.', {}, 'markdown'],
    ['Markdown by extension', 'Texte.', { fileName: 'a.md' }, 'markdown'],
    ['an HTML fragment', '<p>Texte.</p>', {}, 'html'],
    ['a full page', PAGE, {}, 'html-page'],
    ['a forced format', '# Pas un titre', { format: 'text' }, 'text'],
  ];
  it.each(dispatched)('parses %s', async (_name, text, options, format) => {
    const document = await ingest(text, options);
    expect(document.format).toBe(format);
    expect(document.tree.type).toBe('root');
    expect(document.tree.children.length).toBeGreaterThan(0);
  });

  it('reads and parses the example file end to end', async () => {
    const source = await readSource(fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url)));
    const document = await ingest(
      source.text,
      source.fileName === undefined ? {} : { fileName: source.fileName },
    );
    expect(document.format).toBe('text');
    expect(document.tree.children.map((node) => node.type)).toEqual([
      'list',
      ...Array<string>(26).fill('paragraph'),
    ]);
    expect(document.tree.children[0]).toMatchObject({ type: 'list', children: { length: 3 } });
  });

  it('fills metadata.url from the options when the source has none', async () => {
    expect((await ingest('Texte.', { url: 'https://exemple.fr/a' })).metadata.url).toBe(
      'https://exemple.fr/a',
    );
    const markdown = '---\nurl: https://exemple.fr/canonique\n---\nTexte.';
    expect((await ingest(markdown, { url: 'https://exemple.fr/a' })).metadata.url).toBe(
      'https://exemple.fr/canonique',
    );
  });

  const empty: Array<[string, string, { fileName?: string }]> = [
    ['blank text', ' \n\n ', {}],
    ['front matter alone', '---\ntitle: Bonjour\n---\n', { fileName: 'vide.md' }],
    ['markup without text', '<div><script>x()</script></div>', {}],
  ];
  it.each(empty)('rejects %s as empty', async (_name, text, options) => {
    const error = await errorOf(ingest(text, options));
    expect(error.code).toBe('empty');
    expect(error.message).toBe(`${options.fileName ?? 'La source'} ne contient aucun texte.`);
  });

  it('rejects an unknown format', async () => {
    const error = await errorOf(ingest('Texte.', { format: 'pdf' as SourceFormat }));
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toBe('Format de source non pris en charge : pdf.');
  });

  it('passes parser errors through', async () => {
    expect((await errorOf(ingest('---\na: [\n---\nTexte.'))).code).toBe('unreadable');
    expect((await errorOf(ingest('<!doctype html><html><body></body></html>'))).code).toBe('no-article');
  });
});
