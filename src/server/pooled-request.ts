import type { SourceFormat } from '../document.js';
import type { SitePage } from '../plan/site-page.js';
import { ApiError, type ApiErrorStatus } from './api-errors.js';
import { pickSource } from './job-source.js';
import { WRITER_UNAVAILABLE_MESSAGE, webRewriterHint } from './llm-setup-help.js';
import { parseJson } from './read-request.js';
import {
  type AuditRequest,
  auditRequestSchema,
  type OptimizeRequest,
  optimizeRequestSchema,
  parseRequest,
} from './request-schemas.js';
import {
  type AuditJob,
  type JobSource,
  type OptimizeJob,
  type RunOptimizeJobOptions,
  runAuditJob,
  runOptimizeJob,
} from './server-jobs.js';
import type { WriterName } from './writer-factory.js';

/**
 * A large JSON request handled on a worker thread of the pool from its raw bytes: parsed, validated,
 * run, and its response encoded there. The thread that answers the other clients then neither parses
 * nor copies the 5 MB article, nor serializes or copies the result: the bytes go to the thread and the
 * response comes back without a copy (both transferred).
 */
export interface PooledRequest {
  route: 'optimize' | 'audit';
  /** The request's body, as received. */
  body: Uint8Array;
  /** The server's writers (`WriterFactory.names`) and the default one. */
  writerNames: readonly WriterName[];
  defaultWriter: WriterName;
  /** The server's site pages (`site.pages`), for a request that gives none. */
  sitePages?: SitePage[];
}

/** An `ApiError` as plain data, to cross the thread boundary whole (status, field, headers). */
export interface PooledApiError {
  status: ApiErrorStatus;
  code: string;
  message: string;
  field?: string;
  headers: Record<string, string>;
}

export type PooledRequestOutcome =
  /** The response body, UTF-8 JSON. */
  | { kind: 'body'; body: Uint8Array }
  /** Valid, but for the answering thread (a URL to fetch, the LLM writer): the parsed fields. */
  | { kind: 'answering-thread'; fields: unknown }
  | { kind: 'error'; error: PooledApiError };

/** Runs a `PooledRequest` with the checks of its route, in the same order, with the same errors. */
export async function runPooledRequest(
  request: PooledRequest,
  options: Pick<RunOptimizeJobOptions, 'onProgress'> = {},
): Promise<PooledRequestOutcome> {
  try {
    const fields = parseJson(request.body);
    const llmAvailable = request.writerNames.includes('llm');
    if (request.route === 'audit') {
      const audit = parseRequest(auditRequestSchema, fields);
      const source = pickSource(audit, undefined);
      if (source.kind === 'url') return { kind: 'answering-thread', fields };
      return { kind: 'body', body: encode(await runAuditJob(auditJobOf(audit, source, llmAvailable))) };
    }
    const optimize = parseRequest(optimizeRequestSchema, fields);
    const source = pickSource(optimize, undefined);
    const writerName = checkedWriter(optimize, request.writerNames, request.defaultWriter);
    if (writerName !== 'offline' || source.kind === 'url') return { kind: 'answering-thread', fields };
    const job = optimizeJobOf(optimize, source, llmAvailable, request.sitePages);
    return { kind: 'body', body: encode(await runOptimizeJob(job, options)) };
  } catch (error) {
    if (!ApiError.isInstance(error)) throw error;
    const { status, code, message, field, headers } = error;
    return {
      kind: 'error',
      error: { status, code, message, headers: { ...headers }, ...(field === undefined ? {} : { field }) },
    };
  }
}

/** The `ApiError` a worker thread reported. */
export function toApiError(error: PooledApiError): ApiError {
  return new ApiError(error.status, error.code, error.message, {
    headers: error.headers,
    ...(error.field === undefined ? {} : { field: error.field }),
  });
}

/** The writer a request asks for (or the server's default); one the server does not have is a 400. */
export function checkedWriter(
  request: OptimizeRequest,
  writerNames: readonly WriterName[],
  defaultWriter: WriterName,
): WriterName {
  const writerName = request.writer ?? defaultWriter;
  if (!writerNames.includes(writerName)) {
    throw new ApiError(400, 'writer-unavailable', WRITER_UNAVAILABLE_MESSAGE, { field: 'writer' });
  }
  return writerName;
}

/** The optimize job of a valid request whose source is read (a URL already fetched). */
export function optimizeJobOf(
  request: OptimizeRequest,
  source: JobSource,
  llmAvailable: boolean,
  defaultSitePages?: SitePage[],
): OptimizeJob {
  const sitePages = request.sitePages ?? defaultSitePages;
  return {
    source,
    locale: request.locale ?? 'fr-FR',
    ...(request.format ? { format: request.format as SourceFormat } : {}),
    ...(request.keyphrase ? { keyphrase: request.keyphrase } : {}),
    ...(request.minWords === undefined ? {} : { minWords: request.minWords }),
    ...(request.siteName ? { siteName: request.siteName } : {}),
    ...(request.author ? { author: request.author } : {}),
    ...(sitePages ? { sitePages } : {}),
    rewriterHint: webRewriterHint(llmAvailable),
  };
}

/** The audit job of a valid request whose source is read (a URL already fetched). */
export function auditJobOf(request: AuditRequest, source: JobSource, llmAvailable: boolean): AuditJob {
  return {
    source,
    ...(request.format ? { format: request.format as SourceFormat } : {}),
    ...(request.keyphrase ? { keyphrase: request.keyphrase } : {}),
    ...(request.title ? { title: request.title } : {}),
    ...(request.description ? { description: request.description } : {}),
    ...(request.slug ? { slug: request.slug } : {}),
    ...(request.minWords === undefined ? {} : { minWords: request.minWords }),
    ...(request.constraints ? { constraints: true } : {}),
    ...(request.original === undefined ? {} : { original: request.original }),
    writerCanRewrite: llmAvailable,
    rewriterHint: webRewriterHint(llmAvailable),
  };
}

/** A fresh buffer of its own (never a slice of Node's shared pool): it can be transferred. */
function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
