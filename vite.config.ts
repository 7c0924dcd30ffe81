// Builds the Solid client into dist/client, which the server serves.
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

export default defineConfig({
  root: 'client',
  // Every script, style sheet and page also as .br and .gz beside it, which the server sends to a
  // browser that accepts them (server/static.ts): the JavaScript a phone loads is the gzip size the
  // size bench measures, not three times it.
  plugins: [solid(), compression({ algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })], include: /\.(js|css|html|svg|json|webmanifest)$/, threshold: 512 })],
  // The manifest (dist/client/.vite/manifest.json) maps each source module to its chunk: the size
  // bench (tests/bench/size.ts) tells the routes apart by it, not by file names that can repeat.
  build: { outDir: '../dist/client', emptyOutDir: true, target: 'es2022', manifest: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
