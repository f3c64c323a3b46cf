import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The builder is static files: index.html with hashed assets, and embed.js (a stable name a host
 * page loads) defining <flowline-builder>. No inline script or style, so it runs under a strict CSP.
 * `FLOWLINE_API` (e.g. http://127.0.0.1:8788) proxies /api during `vite` and `vite preview`.
 */
const api = process.env.FLOWLINE_API;
const proxy = api ? { '/api': { target: api, changeOrigin: true } } : undefined;

export default defineConfig({
  base: './',
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The design entry (JSONata, re2js, the workflow validator) is most of the main chunk; the catalog loads as its own.
    chunkSizeWarningLimit: 1200,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { index: 'index.html', embed: 'src/embed.ts' },
      output: { entryFileNames: (chunk) => (chunk.name === 'embed' ? 'embed.js' : 'assets/[name]-[hash].js') },
    },
  },
});
