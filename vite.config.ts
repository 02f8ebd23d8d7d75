import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer bundle, served by the desktop app from app://matryoshka/ and by the web host from
// 127.0.0.1: both with a CSP that allows only the app's own files, so nothing may be inlined.
export default defineConfig({
  root: 'renderer',
  // Relative URLs: the same files work under app:// and under the web host.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // Electron 39 ships Chromium 142; the web host's users have current browsers.
    target: 'es2022',
    // Chromium supports modulepreload natively; the polyfill would fetch(), which the CSP forbids.
    modulePreload: { polyfill: false },
    // No data: URLs for scripts, styles or fonts (the CSP allows only 'self' for those).
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
  },
});
