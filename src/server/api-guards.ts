import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './api-errors.js';
import { readBearerToken, tokensMatch } from './bearer-token.js';
import { createRateLimiter, type RateLimiterOptions } from './rate-limiter.js';

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export interface ApiGuardOptions {
  token?: string;
  rateLimit?: RateLimiterOptions | false;
  clientAddress?: (context: Context) => string;
}

/**
 * What every `/api` request goes through before its route: no caching, the per-client rate limit,
 * the bearer token, and same-origin writes.
 */
export function apiGuards(options: ApiGuardOptions): MiddlewareHandler {
  const clientAddress = options.clientAddress ?? socketAddress;
  const limiter = options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit);
  return async (context, next) => {
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
