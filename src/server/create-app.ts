import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ArticlePool } from '../batch/thread-pool.js';
import type { SourceFormat } from '../document.js';
import { createArticleFetcher, type FetchArticle } from '../ingest/fetch-article.js';
import { MAX_INPUT_BYTES } from '../ingest/input-error.js';
import { quoteInput } from '../ingest/input-limits.js';
import { VERSION } from '../version.js';
import { ApiError, notFoundError, toApiError } from './api-errors.js';
import { readBearerToken, tokensMatch } from './bearer-token.js';
import { DEFAULT_JOB_TIME_LIMIT_MS } from './job-time-limit.js';
import { createRateLimiter, type RateLimiterOptions } from './rate-limiter.js';
import { readBody } from './read-body.js';
import {
  auditRequestSchema,
  type OptimizeRequest,
  optimizeRequestSchema,
  parseRequest,
} from './request-schemas.js';
import {
  type AuditJob,
  type JobSource,
  type OptimizeJob,
  optimizeResponseBody,
  runAuditJob,
  runOptimizeJob,
  runOptimizeResult,
} from './server-jobs.js';
import { findWebModule, PLACEHOLDER_ASSETS, type WebAssets } from './web-assets.js';
import { createOfflineWriterFactory, type WriterFactory, type WriterName } from './writer-factory.js';

export interface CreateAppOptions {
  /** Bearer token every `/api` request must carry (default: none, so no check). */
  token?: string;
  /** Let `url` sources reach loopback and private networks (default: false). Ignored with `fetchArticle`. */
  allowPrivateUrls?: boolean;
  /** Per-client token bucket for `/api` (default: 60 requests a minute); `false` turns it off. */
  rateLimit?: RateLimiterOptions | false;
  /** Largest request body in bytes, files included (default: 5 MB). */
  maxBodyBytes?: number;
  /** LLM articles written at once; one more is refused with 429 (default: 2). */
  maxConcurrentLlmJobs?: number;
  /** Fetches `url` sources (default: `createArticleFetcher({ allowPrivateUrls })`). */
  fetchArticle?: FetchArticle;
  /** Writers offered (default: offline only). */
  writerFactory?: WriterFactory;
  /** The page, its script and style sheet (default: a placeholder page; `startServer` loads `src/web/`). */
  staticAssets?: WebAssets | (() => WebAssets);
  /**
   * Host names the server answers to, lower case, without port (default: `localhost`, `127.0.0.1`
   * and `[::1]` when no token is set, so a DNS-rebinding page cannot reach a tokenless local
   * server; any host when a token is set). Pass `['*']` to accept any.
   */
  allowedHosts?: readonly string[];
  /** The client's key for rate limiting (default: the socket's remote address). */
  clientAddress?: (context: Context) => string;
  /** Where unexpected errors are reported, with their stack (default: one entry on stderr). */
  logError?: (error: unknown) => void;
  /** Version shown by `/api/health` (default: Plume's). */
  version?: string;
  /**
   * Worker threads for offline optimize and audit, so a heavy article never holds the thread
   * that answers the other clients (default: none, they run on the calling thread; `startServer`
   * gives a pool). With a pool, offline articles use the offline writer, not `writerFactory`'s.
   */
  jobPool?: Pick<ArticlePool, 'runJob'>;
  /** Longest an optimize or audit may compute on the pool, in milliseconds (default: 120 s); past it, HTTP 503. */
  jobTimeLimitMs?: number;
}

export { DEFAULT_JOB_TIME_LIMIT_MS };

/** Strict: the page loads its script and style from the same origin, never inline. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const UPLOAD_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm']);
/** A comment line on idle event streams, so proxies do not cut a long LLM job. */
const HEARTBEAT_MS = 15_000;

/** A source, exactly one of the three. */
type OptimizeSource =
  | { kind: 'text'; text: string }
  | { kind: 'url'; url: string }
  | { kind: 'file'; name: string; bytes: Uint8Array };

/** Progress as sent on the event stream: the writer's stages, plus `fetch` for a URL. */
interface ProgressEvent {
  stage: string;
  message: string;
  done?: number;
  total?: number;
}

/**
 * The HTTP API and the page of `plume serve`, as a Hono app (in-process tests call `app.request`).
 * Secure by default: loopback host names only unless a token is set, bearer token checked in
 * constant time, per-client rate limit, bounded bodies, capped LLM jobs, strict CSP, JSON errors
 * that never carry a stack or a path.
 */
