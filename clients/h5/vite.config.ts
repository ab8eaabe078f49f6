import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built into dist/ for the API to serve at /h5/ (banhao.h5.dir). `npm run dev` proxies /api to BANHAO_URL.
export default defineConfig({
  base: '/h5/',
  resolve: {
    // The SDK from source: one build, and the app always matches the contract in this checkout.
    alias: { '@banhao/sdk': fileURLToPath(new URL('../typescript/src/index.ts', import.meta.url)) },
  },
  server: {
    proxy: { '/api': process.env.BANHAO_URL ?? 'http://127.0.0.1:8080' },
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
