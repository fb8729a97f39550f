/**
 * Headers every answer carries, whatever route (or error) produced it:
 *
 * - `X-Content-Type-Options: nosniff` on all of them, so a browser never runs or renders an answer
 *   as anything but its declared type;
 * - on HTML pages, a Content Security Policy: scripts, style sheets, images and requests from
 *   this origin only, no inline script, no plugins, no `<base>` tricks, and
 *   `frame-ancestors 'none'` so no other site can frame them (clickjacking). Inline styles are
 *   allowed because the elements set `style` attributes (a level's colour, a bar's width), which
 *   `style-src 'self'` alone blocks.
 *
 * A route that sends its own `Content-Security-Policy` keeps it (`/docs` has a stricter one).
 */
import type { MiddlewareHandler } from 'hono';

export const HTML_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    const html = /^\s*text\/html(?:[;\s]|$)/i.test(c.res.headers.get('Content-Type') ?? '');
    if (html && !c.res.headers.has('Content-Security-Policy')) {
      c.res.headers.set('Content-Security-Policy', HTML_CONTENT_SECURITY_POLICY);
    }
  };
}
