import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/ingest/decode-source.js';
import { InputError, type InputErrorCode, MAX_INPUT_BYTES } from '../../src/ingest/input-error.js';

const encode = (text: string) => new TextEncoder().encode(text);

function errorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (InputError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('decodeSource', () => {
  it('decodes UTF-8 text unchanged', () => {
    expect(decodeSource(encode('« Bonjour », dit-il.\n'), 'a.txt')).toBe('« Bonjour », dit-il.\n');
  });

  it('strips a BOM, normalizes line ends and composes to NFC', () => {
    const bytes = encode('\uFEFFLigne un\r\nLigne deux\rLigne trois e\u0301te\u0301');
    expect(decodeSource(bytes, 'a.txt')).toBe('Ligne un\nLigne deux\nLigne trois été');
  });

  it('accepts one 100,000-character line', () => {
    const line = 'mot '.repeat(25_000);
    expect(decodeSource(encode(line), 'long.txt')).toHaveLength(100_000);
  });

  const rejected: Array<{ name: string; bytes: Uint8Array; code: InputErrorCode; message: RegExp }> = [
    { name: 'empty input', bytes: new Uint8Array(), code: 'empty', message: /^a\.txt est vide\.$/ },
    { name: 'whitespace only', bytes: encode(' \n\t\r\n \u00A0'), code: 'empty', message: /vide/ },
    { name: 'a lone BOM', bytes: encode('\uFEFF'), code: 'empty', message: /vide/ },
    {
      name: 'NUL bytes',
      bytes: new Uint8Array([0x48, 0x69, 0x00, 0x21]),
      code: 'binary',
      message: /binaire/,
    },
    {
      name: 'mostly control bytes',
      bytes: new Uint8Array([0x01, 0x02, 0x03, 0x41, 0x1b, 0x42, 0x7f]),
      code: 'binary',
      message: /binaire/,
    },
    {
      name: 'broken UTF-8 (a valid sequence, then a stray byte)',
      bytes: new Uint8Array([0x63, 0x61, 0x66, 0xc3, 0xa9, 0x20, 0xe9]),
      code: 'invalid-utf8',
      message: /n’est pas un texte UTF-8 valide/,
    },
    {
      name: 'a truncated UTF-8 sequence',
      bytes: new Uint8Array([0x41, 0xe2, 0x82, 0xac, 0xe2, 0x82]),
      code: 'invalid-utf8',
      message: /UTF-8/,
    },
    {
      name: 'UTF-16 with a BOM',
      bytes: new Uint8Array([0xff, 0xfe, 0x41, 0x00]),
      code: 'invalid-utf8',
      message: /UTF-16/,
    },
  ];
  it.each(rejected)('rejects $name', ({ bytes, code, message }) => {
    const error = errorOf(() => decodeSource(bytes, 'a.txt'));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('reads Windows-1252 and Latin-1 text from French Windows tools, with a French note', () => {
    const notes: string[] = [];
    // « Un café très serré – 5 € » in Windows-1252: é = E9, è = E8, – = 96, € = 80.
    const bytes = new Uint8Array([
      ...encode('Un caf'),
      0xe9,
      ...encode(' tr'),
      0xe8,
      ...encode('s serr'),
      0xe9,
      0x20,
      0x96,
      0x20,
      0x35,
      0x20,
      0x80,
    ]);
    expect(decodeSource(bytes, 'a.txt', { onNote: (note) => notes.push(note) })).toBe(
      'Un café très serré – 5 €',
    );
    expect(notes).toEqual([
      'a.txt n’est pas en UTF-8 : il a été lu comme Windows-1252 (Latin-1) ; vérifiez les lettres accentuées.',
    ]);
  });

  it('rejects more than 5 MB, naming the limit and the size', () => {
    const bytes = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61);
    const error = errorOf(() => decodeSource(bytes, 'big.txt'));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('big.txt dépasse la taille maximale : 5,1 Mo (limite : 5 Mo).');
  });

  it('accepts exactly the limit', () => {
    expect(decodeSource(encode('0123'), 'a.txt', { maxBytes: 4 })).toBe('0123');
  });

  it('takes a smaller limit', () => {
    const error = errorOf(() => decodeSource(encode('0123456789'), 'a.txt', { maxBytes: 4 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('a.txt dépasse la taille maximale : 10 octets (limite : 4 octets).');
  });
});