export function createApp(options: CreateAppOptions = {}): Hono {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_INPUT_BYTES;
  const maxLlmJobs = options.maxConcurrentLlmJobs ?? 2;
  const writers = options.writerFactory ?? createOfflineWriterFactory();
  const defaultWriter: WriterName = writers.names.includes('llm') ? 'llm' : 'offline';
  const fetchArticle =
    options.fetchArticle ?? createArticleFetcher({ allowPrivateUrls: options.allowPrivateUrls === true });
  const logError = options.logError ?? defaultLogError;
  const allowedHosts = options.allowedHosts ?? (options.token ? ['*'] : LOOPBACK_HOSTS);
  const clientAddress = options.clientAddress ?? socketAddress;
  const limiter = options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit);
  const assets = () =>
    typeof options.staticAssets === 'function'
      ? options.staticAssets()
      : (options.staticAssets ?? PLACEHOLDER_ASSETS);
  let llmJobs = 0;
  const pool = options.jobPool;
  const jobTimeLimitMs = options.jobTimeLimitMs ?? DEFAULT_JOB_TIME_LIMIT_MS;

  const app = new Hono();

  app.use('*', async (context, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) context.res.headers.set(name, value);
    // The article preview is a sandboxed frame with an opaque origin: it may read the stylesheet, nothing else.
    if (context.req.path === '/app.css')
      context.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  });
  app.use('*', checkHost(allowedHosts));

  app.get('/', (context) => staticFile(context, assets().html, 'text/html; charset=utf-8'));
  app.get('/app.js', (context) => staticFile(context, assets().js, 'text/javascript; charset=utf-8'));
  app.get('/app.css', (context) => staticFile(context, assets().css, 'text/css; charset=utf-8'));
  app.get('/modules/:name', (context) => {
    const source = findWebModule(assets(), context.req.param('name'));
    if (source === undefined) throw notFoundError();
    return staticFile(context, source, 'text/javascript; charset=utf-8');
  });

  app.use('/api/*', async (context, next) => {
    context.header('Cache-Control', 'no-store');
    if (limiter) {
      const decision = limiter.take(clientAddress(context));
      if (!decision.allowed) {
        throw new ApiError(429, 'rate-limited', 'Trop de requêtes : patientez un instant puis réessayez.', {
          headers: { 'Retry-After': String(decision.retryAfterSeconds) },
        });
      }
    }
    if (options.token !== undefined) {
      const presented = readBearerToken(context.req.header('authorization'));
      if (presented === undefined || !tokensMatch(presented, options.token)) {
        throw new ApiError(401, 'unauthorized', 'Jeton d’accès manquant ou invalide.', {
          headers: { 'WWW-Authenticate': 'Bearer' },
        });
      }
    }
    if (context.req.method !== 'GET' && context.req.method !== 'HEAD') checkSameOrigin(context);
    await next();
  });

  app.get('/api/health', (context) =>
    context.json({ version: options.version ?? VERSION, writers: writers.names }),
  );

  app.post('/api/audit', async (context) => {
    if (mediaTypeOf(context) !== 'application/json') throw unsupportedMediaType('application/json');
    const request = parseRequest(
      auditRequestSchema,
      parseJson(await readBody(context.req.raw, maxBodyBytes)),
    );
    const input: AuditJob = {
      markdown: request.markdown,
      ...(request.keyphrase ? { keyphrase: request.keyphrase } : {}),
      ...(request.title ? { title: request.title } : {}),
      ...(request.description ? { description: request.description } : {}),
      ...(request.slug ? { slug: request.slug } : {}),
      ...(request.minWords === undefined ? {} : { minWords: request.minWords }),
    };
    const body = pool
      ? ((await pool.runJob(
          { kind: 'audit', input },
          { timeLimitMs: jobTimeLimitMs, signal: context.req.raw.signal },
        )) as string)
      : await runAuditJob(input);
    return jsonBody(context, body);
  });

  app.post('/api/optimize', async (context) => {
    const { fields, file } = await readOptimizeBody(context, maxBodyBytes);
    const request = parseRequest(optimizeRequestSchema, fields);
    const source = pickSource(request, file);
    const writerName = request.writer ?? defaultWriter;
    if (!writers.names.includes(writerName)) {
      throw new ApiError(
        400,
        'writer-unavailable',
        'Aucun fournisseur LLM n’est configuré sur ce serveur : choisissez le rédacteur hors ligne.',
        { field: 'writer' },
      );
    }
    if (writerName === 'llm') {
      if (llmJobs >= maxLlmJobs) {
        throw new ApiError(
          429,
          'llm-busy',
          'Trop d’articles sont en cours de rédaction : réessayez dans un moment.',
          {
            headers: { 'Retry-After': '30' },
          },
        );
      }
      llmJobs++;
    }
    const release = once(() => {
      if (writerName === 'llm') llmJobs--;
    });
    const job = (onProgress: (event: ProgressEvent) => void, signal: AbortSignal) =>
      runOptimize({
        request,
        source,
        writerName,
        writers,
        fetchArticle,
        onProgress,
        signal,
        ...(pool ? { pool } : {}),
        jobTimeLimitMs,
      });

    if (!(context.req.header('accept') ?? '').includes('text/event-stream')) {
      try {
        return jsonBody(context, await job(() => {}, context.req.raw.signal));
      } finally {
        release();
      }
    }
    return streamSSE(context, async (stream) => {
      const abort = new AbortController();
      stream.onAbort(() => abort.abort(new Error('client closed the stream')));
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
        const result = await job((event) => void send('progress', event), abort.signal);
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
  });

  app.notFound((context) => context.json(notFoundError().toBody(), 404));
  app.onError((error, context) => {
    // The client left (its request was aborted): nobody reads this answer, and it is no server fault.
    if (context.req.raw.signal.aborted) return context.json(toApiError(error).toBody(), 500);
    const apiError = reportable(error, logError);
    return context.json(apiError.toBody(), apiError.status, apiError.headers);
  });
  return app;
}

interface OptimizeRequestJob {
  request: OptimizeRequest;
  source: OptimizeSource;
  writerName: WriterName;
  writers: WriterFactory;
  fetchArticle: FetchArticle;
  onProgress: (event: ProgressEvent) => void;
  signal: AbortSignal;
  pool?: Pick<ArticlePool, 'runJob'>;
  jobTimeLimitMs: number;
}

/**
 * The same JSON as `plume optimize --format json`, plus the HTML document, as text. Offline
 * articles go to the pool when there is one; the LLM writer waits on its provider and stays here.
 */
async function runOptimize(job: OptimizeRequestJob): Promise<string> {
  const { request, source, onProgress, signal } = job;
  let jobSource: JobSource;
  if (source.kind === 'url') {
    onProgress({ stage: 'fetch', message: 'Lecture de la page' });
    const page = await job.fetchArticle(source.url, { signal });
    jobSource = { kind: 'page', text: page.text, url: page.url };
  } else {
    jobSource = source;
  }
  const input: OptimizeJob = {
    source: jobSource,
    locale: request.locale ?? 'fr-FR',
    ...(request.format ? { format: request.format as SourceFormat } : {}),
    ...(request.keyphrase ? { keyphrase: request.keyphrase } : {}),
    ...(request.minWords === undefined ? {} : { minWords: request.minWords }),
    ...(request.siteName ? { siteName: request.siteName } : {}),
    ...(request.author ? { author: request.author } : {}),
  };
  if (job.writerName === 'offline' && job.pool) {
    return (await job.pool.runJob(
      { kind: 'optimize', input },
      { timeLimitMs: job.jobTimeLimitMs, onProgress, signal },
    )) as string;
  }
  const { writer } = await job.writers.create(job.writerName);
  if (job.writerName === 'offline') return runOptimizeJob(input, { writer, onProgress, signal });
  const result = await runOptimizeResult(input, { writer, onProgress, signal });
  return optimizeResponseBody(result);
}

function jsonBody(context: Context, body: string): Response {
  return context.body(body, 200, { 'Content-Type': 'application/json' });
}

/** The fields (as for JSON) and the uploaded file of an optimize request, JSON or multipart. */
async function readOptimizeBody(
  context: Context,
  maxBodyBytes: number,
): Promise<{ fields: unknown; file?: { name: string; bytes: Uint8Array } }> {
  const mediaType = mediaTypeOf(context);
  if (mediaType === 'application/json') {
    return { fields: parseJson(await readBody(context.req.raw, maxBodyBytes)) };
  }
  if (mediaType !== 'multipart/form-data')
    throw unsupportedMediaType('application/json ou multipart/form-data');
  const bytes = await readBody(context.req.raw, maxBodyBytes);
  let form: FormData;
  try {
    form = await new Response(bytes, {
      headers: { 'content-type': context.req.header('content-type') ?? '' },
    }).formData();
  } catch {
    throw new ApiError(400, 'invalid-multipart', 'Le formulaire envoyé est illisible.');
  }
  const fields: Record<string, unknown> = {};
  let file: { name: string; bytes: Uint8Array } | undefined;
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') {
      if (name !== 'file')
        throw new ApiError(400, 'invalid-request', `Champ inconnu : « ${quoteInput(name)} ».`, {
          field: quoteInput(name),
        });
      // A form with no file chosen still sends an empty, nameless part.
      if (value.name === '' && value.size === 0) continue;
      file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
      continue;
    }
    // Empty inputs of a form mean « not given ».
    if (value === '') continue;
    fields[name] = name === 'minWords' && /^\d+$/.test(value) ? Number(value) : value;
  }
  if (file !== undefined && !UPLOAD_EXTENSIONS.has(extensionOf(file.name))) {
    throw new ApiError(
      415,
      'unsupported-file-type',
      'Type de fichier non pris en charge : envoyez un fichier .txt, .md ou .html.',
      { field: 'file' },
    );
  }
  return { fields, ...(file ? { file } : {}) };
}

