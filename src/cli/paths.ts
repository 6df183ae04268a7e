import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The Node side runs from dist-node/ when built and from src/cli/ under the test runners; both
// find the project by walking up to its package.json.
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'webwright') {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`Cannot find the webwright package above ${start}`);
  }
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const defaultExtensionPath = join(projectRoot, 'dist');

export function assertBuiltExtension(path: string): void {
  if (!existsSync(join(path, 'manifest.json'))) {
    throw new Error(`No built extension at ${path} (manifest.json is missing). Run "npm run build" first.`);
  }
}
