import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** Strict: the page loads its script and style from the same origin, never inline. */
const CONTENT_SECURITY_DIRECTIVES = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The `Content-Security-Policy` header every answer carries. */
export const CONTENT_SECURITY_POLICY = Object.entries(CONTENT_SECURITY_DIRECTIVES)
  .map(
    ([name, values]) =>
      `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} ${values.join(' ')}`,
  )
  .join('; ');

const COMMON = {
  contentSecurityPolicy: CONTENT_SECURITY_DIRECTIVES,
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  crossOriginOpenerPolicy: 'same-origin',
  // `plume serve` speaks plain HTTP; a TLS proxy in front of it sets HSTS for its own name.
  strictTransportSecurity: false,
} as const;

/**
 * Hono's `secureHeaders` on every answer, page and API alike. The article preview is a sandboxed
 * frame with an opaque origin: it may read the stylesheet, nothing else.
 */
export function securityHeaders(): MiddlewareHandler {
  const sameOrigin = secureHeaders({ ...COMMON, crossOriginResourcePolicy: 'same-origin' });
  const stylesheet = secureHeaders({ ...COMMON, crossOriginResourcePolicy: 'cross-origin' });
  return (context, next) => (context.req.path === '/app.css' ? stylesheet : sameOrigin)(context, next);
}
