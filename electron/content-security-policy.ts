/**
 * The renderer's Content-Security-Policy: start from nothing, allow only the app's own scripts,
 * styles, images and fonts. No network access at all (the renderer talks to the core through the
 * preload API only), no frames, no plugins, no forms, no <base>.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
