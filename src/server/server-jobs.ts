import { audit, auditWithConstraints } from '../audit-source.js';
import type { SourceFormat } from '../document.js';
import { decodeSource } from '../ingest/decode-source.js';
import { detectFormat } from '../ingest/detect-format.js';
import type { IngestOptions } from '../ingest/ingest.js';
import { type OptimizeResult, optimize } from '../optimize.js';
import type { SitePage } from '../plan/site-page.js';
import { renderJson } from '../render/render-json.js';
import type { Writer, WriterProgress } from '../write/writer.js';

/**
 * The CPU-bound part of the server's requests, as plain data in and a JSON body out: it runs on a
 * worker thread of the pool (see `createApp`'s `jobPool`), so one heavy article never holds the
 * thread that answers the other clients.
 */

/**
 * A source as received: pasted text (`as`: the field it came in, `markdown` or `html`; none for
 * `text`), an uploaded file (raw bytes), or a page already fetched.
 */
export type JobSource =
  | { kind: 'text'; text: string; as?: 'markdown' | 'html' }
  | { kind: 'file'; name: string; bytes: Uint8Array }
  | { kind: 'page'; text: string; url: string };

export interface OptimizeJob {
  source: JobSource;
  /** Forced format (default: detected). */
  format?: SourceFormat;
  keyphrase?: string;
  minWords?: number;
  locale: string;
  siteName?: string;
  author?: string;
  /** The site's pages the article's words may link to (« maillage interne »). */
  sitePages?: SitePage[];
  /** How the user gets a writer that translates and expands, in their terms (default: the CLI's). */
  rewriterHint?: string;
}

export interface AuditJob {
  source: JobSource;
  /** Forced format (default: detected). */
  format?: SourceFormat;
  keyphrase?: string;
  title?: string;
  description?: string;
  slug?: string;
  minWords?: number;
  /** Add the hard constraints to the report (default: false; implied by `original`). */
  constraints?: boolean;
  /** The article the audited one was written from: its facts are checked against it. */
  original?: string;
  /** Whether the server has a writer that translates and expands (default: false). */
  writerCanRewrite?: boolean;
  /** How the user gets such a writer, in their terms (default: the CLI's). */
  rewriterHint?: string;
}

export interface RunOptimizeJobOptions {
  /** The writer (default: the offline writer). */
  writer?: Writer;
  onProgress?: (event: WriterProgress) => void;
  signal?: AbortSignal;
}

/** Decodes, ingests and optimizes: the result, for the caller to add its own figures before `optimizeResponseBody`. */
export async function runOptimizeResult(
  job: OptimizeJob,
  options: RunOptimizeJobOptions = {},
): Promise<OptimizeResult> {
  const { text, ingestOptions, sourceNotes } = decodeJobSource(job.source, job.format);
  return optimize(text, {
    ...ingestOptions,
    locale: job.locale,
    sourceNotes,
    now: () => new Date(),
    ...(options.writer ? { writer: options.writer } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(job.keyphrase ? { keyphrase: job.keyphrase } : {}),
    ...(job.minWords === undefined ? {} : { minWords: job.minWords }),
    ...(job.siteName ? { siteName: job.siteName } : {}),
    ...(job.author ? { author: job.author } : {}),
    ...(job.sitePages && job.sitePages.length > 0 ? { sitePages: job.sitePages } : {}),
    ...(job.rewriterHint === undefined ? {} : { rewriterHint: job.rewriterHint }),
  });
}

interface DecodedSource {
  text: string;
  ingestOptions: IngestOptions;
  /** What decoding noticed (e.g. a Latin-1 file), for the report. */
  sourceNotes: string[];
}

/** The text of a source and how to read it; the same on every route. */
function decodeJobSource(source: JobSource, format: SourceFormat | undefined): DecodedSource {
  const ingestOptions: IngestOptions = {};
  const sourceNotes: string[] = [];
  let text: string;
  if (source.kind === 'page') {
    text = source.text;
    ingestOptions.format = 'html-page';
    ingestOptions.url = source.url;
  } else if (source.kind === 'file') {
    text = decodeSource(source.bytes, source.name, {
      maxBytes: Number.POSITIVE_INFINITY,
      onNote: (note) => sourceNotes.push(note),
    });
    ingestOptions.fileName = source.name;
  } else {
    // Through the shared decoder for the same checks and normalisation as a file: NFC, line ends, binary.
    text = decodeSource(Buffer.from(source.text, 'utf8'), source.as ?? 'text', {
      maxBytes: Number.POSITIVE_INFINITY,
    });
    const named = source.as ? formatOfField(text, source.as) : undefined;
    if (named) ingestOptions.format = named;
  }
  if (format) ingestOptions.format = format;
  return { text, ingestOptions, sourceNotes };
}

/**
 * The format of text sent as `markdown` or `html`. Markdown that is plain text is read by the
 * plain text parser, which is cheaper than remark and reads it the same way; HTML that is a whole
 * page has its article extracted.
 */
function formatOfField(text: string, field: 'markdown' | 'html'): SourceFormat {
  const detected = detectFormat(text);
  if (field === 'markdown') return detected === 'text' ? 'text' : 'markdown';
  return detected === 'html-page' ? 'html-page' : 'html';
}

/** The same JSON as `plume optimize --format json`, plus the HTML document, as the response body. */
export function optimizeResponseBody(result: OptimizeResult): string {
  return JSON.stringify({
    ...(JSON.parse(renderJson(result)) as Record<string, unknown>),
    html: result.html,
    // « Done » as `plume optimize` means it (exit 0): the constraints hold and the model did not fail.
    done: result.report.passed && result.report.writerStats.degraded !== true,
  });
}

/** The offline optimize of a request: the response body. */
export async function runOptimizeJob(job: OptimizeJob, options: RunOptimizeJobOptions = {}): Promise<string> {
  return optimizeResponseBody(await runOptimizeResult(job, options));
}

/**
 * The audit of a request: the report as the response body, with the hard constraints re-checked
 * when asked (the web page's live audit of an edited article).
 */
export async function runAuditJob(job: AuditJob): Promise<string> {
  const { text, ingestOptions } = decodeJobSource(job.source, job.format);
  const options = {
    ...ingestOptions,
    ...(job.keyphrase ? { keyphrase: job.keyphrase } : {}),
    ...(job.title ? { title: job.title } : {}),
    ...(job.description ? { description: job.description } : {}),
    ...(job.slug ? { slug: job.slug } : {}),
    ...(job.minWords === undefined ? {} : { minWords: job.minWords }),
  };
  if (!job.constraints && job.original === undefined) return JSON.stringify(await audit(text, options));
  const original =
    job.original === undefined
      ? undefined
      : decodeJobSource({ kind: 'text', text: job.original }, undefined).text;
  const report = await auditWithConstraints(text, {
    ...options,
    ...(original === undefined ? {} : { source: original }),
    writerCanRewrite: job.writerCanRewrite ?? false,
    ...(job.rewriterHint === undefined ? {} : { rewriterHint: job.rewriterHint }),
  });
  return JSON.stringify(report);
}
