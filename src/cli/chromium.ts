import { accessSync, constants } from 'node:fs';

// Finding a browser that still loads unpacked extensions from the command line. Branded Google
// Chrome ignores --load-extension since version 137, so Chromium comes first.

export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  isExecutable?: (path: string) => boolean;
}

export function getCandidatePaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  switch (platform) {
    case 'darwin':
      return [
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
        '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      ];
    case 'win32': {
      const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root));
      return roots.flatMap((root) => [`${root}\\Chromium\\Application\\chrome.exe`, `${root}\\Google\\Chrome\\Application\\chrome.exe`]);
    }
    default:
      return [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/snap/bin/chromium',
        '/usr/lib/chromium/chromium',
        '/usr/bin/google-chrome-beta',
        '/usr/bin/google-chrome-unstable',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/opt/google/chrome/chrome',
      ];
  }
}

function defaultIsExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export class BrowserNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** CHROMIUM_PATH, then CHROME_PATH, then the usual install places; a clear error when none is there. */
export function findChromium(options: FindOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const isExecutable = options.isExecutable ?? defaultIsExecutable;
  for (const variable of ['CHROMIUM_PATH', 'CHROME_PATH'] as const) {
    const path = env[variable];
    if (!path) continue;
    if (isExecutable(path)) return path;
    throw new BrowserNotFoundError(`${variable} is set to "${path}", but no executable browser is there.`);
  }
  const candidates = getCandidatePaths(platform, env);
  const found = candidates.find((path) => isExecutable(path));
  if (found) return found;
  const hint =
    platform === 'linux'
      ? 'Install Chromium (Debian/Ubuntu: sudo apt-get install chromium)'
      : 'Install Chromium or Chrome for Testing';
  throw new BrowserNotFoundError(
    `No Chromium or Chrome found. Looked at: ${candidates.join(', ')}. ${hint}, or set CHROMIUM_PATH to the browser's executable.`,
  );
}
