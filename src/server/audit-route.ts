import type { Context } from 'hono';
import { isHeavySource, pickSource, toJobSource } from './job-source.js';
import { auditJobOf } from './pooled-request.js';
import { readRequest } from './read-request.js';
import { auditRequestSchema, parseRequest } from './request-schemas.js';
import type { RouteSettings } from './route-settings.js';
import { jsonBody, runOnPool } from './run-on-pool.js';
import { runAuditJob } from './server-jobs.js';

/**
 * `POST /api/audit`: the audit report of the article, as `plume audit --json` gives it. The
 * article comes as on `/api/optimize`: `text`, `markdown`, `html`, `url` or a multipart `file`.
 */
export function auditRoute(settings: RouteSettings) {
  return async (context: Context): Promise<Response> => {
    const pooled = await runOnPool(context, settings, 'audit');
    if (pooled instanceof Response) return pooled;
    const { fields, file } = pooled ?? (await readRequest(context, { multipart: true }));
    const request = parseRequest(auditRequestSchema, fields);
    const signal = context.req.raw.signal;
    const input = auditJobOf(
      request,
      await toJobSource(pickSource(request, file), settings.fetchArticle, { signal }),
      settings.writers.names.includes('llm'),
    );
    const body = settings.pool
      ? ((await settings.pool.runJob(
          { kind: 'audit', input },
          { timeLimitMs: settings.jobTimeLimitMs, signal, heavy: isHeavySource(input.source) },
        )) as string)
      : await runAuditJob(input);
    return jsonBody(context, body);
  };
}
