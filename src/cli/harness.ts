// The harness for Playwright users: launch Chromium with the Webwright extension loaded.
// Built to dist-node/harness.js and exported as "webwright/harness".
import { launchBrowser, type LaunchedBrowser, type LaunchOptions } from './launch.ts';

export type { LaunchOptions };

export type Harness = LaunchedBrowser;

export function launch(options: LaunchOptions = {}): Promise<Harness> {
  return launchBrowser(options);
}
