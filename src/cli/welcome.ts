import { join } from 'node:path';
import { projectRoot } from './paths.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

// The pages `open` starts on when no URL is given: a welcome page that says how to point Webwright
// at a model, and a small demo shop to try a first task on. They are served on 127.0.0.1 because
// Chrome does not let extensions act on about:blank or its own pages.

export const welcomeFolder = join(projectRoot, 'src', 'cli', 'welcome');

export function startWelcomeServer(): Promise<StaticServer> {
  return startStaticServer(welcomeFolder);
}
