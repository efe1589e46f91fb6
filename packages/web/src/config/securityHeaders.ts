// The response headers every server of the app sends (vite.config.ts applies them to the preview
// server, which serves the production build, and to the dev server). A static host serving dist/
// must send the same ones (docs/web.md).

/**
 * No other page may frame the app (clickjacking a "Stake" or "Vote" button under a decoy): CSP
 * `frame-ancestors 'none'` and, for browsers without CSP 3, `X-Frame-Options: DENY`. The CSP also
 * refuses plugins and a foreign `<base>` or form target. Scripts and connections are not
 * restricted here: the RPC, API and oracle URLs come from /config.json at run time, and a
 * `script-src` could block wallet extensions that inject inline scripts (docs/web.md).
 */
export const securityHeaders = {
  "content-security-policy": "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
} as const satisfies Record<string, string>;
