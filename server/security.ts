// Browser-facing protections: security headers with a strict CSP, and an Origin check that refuses
// state-changing requests sent by another site's page (CSRF), on top of SameSite=Lax cookies.
//
// Pages and files (the built client) get hono's full set of security headers. API responses are
// JSON that no browser renders as a page: they get the short set the OWASP REST Security Cheat
// Sheet gives for APIs (no caching, a CSP that allows nothing, no framing, no sniffing, no
// cross-origin reads), written by server/app.ts's first middleware as the response starts.
import type { MiddlewareHandler } from 'hono';
import type { ServerResponse } from 'node:http';
import { secureHeaders } from 'hono/secure-headers';
import { problemResponse } from './errors.ts';

/** Only the app's own origin: the built client has no inline script or style, and is never framed. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Every API response's headers unless its route sets its own value (a lesson's Cache-Control). */
export const API_HEADERS: readonly (readonly [name: string, value: string])[] = [
  // Per learner and changed by every answer: never kept by a browser or a proxy.
  ['cache-control', 'no-store'],
  ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
  ['cross-origin-resource-policy', 'same-origin'],
  ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
];

/** The request id and the API set, on Node's response before anything writes it: a value the
 * route sets later wins when the response is written (server/app.ts, server/front.ts). */
export function setApiHead(res: ServerResponse, requestId: string): void {
  res.setHeader('x-request-id', requestId);
  for (const [name, value] of API_HEADERS) res.setHeader(name, value);
}

/** The headers of pages and files: hono's secureHeaders with this app's CSP. */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on same-origin
    // POSTs, which the Origin check would refuse. News sites the article links to get nothing.
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  });

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuse a state-changing request whose browser says it comes from another origin. The expected
 * origin is PUBLIC_URL's when set; otherwise the request's own host (behind a TLS proxy the scheme
 * the server sees is not the browser's, the host is). Requests without Origin or Sec-Fetch-Site
 * (scripts, curl) are not from a browser page and pass: they carry no ambient cookie to abuse.
 */
export const originCheck = ({ publicOrigin }: { publicOrigin?: string } = {}): MiddlewareHandler =>
  async (c, next) => {
    if (crossOrigin(c.req.method, c.req.header('Origin'), c.req.header('Sec-Fetch-Site'), publicOrigin, c.req.url)) {
      return problemResponse(c, 403, 'This request came from another site and was refused.', { type: 'cross-origin' });
    }
    return next();
  };

/** Whether originCheck refuses a request (server/front.ts asks it too, before answering one). */
export function crossOrigin(method: string, origin: string | undefined, fetchSite: string | undefined, publicOrigin: string | undefined, requestUrl: string): boolean {
  if (!STATE_CHANGING.has(method)) return false;
  if (origin !== undefined) return !sameOrigin(origin, publicOrigin, requestUrl);
  return !(fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none');
}

function sameOrigin(origin: string, publicOrigin: string | undefined, requestUrl: string): boolean {
  if (origin === 'null') return false;
  try {
    const from = new URL(origin);
    if (publicOrigin) return from.origin === publicOrigin;
    return from.host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}
