import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { decodeSource, tooLargeError } from './decode-source.js';
import { InputError, MAX_INPUT_BYTES } from './input-error.js';

export interface ReadSourceOptions {
  /** Stream read for the path `-` (default: `process.stdin`). */
  stdin?: NodeJS.ReadableStream;
  /** Largest accepted source in bytes (default: `MAX_INPUT_BYTES`, 5 MB). */
  maxBytes?: number;
}

export interface SourceText {
  /** The decoded text: UTF-8 checked, BOM removed, `\n` line ends, NFC. */
  text: string;
  /** The path as given, for format detection; absent for stdin. */
  fileName?: string;
  /** French notes for the report on how the text was read (an encoding guessed), often none. */
  notes: string[];
}

const STDIN_LABEL = 'l’entrée standard';

/**
 * Reads a source from a file path, or from standard input when the path is `-`. Every failure is an
 * `InputError` whose message names the path; no more than `maxBytes` (plus one chunk) is ever read.
 */
export async function readSource(pathOrDash: string, options: ReadSourceOptions = {}): Promise<SourceText> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  if (pathOrDash === '-') {
    const stdin = options.stdin ?? process.stdin;
    // An interactive terminal would wait forever for text the user does not know to type.
    if ((stdin as { isTTY?: boolean }).isTTY === true) {
      throw new InputError(
        'empty',
        'Rien à lire sur l’entrée standard : envoyez-y un fichier (cat article.txt | plume …) ou donnez un chemin.',
      );
    }
    const bytes = await readStream(stdin, STDIN_LABEL, maxBytes);
    const notes: string[] = [];
    const text = decodeSource(bytes, STDIN_LABEL, { maxBytes, onNote: (note) => notes.push(note) });
    return { text, notes };
  }
  const bytes = await readFileBytes(pathOrDash, maxBytes);
  const notes: string[] = [];
  const text = decodeSource(bytes, pathOrDash, { maxBytes, onNote: (note) => notes.push(note) });
  return { text, fileName: pathOrDash, notes };
}

async function readFileBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) throw new InputError('not-a-file', `${path} est un dossier, pas un fichier.`);
    if (stats.isFile()) {
      // Refuse from the size alone: a 20 MB file is never loaded into memory.
      if (stats.size > maxBytes) throw tooLargeError(path, stats.size, maxBytes);
      return await readFile(path);
    }
    // Named pipes and character devices (`<(cat article.md)`, `/dev/stdin`) have no size: stream them.
    if (stats.isFIFO() || stats.isCharacterDevice()) {
      return await readStream(createReadStream(path), path, maxBytes);
    }
    throw new InputError('not-a-file', `${path} n’est pas un fichier ordinaire.`);
  } catch (error) {
    throw toInputError(error, path);
  }
}

/** Collects a stream, stopping (and destroying it) as soon as it goes past `maxBytes`. */
async function readStream(
  stream: NodeJS.ReadableStream,
  label: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let byteCount = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      byteCount += buffer.byteLength;
      // Leaving the loop early closes the stream: nothing past the limit is read.
      if (byteCount > maxBytes) {
        throw tooLargeError(label, undefined, maxBytes);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    throw toInputError(error, label);
  }
  return Buffer.concat(chunks, byteCount);
}

function toInputError(error: unknown, path: string): InputError {
  if (InputError.isInstance(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new InputError('not-found', `Fichier introuvable : ${path}`, { cause: error });
    case 'EISDIR':
      return new InputError('not-a-file', `${path} est un dossier, pas un fichier.`, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new InputError('unreadable', `Permission refusée : lecture impossible de ${path}`, {
        cause: error,
      });
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return new InputError('unreadable', `Lecture impossible de ${path} : ${reason}`, { cause: error });
    }
  }
}
