import type { Context } from 'hono';
import { HEAVY_SOURCE_SIZE } from './job-source.js';
import { type PooledRequest, type PooledRequestOutcome, toApiError } from './pooled-request.js';
import { mediaTypeOf, parseJson, type RequestFields, readBytes } from './read-request.js';
import type { RouteSettings } from './route-settings.js';

/**
 * A JSON body of `HEAVY_SOURCE_SIZE` bytes or more goes to the pool as it was received (see
 * `PooledRequest`): the response when the thread could answer, the parsed fields when the request is
 * for this thread (a URL, the LLM writer). Undefined for any other request: read here, as before.
 */
export async function runOnPool(
  context: Context,
  settings: RouteSettings,
  route: PooledRequest['route'],
): Promise<Response | RequestFields | undefined> {
  if (!settings.pool || mediaTypeOf(context) !== 'application/json') return undefined;
  const body = await readBytes(context);
  if (body.byteLength < HEAVY_SOURCE_SIZE) return { fields: parseJson(body) };
  const request: PooledRequest = {
    route,
    body,
    writerNames: settings.writers.names,
    defaultWriter: settings.defaultWriter,
    ...(settings.sitePages ? { sitePages: settings.sitePages } : {}),
  };
  const outcome = (await settings.pool.runJob(
    { kind: 'request', request },
    { timeLimitMs: settings.jobTimeLimitMs, signal: context.req.raw.signal, heavy: true },
  )) as PooledRequestOutcome;
  if (outcome.kind === 'error') throw toApiError(outcome.error);
  if (outcome.kind === 'answering-thread') return { fields: outcome.fields };
  return jsonBody(context, outcome.body);
}

/** A body already serialised as JSON (text, or its UTF-8 bytes from a worker thread). */
export function jsonBody(context: Context, body: string | Uint8Array): Response {
  return context.body(body as string | Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/json' });
}
