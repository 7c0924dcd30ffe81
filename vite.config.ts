// Builds the Solid client into dist/client, which the server serves.
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

export default defineConfig({
  root: 'client',
  plugins: [solid()],
  // The manifest (dist/client/.vite/manifest.json) maps each source module to its chunk: the size
  // bench (tests/bench/size.ts) tells the routes apart by it, not by file names that can repeat.
  build: { outDir: '../dist/client', emptyOutDir: true, target: 'es2022', manifest: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