function pickSource(
  request: OptimizeRequest,
  file: { name: string; bytes: Uint8Array } | undefined,
): OptimizeSource {
  const sources: OptimizeSource[] = [];
  if (request.text) sources.push({ kind: 'text', text: request.text });
  if (request.url) sources.push({ kind: 'url', url: request.url });
  if (file) sources.push({ kind: 'file', ...file });
  const [source] = sources;
  if (source === undefined) {
    throw new ApiError(
      400,
      'invalid-request',
      'Aucun article fourni : collez un texte, donnez une adresse ou un fichier.',
      {
        field: 'text',
      },
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

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError(400, 'invalid-json', 'Le corps de la requête n’est pas du JSON valide.');
  }
}

function mediaTypeOf(context: Context): string {
  return (context.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function unsupportedMediaType(expected: string): ApiError {
  return new ApiError(
    415,
    'unsupported-media-type',
    `Type de contenu non pris en charge : ${expected} attendu.`,
  );
}

function staticFile(context: Context, body: string, contentType: string): Response {
  return context.body(body, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-cache' });
}

/**
 * Refuses requests for another host name. Without a token, a page on any site could otherwise
 * make the browser resolve its own name to 127.0.0.1 (DNS rebinding) and read the API.
 */
function checkHost(allowedHosts: readonly string[]): MiddlewareHandler {
  const anyHost = allowedHosts.includes('*');
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  return async (context, next) => {
    // The adapter builds the URL from the Host header; in-process requests have only the URL.
    if (!anyHost && !allowed.has(new URL(context.req.url).hostname.toLowerCase())) {
      throw new ApiError(403, 'forbidden-host', 'Ce serveur ne répond pas à ce nom d’hôte.');
    }
    await next();
  };
}

/**
 * A cross-site form can post multipart without a CORS preflight: refuse writes whose Origin is
 * another site. Clients that send no Origin (curl, scripts) are not browsers and pass.
 */
function checkSameOrigin(context: Context): void {
  const origin = context.req.header('origin');
  const crossSite = context.req.header('sec-fetch-site') === 'cross-site';
  let foreign = crossSite;
  if (origin !== undefined && origin !== 'null') {
    try {
      foreign ||= new URL(origin).host.toLowerCase() !== new URL(context.req.url).host.toLowerCase();
    } catch {
      foreign = true;
    }
  } else if (origin === 'null') {
    foreign = true;
  }
  if (foreign) throw new ApiError(403, 'cross-origin', 'Requête refusée : elle vient d’un autre site.');
}

function socketAddress(context: Context): string {
  const environment = context.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return environment?.incoming?.socket?.remoteAddress ?? 'local';
}

function extensionOf(fileName: string): string {
  const baseName = fileName.split(/[\\/]/).pop() ?? '';
  const dot = baseName.lastIndexOf('.');
  return dot > 0 ? baseName.slice(dot).toLowerCase() : '';
}

/** The error as the client may see it; unexpected ones are logged in full here, and only here. */
function reportable(error: unknown, logError: (error: unknown) => void): ApiError {
  const apiError = toApiError(error);
  // Server faults and provider failures concern the operator; a URL that fails, or an article too
  // heavy for the time limit, concerns the client only.
  if (apiError.status >= 500 && !apiError.code.startsWith('url-') && apiError.code !== 'job-time-limit')
    logError(error);
  return apiError;
}

function defaultLogError(error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`plume serve: internal error: ${detail}\n`);
}

function once(task: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    task();
  };
}
