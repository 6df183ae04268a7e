import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../src/cli/static-server.ts';
import type { PageToMeasure } from './measure-observer.ts';

// The saved real pages (../shared/realpages, see its README), served from 127.0.0.1 as they are:
// nothing is copied into the project. They reference remote scripts, images and fonts, so a tab
// that loads them reaches no host but loopback.

export interface RealPages {
  pages: PageToMeasure[];
  close(): Promise<void>;
}

export async function serveRealPages(dir: string): Promise<RealPages> {
  const server: StaticServer = await startStaticServer(dir);
  const pages = readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => ({ name: name.replace(/\.html$/, ''), url: server.url(`/${encodeURIComponent(name)}`) }));
  return { pages, close: () => server.close() };
}

/** Every request from the tab (its frames included) to a host other than 127.0.0.1 fails at once. */
export async function blockOtherHosts(page: Page): Promise<void> {
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
}
