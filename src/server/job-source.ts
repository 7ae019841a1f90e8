import { LARGE_INPUT_SIZE } from '../batch/large-input-size.js';
import type { FetchArticle } from '../ingest/fetch-article.js';
import { ApiError } from './api-errors.js';
import type { UploadedFile } from './read-request.js';
import type { JobSource } from './server-jobs.js';

/** A source as the client gave it, exactly one. */
export type RequestSource =
  | { kind: 'text'; text: string; as?: 'markdown' | 'html' }
  | { kind: 'url'; url: string }
  | { kind: 'file'; name: string; bytes: Uint8Array };

/** The source fields every route accepts. */
export interface SourceFields {
  text?: string | undefined;
  markdown?: string | undefined;
  html?: string | undefined;
  url?: string | undefined;
}

/** The one source among the request's `text`, `markdown`, `html`, `url` and uploaded file; none or several is a 400. */
export function pickSource(request: SourceFields, file: UploadedFile | undefined): RequestSource {
  const sources: RequestSource[] = [];
  if (request.text) sources.push({ kind: 'text', text: request.text });
  if (request.markdown) sources.push({ kind: 'text', text: request.markdown, as: 'markdown' });
  if (request.html) sources.push({ kind: 'text', text: request.html, as: 'html' });
  if (request.url) sources.push({ kind: 'url', url: request.url });
  if (file) sources.push({ kind: 'file', ...file });
  const [source] = sources;
  if (source === undefined) {
    throw new ApiError(
      400,
      'invalid-request',
      'Aucun article fourni : collez un texte, donnez une adresse ou un fichier.',
      { field: 'text' },
    );
  }
  if (sources.length > 1) {
    throw new ApiError(
      400,
      'invalid-request',
      'Fournissez un seul article : un texte, une adresse ou un fichier.',
    );
  }
  return source;
}

/** The source as a job takes it: a URL is fetched here, on the thread that answers, never on the pool. */
export async function toJobSource(
  source: RequestSource,
  fetchArticle: FetchArticle,
  {
    onProgress,
    signal,
  }: { onProgress?: (event: { stage: string; message: string }) => void; signal: AbortSignal },
): Promise<JobSource> {
  if (source.kind !== 'url') return source;
  onProgress?.({ stage: 'fetch', message: 'Lecture de la page' });
  const page = await fetchArticle(source.url, { signal });
  return { kind: 'page', text: page.text, url: page.url };
}

/** Sources from this size up are heavy jobs for the pool (see `LARGE_INPUT_SIZE`). */
export const HEAVY_SOURCE_SIZE = LARGE_INPUT_SIZE;

/** Whether a source is large enough to leave a thread of the pool to the short requests. */
export function isHeavySource(source: JobSource): boolean {
  return (source.kind === 'file' ? source.bytes.byteLength : source.text.length) >= HEAVY_SOURCE_SIZE;
}
