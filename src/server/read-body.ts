import { ApiError } from './api-errors.js';

/**
 * Reads a request body into memory, refusing it with a 413 as soon as it is known to be over
 * `maxBytes`: from `Content-Length` before reading anything, else while counting the chunks, so a
 * chunked upload or a lying header never makes the server buffer more than the limit plus one chunk.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw bodyTooLarge(maxBytes);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let byteCount = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    byteCount += value.byteLength;
    if (byteCount > maxBytes) {
      // Stop reading; the adapter drains or closes the rest of the upload.
      await reader.cancel().catch(() => {});
      throw bodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, byteCount);
}

export function bodyTooLarge(maxBytes: number): ApiError {
  const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new ApiError(413, 'too-large', `La requête dépasse la taille maximale (${megabytes} Mo).`);
}
