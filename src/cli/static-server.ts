import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

// Serves a folder of pages on two loopback ports, so that a page on one can frame a page from
// another origin. {{ORIGIN}} and {{OTHER_ORIGIN}} in HTML are filled in per request. The eval
// runner serves a suite's own pages with it; the tests serve the fixture sites.

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The same pages from a second port: a different origin. */
  otherOrigin: string;
  url(path: string): string;
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

export async function startStaticServer(folder: string): Promise<StaticServer> {
  const root = resolve(folder) + sep;
  const origins: string[] = [];
  const handler = (self: number) =>
    createServer((request, response) => {
      void (async () => {
        const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
        const file = join(root, path.endsWith('/') || path.endsWith(sep) ? `${path}index.html` : path);
        if (!file.startsWith(root)) {
          response.writeHead(403).end();
          return;
        }
        try {
          let body: Buffer | string = await readFile(file);
          const type = types[extname(file)] ?? 'application/octet-stream';
          if (type.startsWith('text/html')) {
            body = body
              .toString('utf8')
              .replaceAll('{{ORIGIN}}', origins[self] ?? '')
              .replaceAll('{{OTHER_ORIGIN}}', origins[1 - self] ?? '');
          }
          response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
        } catch {
          response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        }
      })();
    });
  const servers = [handler(0), handler(1)];
  for (const server of servers) origins.push(await listen(server));
  const [origin = '', otherOrigin = ''] = origins;
  return {
    origin,
    otherOrigin,
    url: (path) => new URL(path, origin).href,
    close: async () => {
      await Promise.all(
        servers.map((server) => {
          server.closeAllConnections();
          return new Promise((resolve) => server.close(resolve));
        }),
      );
    },
  };
}
