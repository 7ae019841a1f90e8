import { chmod, mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, MAX_INPUT_BYTES } from '../../src/ingest/input-error.js';
import { readSource } from '../../src/ingest/read-source.js';

let directory = '';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plume-read-source-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function errorOf(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (InputError.isInstance(error)) return error;
  throw new Error(`expected an InputError, got ${String(error)}`);
}

describe('readSource from a file', () => {
  it('reads and decodes a file, returning its name', async () => {
    const path = join(directory, 'article.md');
    await writeFile(path, '\uFEFF# Titre\r\n\r\nTexte.');
    expect(await readSource(path)).toEqual({ text: '# Titre\n\nTexte.', fileName: path, notes: [] });
  });

  it('names a missing path', async () => {
    const path = join(directory, 'absent.txt');
    const error = await errorOf(readSource(path));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(`Fichier introuvable : ${path}`);
  });

  it('treats a path through a file as missing', async () => {
    const file = join(directory, 'plain.txt');
    await writeFile(file, 'Texte.');
    expect((await errorOf(readSource(join(file, 'child.txt')))).code).toBe('not-found');
  });

  it('refuses a directory', async () => {
    const path = join(directory, 'folder');
    await mkdir(path);
    const error = await errorOf(readSource(path));
    expect(error.code).toBe('not-a-file');
    expect(error.message).toBe(`${path} est un dossier, pas un fichier.`);
  });

  it('refuses a 20 MB file from its size, without reading it', async () => {
    const path = join(directory, 'huge.txt');
    await writeFile(path, '');
    await truncate(path, 20 * 1024 * 1024); // sparse: no 20 MB written to disk
    const error = await errorOf(readSource(path));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(`${path} dépasse la taille maximale : 20 Mo (limite : 5 Mo).`);
  });

  it('applies a custom limit', async () => {
    const path = join(directory, 'small.txt');
    await writeFile(path, 'Un texte de trente caractères.');
    expect((await errorOf(readSource(path, { maxBytes: 10 }))).code).toBe('too-large');
  });

  it('passes decoding errors through, naming the file', async () => {
    const path = join(directory, 'image.png');
    await writeFile(path, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    const error = await errorOf(readSource(path));
    expect(error.code).toBe('binary');
    expect(error.message).toBe(`${path} ressemble à un fichier binaire, pas à du texte.`);
    const empty = join(directory, 'empty.txt');
    await writeFile(empty, '');
    expect(await errorOf(readSource(empty))).toMatchObject({ code: 'empty', message: `${empty} est vide.` });
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read', async () => {
    const path = join(directory, 'secret.txt');
    await writeFile(path, 'Texte.');
    await chmod(path, 0o000);
    const error = await errorOf(readSource(path));
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain(path);
  });
});

describe('readSource from stdin', () => {
  it('reads "-" from the given stream, without a file name', async () => {
    const stdin = Readable.from([Buffer.from('Bonjour '), Buffer.from('le monde.\r\n')]);
    expect(await readSource('-', { stdin })).toEqual({ text: 'Bonjour le monde.\n', notes: [] });
  });

  it('reads string chunks', async () => {
    const stdin = Readable.from(['é', 'té'], { objectMode: true });
    expect((await readSource('-', { stdin })).text).toBe('été');
  });

  it('rejects empty stdin', async () => {
    const error = await errorOf(readSource('-', { stdin: Readable.from([]) }));
    expect(error).toMatchObject({ code: 'empty', message: 'l’entrée standard est vide.' });
  });

  it('stops reading once past the limit', async () => {
    let chunksPulled = 0;
    function* endless() {
      for (;;) {
        chunksPulled++;
        yield Buffer.alloc(1024, 0x61);
      }
    }
    const error = await errorOf(readSource('-', { stdin: Readable.from(endless()), maxBytes: 4096 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(
      'l’entrée standard dépasse la taille maximale : au-delà de la limite (limite : 4096 octets).',
    );
    // The stream reads a little ahead of the consumer, but stops soon after the limit.
    expect(chunksPulled).toBeLessThan(64);
  });

  it('enforces the 5 MB default while streaming', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const stdin = Readable.from(Array.from({ length: 6 }, () => chunk));
    expect((await errorOf(readSource('-', { stdin }))).code).toBe('too-large');
    expect(MAX_INPUT_BYTES).toBe(5 * 1024 * 1024);
  });

  it('refuses an interactive terminal instead of waiting', async () => {
    const stdin = Object.assign(Readable.from([]), { isTTY: true });
    const error = await errorOf(readSource('-', { stdin }));
    expect(error.code).toBe('empty');
    expect(error.message).toBe(
      'Rien à lire sur l’entrée standard : envoyez-y un fichier (cat article.txt | plume …) ou donnez un chemin.',
    );
  });
});
