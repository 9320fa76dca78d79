import { defineConfig } from 'vite';

// Paths are resolved from this file, not the working directory, so `vite build --config console/vite.config.ts`
// works from anywhere.
const here = (p: string) => decodeURIComponent(new URL(p, import.meta.url).pathname);

export default defineConfig({
  root: here('.'),
  base: '/console/',
  publicDir: here('./public'),
  build: {
    outDir: here('../dist/console'),
    emptyOutDir: true,
    target: 'es2022',
    // The CSP allows no data: URIs and no inline code, so every asset must be a real file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
  // `vite --config console/vite.config.ts` for live editing against a local `veil serve` (port 3978).
  server: {
    port: 5174,
    strictPort: true,
    proxy: { '/agent': { target: 'http://127.0.0.1:3978', changeOrigin: false } },
  },
});
