import type { Context } from 'hono';
import { readRequest } from './read-request.js';
import { auditRequestSchema, parseRequest } from './request-schemas.js';
import type { RouteSettings } from './route-settings.js';
import { type AuditJob, runAuditJob } from './server-jobs.js';

/** `POST /api/audit`: the audit report of the article, as `plume audit --json` gives it. */
export function auditRoute(settings: RouteSettings) {
  return async (context: Context): Promise<Response> => {
    const { fields } = await readRequest(context, { multipart: false });
    const request = parseRequest(auditRequestSchema, fields);
    const input: AuditJob = {
      markdown: request.markdown,
      ...(request.keyphrase ? { keyphrase: request.keyphrase } : {}),
      ...(request.title ? { title: request.title } : {}),
      ...(request.description ? { description: request.description } : {}),
      ...(request.slug ? { slug: request.slug } : {}),
      ...(request.minWords === undefined ? {} : { minWords: request.minWords }),
    };
    const body = settings.pool
      ? ((await settings.pool.runJob(
          { kind: 'audit', input },
          { timeLimitMs: settings.jobTimeLimitMs, signal: context.req.raw.signal },
        )) as string)
      : await runAuditJob(input);
    return jsonBody(context, body);
  };
}

/** A body already serialised as JSON text. */
export function jsonBody(context: Context, body: string): Response {
  return context.body(body, 200, { 'Content-Type': 'application/json' });
}
