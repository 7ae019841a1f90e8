import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from './api-errors.js';
import { createRateLimiter, type RateLimiterOptions } from './rate-limiter.js';

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export interface ApiGuardOptions {
  token?: string;
  rateLimit?: RateLimiterOptions | false;
  clientAddress?: (context: Context) => string;
  maxBodyBytes: number;
}

/**
 * What every `/api` request goes through before its route, in this order: no caching, the
 * per-client rate limit (before the token, so a guesser is slowed), the bearer token, same-origin
 * writes, the body size. Hono's own middlewares do the checks; their plain-text refusals become
 * the API's JSON errors.
 */
export function apiGuards(options: ApiGuardOptions): MiddlewareHandler[] {
  const guards: MiddlewareHandler[] = [noStore];
  if (options.rateLimit !== false) guards.push(rateLimit(options.rateLimit, options.clientAddress));
  if (options.token !== undefined) {
    guards.push(
      refusedAs(
        bearerAuth({ token: options.token }),
        () =>
          new ApiError(401, 'unauthorized', 'Jeton d’accès manquant ou invalide.', {
            headers: { 'WWW-Authenticate': 'Bearer' },
          }),
      ),
    );
  }
  guards.push(sameOriginWrites());
  guards.push(bodyLimitFromHeaders(options.maxBodyBytes));
  return guards;
}

/**
 * Hono's `bodyLimit`, answered from the headers when they settle it, as it does (a declared length,
 * not chunked) but without asking for `raw.body` first: on Node's adapter that builds the whole fetch
 * Request with a web stream over the socket, and the route then reads 5 MB through it in one 40 ms
 * stretch of microtasks (the adapter's own reading takes the chunks as they arrive). A GET or HEAD has
 * no body there; in-process requests (`app.request`) are asked as before.
 */
function bodyLimitFromHeaders(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw bodyTooLarge(maxBytes);
    },
  });
  return (context, next) => {
    const fromNode = (context.env as { incoming?: unknown } | undefined)?.incoming !== undefined;
    if (!fromNode) return limit(context, next);
    const method = context.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'TRACE') return next();
    const length = context.req.header('content-length');
    if (length === undefined || context.req.header('transfer-encoding') !== undefined)
      return limit(context, next);
    if (Number.parseInt(length || '0', 10) > maxBytes) throw bodyTooLarge(maxBytes);
    return next();
  };
}

const noStore: MiddlewareHandler = async (context, next) => {
  context.header('Cache-Control', 'no-store');
  await next();
};

function rateLimit(
  limits: RateLimiterOptions | undefined,
  clientAddress: (context: Context) => string = socketAddress,
): MiddlewareHandler {
  const limiter = createRateLimiter(limits);
  return async (context, next) => {
    const decision = limiter.take(clientAddress(context));
    if (!decision.allowed) {
      throw new ApiError(429, 'rate-limited', 'Trop de requêtes : patientez un instant puis réessayez.', {
        headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      });
    }
    await next();
  };
}

/**
 * A cross-site form can post multipart without a CORS preflight: hono's `csrf` refuses writes
 * whose Origin is another site or whose `Sec-Fetch-Site` says cross-site. Clients that send
 * neither header (curl, scripts) are not browsers, carry no ambient credentials, and pass. JSON
 * from another site needs a preflight, which this server never grants.
 */
function sameOriginWrites(): MiddlewareHandler {
  const check = refusedAs(
    csrf({
      origin: (origin, context) => sameHost(origin, context.req.url),
      secFetchSite: (site) => site !== 'cross-site',
    }),
    () => new ApiError(403, 'cross-origin', 'Requête refusée : elle vient d’un autre site.'),
  );
  return async (context, next) => {
    if (context.req.header('origin') === undefined && context.req.header('sec-fetch-site') === undefined)
      return next();
    return check(context, next);
  };
}

function sameHost(origin: string, requestUrl: string): boolean {
  try {
    return new URL(origin).host.toLowerCase() === new URL(requestUrl).host.toLowerCase();
  } catch {
    // `null` (a sandboxed frame, a file) and anything unparsable are foreign.
    return false;
  }
}

/**
 * Runs a hono middleware as a check only: when it refuses (throws an `HTTPException`), `refusal()`
 * is thrown instead, so the client gets the API's JSON error; errors of later handlers pass as they are.
 */
function refusedAs(middleware: MiddlewareHandler, refusal: () => ApiError): MiddlewareHandler {
  return async (context, next) => {
    let passed = false;
    try {
      await middleware(context, async () => {
        passed = true;
      });
    } catch (error) {
      if (!(error instanceof HTTPException)) throw error;
    }
    if (!passed) throw refusal();
    await next();
  };
}

/**
 * Refuses requests for another host name. Without a token, a page on any site could otherwise
 * make the browser resolve its own name to 127.0.0.1 (DNS rebinding) and read the API.
 */
export function checkHost(allowedHosts: readonly string[]): MiddlewareHandler {
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

export function bodyTooLarge(maxBytes: number): ApiError {
  const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new ApiError(413, 'too-large', `La requête dépasse la taille maximale (${megabytes} Mo).`);
}

function socketAddress(context: Context): string {
  const environment = context.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return environment?.incoming?.socket?.remoteAddress ?? 'local';
}
