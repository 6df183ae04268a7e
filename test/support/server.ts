import { fileURLToPath } from 'node:url';
import { startStaticServer, type StaticServer } from '../../src/cli/static-server.ts';

// The fixture sites (test/fixtures/pages) on two loopback ports: see src/cli/static-server.ts.

const root = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

export type FixtureServer = StaticServer;

export function startFixtureServer(): Promise<FixtureServer> {
  return startStaticServer(root);
}
