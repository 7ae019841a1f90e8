import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ApiError, reportable } from './api-errors.js';
import { isHeavySource, pickSource, type RequestSource, toJobSource } from './job-source.js';
import { checkedWriter, optimizeJobOf } from './pooled-request.js';
import { readRequest } from './read-request.js';
import { type OptimizeRequest, optimizeRequestSchema, parseRequest } from './request-schemas.js';
import type { RouteSettings } from './route-settings.js';
import { jsonBody, runOnPool } from './run-on-pool.js';
import { type OptimizeJob, optimizeResponseBody, runOptimizeJob, runOptimizeResult } from './server-jobs.js';
import type { WriterName } from './writer-factory.js';

/** A comment line on idle event streams, so proxies do not cut a long LLM job. */
const HEARTBEAT_MS = 15_000;

/** Progress as sent on the event stream: the writer's stages, plus `fetch` for a URL. */
interface ProgressEvent {
  stage: string;
  message: string;
  done?: number;
  total?: number;
}

type OptimizeRun = (onProgress: (event: ProgressEvent) => void, signal: AbortSignal) => Promise<string>;

/**
 * `POST /api/optimize`: the article, as JSON, or as an event stream of progress then the result
 * when the client accepts `text/event-stream`. LLM jobs are capped: one more is a 429.
 */
export function optimizeRoute(settings: RouteSettings) {
  let llmJobs = 0;
  return async (context: Context): Promise<Response> => {
    const streamed = (context.req.header('accept') ?? '').includes('text/event-stream');
    // An event stream reports errors of the job as events, after its 200: it is read here, as before.
    const pooled = streamed ? undefined : await runOnPool(context, settings, 'optimize');
    if (pooled instanceof Response) return pooled;
    const { fields, file } = pooled ?? (await readRequest(context, { multipart: true }));
    const request = parseRequest(optimizeRequestSchema, fields);
    const source = pickSource(request, file);
    const writerName = checkedWriter(request, settings.writers.names, settings.defaultWriter);
    if (writerName === 'llm') {
      if (llmJobs >= settings.maxLlmJobs) {
        throw new ApiError(
          429,
          'llm-busy',
          'Trop d’articles sont en cours de rédaction : réessayez dans un moment.',
          { headers: { 'Retry-After': '30' } },
        );
      }
      llmJobs++;
    }
    const release = once(() => {
      if (writerName === 'llm') llmJobs--;
    });
    const run: OptimizeRun = (onProgress, signal) =>
      runOptimize(settings, { request, source, writerName, onProgress, signal });

    if (!streamed) {
      try {
        return jsonBody(context, await run(() => {}, context.req.raw.signal));
      } finally {
        release();
      }
    }
    return streamOptimize(context, run, settings.logError, release);
  };
}

/** Progress events, then `result` (or `error`), with a heartbeat while the writer is silent. */
function streamOptimize(
  context: Context,
  run: OptimizeRun,
  logError: (error: unknown) => void,
  release: () => void,
): Response {
  return streamSSE(context, async (stream) => {
    const abort = new AbortController();
    stream.onAbort(() => abort.abort(new Error('le client a fermé le flux')));
    context.req.raw.signal.addEventListener('abort', () => abort.abort(context.req.raw.signal.reason));
    let pending = Promise.resolve();
    /** `data` is sent as is when it is already JSON text. */
    const send = (event: string, data: unknown) => {
      const text = typeof data === 'string' ? data : JSON.stringify(data);
      pending = pending.then(() => stream.writeSSE({ event, data: text })).catch(() => {});
      return pending;
    };
    const heartbeat = setInterval(() => {
      pending = pending
        .then(() => stream.write(': keep-alive\n\n'))
        .then(
          () => {},
          () => {},
        );
    }, HEARTBEAT_MS);
    try {
      const result = await run((event) => void send('progress', event), abort.signal);
      await send('result', result);
    } catch (error) {
      if (abort.signal.aborted) return;
      const apiError = reportable(error, logError);
      await send('error', { ...apiError.toBody().error, status: apiError.status });
    } finally {
      clearInterval(heartbeat);
      release();
    }
  });
}

interface OptimizeRequestJob {
  request: OptimizeRequest;
  source: RequestSource;
  writerName: WriterName;
  onProgress: (event: ProgressEvent) => void;
  signal: AbortSignal;
}

/**
 * The same JSON as `plume optimize --format json`, plus the HTML document, as text. Offline
 * articles go to the pool when there is one; the LLM writer waits on its provider and stays here.
 */
async function runOptimize(settings: RouteSettings, job: OptimizeRequestJob): Promise<string> {
  const { request, onProgress, signal } = job;
  const input: OptimizeJob = optimizeJobOf(
    request,
    await toJobSource(job.source, settings.fetchArticle, { onProgress, signal }),
    settings.writers.names.includes('llm'),
    settings.sitePages,
  );
  if (job.writerName === 'offline' && settings.pool) {
    return (await settings.pool.runJob(
      { kind: 'optimize', input },
      {
        timeLimitMs: settings.jobTimeLimitMs,
        onProgress,
        signal,
        heavy: isHeavySource(input.source),
      },
    )) as string;
  }
  const { writer } = await settings.writers.create(job.writerName);
  if (job.writerName === 'offline') return runOptimizeJob(input, { writer, onProgress, signal });
  const result = await runOptimizeResult(input, { writer, onProgress, signal });
  return optimizeResponseBody(result);
}

function once(task: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    task();
  };
}
