import type { Context } from 'hono';
import type { SourceFormat } from '../document.js';
import { isHeavySource, pickSource, toJobSource } from './job-source.js';
import { webRewriterHint } from './llm-setup-help.js';
import { readRequest } from './read-request.js';
import { auditRequestSchema, parseRequest } from './request-schemas.js';
import type { RouteSettings } from './route-settings.js';
import { type AuditJob, runAuditJob } from './server-jobs.js';

/**
 * `POST /api/audit`: the audit report of the article, as `plume audit --json` gives it. The
 * article comes as on `/api/optimize`: `text`, `markdown`, `html`, `url` or a multipart `file`.
 */
export function auditRoute(settings: RouteSettings) {
  return async (context: Context): Promise<Response> => {
    const { fields, file } = await readRequest(context, { multipart: true });
    const request = parseRequest(auditRequestSchema, fields);
    const signal = context.req.raw.signal;
    const input: AuditJob = {
      source: await toJobSource(pickSource(request, file), settings.fetchArticle, { signal }),
      ...(request.format ? { format: request.format as SourceFormat } : {}),
      ...(request.keyphrase ? { keyphrase: request.keyphrase } : {}),
      ...(request.title ? { title: request.title } : {}),
      ...(request.description ? { description: request.description } : {}),
      ...(request.slug ? { slug: request.slug } : {}),
      ...(request.minWords === undefined ? {} : { minWords: request.minWords }),
      ...(request.constraints ? { constraints: true } : {}),
      ...(request.original === undefined ? {} : { original: request.original }),
      writerCanRewrite: settings.writers.names.includes('llm'),
      rewriterHint: webRewriterHint(settings.writers.names.includes('llm')),
    };
    const body = settings.pool
      ? ((await settings.pool.runJob(
          { kind: 'audit', input },
          { timeLimitMs: settings.jobTimeLimitMs, signal, heavy: isHeavySource(input.source) },
        )) as string)
      : await runAuditJob(input);
    return jsonBody(context, body);
  };
}

/** A body already serialised as JSON text. */
export function jsonBody(context: Context, body: string): Response {
  return context.body(body, 200, { 'Content-Type': 'application/json' });
}
