import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

// Sizes of the built extension as Chromium loads it: each part with every chunk it imports
// (a chunk shared by several parts counts in each), raw and gzip-compressed.

interface Manifest {
  background?: { service_worker?: string };
  side_panel?: { default_path?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
  web_accessible_resources?: { resources: string[] }[];
}

export interface BundlePart {
  part: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}


/** The file and every chunk it imports statically or dynamically, as paths inside dist/. */
function closure(dist: string, entries: string[]): string[] {
  const read = (file: string) => readFileSync(join(dist, file));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file) || !existsSync(join(dist, file))) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = read(file).toString('utf8');
    const imported = [
      ...code.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+\.js)["']/g),
      ...code.matchAll(/getURL\(\s*["']([^"']+\.js)["']\s*\)/g),
    ].map((match) => match[1] ?? '');
    for (const specifier of imported) {
      if (specifier.startsWith('.')) queue.push(posix.normalize(posix.join(posix.dirname(file), specifier)));
      else queue.push(specifier.replace(/^\//, ''));
    }
  }
  return [...seen];
}

function sizeOf(dist: string, part: string, files: string[]): BundlePart {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const body = readFileSync(join(dist, file));
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { part, files, rawBytes, gzipBytes };
}

export function measureBundle(dist: string): BundlePart[] {
  const read = (file: string) => readFileSync(join(dist, file));
  const manifest = JSON.parse(read('manifest.json').toString('utf8')) as Manifest;
  const contentEntries = [
    ...(manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
    ...(manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources).filter((file) => !file.endsWith('.map')),
  ];
  const parts: BundlePart[] = [sizeOf(dist, 'content script', closure(dist, contentEntries))];
  if (manifest.background?.service_worker) parts.push(sizeOf(dist, 'service worker', closure(dist, [manifest.background.service_worker])));
  const panel = manifest.side_panel?.default_path;
  if (panel) {
    const html = read(panel).toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => {
      const reference = match[1] ?? '';
      return reference.startsWith('/') ? reference.slice(1) : posix.join(posix.dirname(panel), reference);
    });
    parts.push(sizeOf(dist, 'side panel', [panel, ...closure(dist, assets)]));
  }
  return parts;
}
