import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** A UTF-8 file's text, a slice at a time (never a character cut in two): printing a big file never holds it. */
export function* readFileInSlices(path: string, sliceBytes = 1 << 16): Generator<string> {
  const descriptor = openSync(path, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const bytes = Buffer.allocUnsafe(sliceBytes);
    for (;;) {
      const read = readSync(descriptor, bytes, 0, bytes.length, null);
      if (read === 0) break;
      const text = decoder.write(bytes.subarray(0, read));
      if (text !== '') yield text;
    }
    const end = decoder.end();
    if (end !== '') yield end;
  } finally {
    closeSync(descriptor);
  }
}
