import { InputError, MAX_INPUT_BYTES } from './input-error.js';

export interface DecodeSourceOptions {
  /** Largest accepted input in bytes (default: `MAX_INPUT_BYTES`, 5 MB). */
  maxBytes?: number;
  /** Receives a French note for the report when the text needed care (read as Windows-1252). */
  onNote?: (note: string) => void;
}

/** A UTF-8 lead byte followed by a continuation byte: the file was meant as UTF-8 (and is broken). */
const UTF8_SEQUENCE_START = /[\xC2-\xF4][\x80-\xBF]/;

/** Above this share of control bytes, the input is not text even without NUL bytes. */
const MAX_CONTROL_RATIO = 0.1;

/** Any character from the combining diacritics block up: only those can change under NFC. */
const NEEDS_NORMALIZATION = /[\u0300-\uFFFF]/;

const BYTES_PER_MEGABYTE = 1024 * 1024;

/**
 * Turns raw bytes into the text every parser expects: valid UTF-8, no BOM, `\n` line ends, NFC.
 * `label` names the source in error messages (a path, or `stdin`).
 */
export function decodeSource(bytes: Uint8Array, label: string, options: DecodeSourceOptions = {}): string {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  if (bytes.byteLength > maxBytes) throw tooLargeError(label, bytes.byteLength, maxBytes);

  // UTF-16 is full of NUL bytes: say what it is rather than calling it binary.
  if (startsWithUtf16ByteOrderMark(bytes)) {
    throw new InputError(
      'invalid-utf8',
      `${label} est un texte UTF-16 : enregistrez-le en UTF-8 puis recommencez.`,
    );
  }
  if (looksBinary(bytes)) {
    throw new InputError('binary', `${label} ressemble à un fichier binaire, pas à du texte.`);
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    // French Windows tools save Windows-1252 (a superset of Latin-1): « café » is `63 61 66 E9`. Bytes
    // that hold UTF-8 sequences are broken UTF-8 instead, which no guess would read right.
    if (UTF8_SEQUENCE_START.test(Buffer.from(bytes).toString('latin1'))) {
      throw new InputError(
        'invalid-utf8',
        `${label} n’est pas un texte UTF-8 valide (Latin-1 ou Windows-1252 ?) : enregistrez-le en UTF-8 puis recommencez.`,
        { cause: error },
      );
    }
    text = decodeWindows1252(bytes);
    options.onNote?.(
      `${label} n’est pas en UTF-8 : il a été lu comme Windows-1252 (Latin-1) ; vérifiez les lettres accentuées.`,
    );
  }

  // TextDecoder already drops one leading BOM; a second one (double-encoded files) goes too.
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // Below U+0300 nothing decomposes or combines, so NFC is the identity; skipping it saves ~80 ms
  // on a 5 MB input.
  if (NEEDS_NORMALIZATION.test(text)) text = text.normalize('NFC');
  if (text.trim() === '') throw new InputError('empty', `${label} est vide.`);
  return text;
}

/**
 * The `too-large` error, shared with `readSource`, which refuses big files before reading them.
 * `byteCount` is `undefined` for a stream cut short at the limit, whose full size is unknown.
 */
export function tooLargeError(label: string, byteCount: number | undefined, maxBytes: number): InputError {
  const size = byteCount === undefined ? 'au-delà de la limite' : formatMegabytes(byteCount);
  return new InputError(
    'too-large',
    `${label} dépasse la taille maximale : ${size} (limite : ${formatMegabytes(maxBytes)}).`,
  );
}

/** Rounded up, so a size just over the limit never prints as the limit itself. */
function formatMegabytes(byteCount: number): string {
  if (byteCount < BYTES_PER_MEGABYTE) return `${byteCount} octets`;
  const tenths = Math.ceil((byteCount / BYTES_PER_MEGABYTE) * 10) / 10;
  return `${String(tenths).replace('.', ',')} Mo`;
}

function startsWithUtf16ByteOrderMark(bytes: Uint8Array): boolean {
  const first = bytes[0];
  const second = bytes[1];
  return (first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff);
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  let controlCount = 0;
  // An indexed loop: iterating a 5 MB array with for...of is several times slower.
  for (let index = 0; index < bytes.length; index++) {
    if (isControlByte(bytes[index] ?? 0x20)) controlCount++;
  }
  return bytes.byteLength > 0 && controlCount / bytes.byteLength > MAX_CONTROL_RATIO;
}

/** C0 controls and DEL, except the ones text legitimately holds: tab, line feed, form feed, carriage return. */
function isControlByte(byte: number): boolean {
  if (byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d) return false;
  return byte < 0x20 || byte === 0x7f;
}

/**
 * Windows-1252 bytes 0x80–0x9F (« € », « – », « ’ », « œ »…); the five it leaves undefined keep their
 * C1 code. Node's `TextDecoder('windows-1252')` reads them as Latin-1 without full ICU, hence the table.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Latin-1 is Windows-1252 without 0x80–0x9F: one decoder reads both. */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] ?? 0;
    text += byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}
