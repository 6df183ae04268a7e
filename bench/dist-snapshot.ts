import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A private copy of the built extension, so a rebuild of dist/ while the bench runs (another
// build, a test run) cannot pull files from under the browser.

export const distFolder = fileURLToPath(new URL('../dist/', import.meta.url));

interface Manifest {
  background?: { service_worker?: string };
  side_panel?: { default_path?: string };
  content_scripts?: { js?: string[] }[];
  web_accessible_resources?: { resources: string[] }[];
}

/** Every file the manifest names exists: the copy was not taken in the middle of a build. */
function complete(folder: string): boolean {
  const manifestPath = join(folder, 'manifest.json');
  if (!existsSync(manifestPath)) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const named = [
      manifest.background?.service_worker,
      manifest.side_panel?.default_path,
      ...(manifest.content_scripts ?? []).flatMap((script) => script.js ?? []),
      ...(manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources),
    ].filter((file): file is string => file !== undefined);
    return named.every((file) => existsSync(join(folder, file)));
  } catch {
    return false;
  }
}

export async function snapshotDist(): Promise<{ path: string; remove(): void }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const path = mkdtempSync(join(tmpdir(), 'webwright-bench-dist-'));
    cpSync(distFolder, path, { recursive: true });
    if (complete(path)) return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
    rmSync(path, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`dist/ at ${distFolder} is incomplete: run npm run build first`);
}
