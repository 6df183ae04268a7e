import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.config.ts';

export default defineConfig({
  // The content script is one self-contained file: with crxjs's loader its chunks would have to be
  // web-accessible, so any page could fetch them and tell that Webwright is installed.
  plugins: [preact(), crx({ manifest, contentScripts: { standaloneFiles: ['src/content/index.ts'] } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome121',
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
