import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The Node side (CLI and harness) is built apart from the extension: ESM for Node, with every
// dependency left to node_modules.
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
  ...Object.keys(pkg.devDependencies),
].map((name) => new RegExp(`^${name.replace(/[/.]/g, '\\$&')}(/.*)?$`));

export default defineConfig({
  build: {
    outDir: 'dist-node',
    emptyOutDir: true,
    ssr: true,
    target: 'node20',
    sourcemap: true,
    rolldownOptions: {
      input: { cli: 'src/cli/main.ts', harness: 'src/cli/harness.ts' },
      external,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
