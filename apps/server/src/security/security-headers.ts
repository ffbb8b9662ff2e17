import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy for the built web app: scripts, styles, fonts and connections to the same
 * origin only; inline styles allowed (React `style` props); images also from data:/blob: URLs (PDF and
 * chart previews); audio from blob: (recording playback); no framing, no plugins, forms only to self.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every response (API, web app and errors alike). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('permissions-policy', 'microphone=(self), camera=(), geolocation=(), payment=()');
    reply.header('cross-origin-opener-policy', 'same-origin');
  });
}
