import { type Context, Hono } from 'hono';
import type { ArticlePool } from '../batch/thread-pool.js';
import { createArticleFetcher, type FetchArticle } from '../ingest/fetch-article.js';
import { MAX_INPUT_BYTES } from '../ingest/input-error.js';
import type { SitePage } from '../plan/site-page.js';
import { VERSION } from '../version.js';
import { notFoundError, reportable, toApiError } from './api-errors.js';
import { apiGuards, checkHost, LOOPBACK_HOSTS } from './api-guards.js';
import { auditRoute } from './audit-route.js';
import { DEFAULT_JOB_TIME_LIMIT_MS } from './job-time-limit.js';
import { LLM_SETUP_HELP } from './llm-setup-help.js';
import { optimizeRoute } from './optimize-route.js';
import type { RateLimiterOptions } from './rate-limiter.js';
import type { RouteSettings } from './route-settings.js';
import { securityHeaders } from './security-headers.js';
import { findWebModule, PLACEHOLDER_ASSETS, type WebAssets } from './web-assets.js';
import { createOfflineWriterFactory, type WriterFactory } from './writer-factory.js';

export interface CreateAppOptions {
  /** The site's pages optimize links to when a request gives no `sitePages` (`site.pages` of the configuration). */
  sitePages?: SitePage[];
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

export { CONTENT_SECURITY_POLICY } from './security-headers.js';
export { DEFAULT_JOB_TIME_LIMIT_MS };

/**
 * The HTTP API and the page of `plume serve`, as a Hono app (in-process tests call `app.request`).
 * Secure by default: loopback host names only unless a token is set, bearer token checked in
 * constant time, per-client rate limit, bounded bodies, capped LLM jobs, strict CSP, JSON errors
 * that never carry a stack or a path.
 */
export function createApp(options: CreateAppOptions = {}): Hono {
  const writers = options.writerFactory ?? createOfflineWriterFactory();
  const logError = options.logError ?? defaultLogError;
  const settings: RouteSettings = {
    maxLlmJobs: options.maxConcurrentLlmJobs ?? 2,
    writers,
    defaultWriter: writers.names.includes('llm') ? 'llm' : 'offline',
    fetchArticle:
      options.fetchArticle ?? createArticleFetcher({ allowPrivateUrls: options.allowPrivateUrls === true }),
    logError,
    ...(options.jobPool ? { pool: options.jobPool } : {}),
    jobTimeLimitMs: options.jobTimeLimitMs ?? DEFAULT_JOB_TIME_LIMIT_MS,
    ...(options.sitePages && options.sitePages.length > 0 ? { sitePages: options.sitePages } : {}),
  };
  const assets = () =>
    typeof options.staticAssets === 'function'
      ? options.staticAssets()
      : (options.staticAssets ?? PLACEHOLDER_ASSETS);

  const app = new Hono();
  app.use('*', securityHeaders());
  app.use('*', checkHost(options.allowedHosts ?? (options.token ? ['*'] : LOOPBACK_HOSTS)));

  app.get('/', (context) => staticFile(context, assets().html, 'text/html; charset=utf-8'));
  app.get('/app.js', (context) => staticFile(context, assets().js, 'text/javascript; charset=utf-8'));
  app.get('/app.css', (context) => staticFile(context, assets().css, 'text/css; charset=utf-8'));
  app.get('/modules/:name', (context) => {
    const source = findWebModule(assets(), context.req.param('name'));
    if (source === undefined) throw notFoundError();
    return staticFile(context, source, 'text/javascript; charset=utf-8');
  });

  app.use(
    '/api/*',
    ...apiGuards({
      maxBodyBytes: options.maxBodyBytes ?? MAX_INPUT_BYTES,
      ...(options.token === undefined ? {} : { token: options.token }),
      ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
      ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
    }),
  );
  app.get('/api/health', (context) =>
    context.json({
      version: options.version ?? VERSION,
      writers: writers.names,
      // The web page's help comes from here: the API's refusals and the page say the same thing.
      ...(writers.names.includes('llm') ? {} : { llmSetupHelp: LLM_SETUP_HELP }),
    }),
  );
  let openApiDocument: object | undefined;
  app.get('/api/openapi.json', async (context) => {
    // Loaded on first use: the generator is not needed to answer the other routes.
    const { buildOpenApiDocument } = await import('./openapi-document.js');
    openApiDocument ??= buildOpenApiDocument(options.version ?? VERSION);
    return context.json(openApiDocument);
  });
  app.post('/api/audit', auditRoute(settings));
  app.post('/api/optimize', optimizeRoute(settings));

  app.notFound((context) => context.json(notFoundError().toBody(), 404));
  app.onError((error, context) => {
    // The client left (its request was aborted): nobody reads this answer, and it is no server fault.
    if (context.req.raw.signal.aborted) return context.json(toApiError(error).toBody(), 500);
    const apiError = reportable(error, logError);
    return context.json(apiError.toBody(), apiError.status, apiError.headers);
  });
  return app;
}

function staticFile(context: Context, body: string, contentType: string): Response {
  return context.body(body, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-cache' });
}

function defaultLogError(error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`plume serve: erreur interne : ${detail}\n`);
}
