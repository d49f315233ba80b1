/**
 * Build of the viewer: static files in viewer/dist, relative URLs so that the page works under
 * whatever path `sybilscope view` serves it from. No inline script: the server's CSP forbids it.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
});
