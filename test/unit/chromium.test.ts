import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findChromium, getCandidatePaths } from '../../src/cli/chromium.ts';

async function fakeExecutable(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'webwright-chromium-'));
  const path = join(dir, name);
  await writeFile(path, '#!/bin/sh\n');
  await chmod(path, 0o755);
  return path;
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH before CHROME_PATH and before the usual places', async () => {
    const chromiumPath = await fakeExecutable('chromium');
    const chromePath = await fakeExecutable('chrome');
    expect(findChromium({ env: { CHROMIUM_PATH: chromiumPath, CHROME_PATH: chromePath }, platform: 'linux' })).toBe(chromiumPath);
    expect(findChromium({ env: { CHROME_PATH: chromePath }, platform: 'linux' })).toBe(chromePath);
  });

  it('says so when the variable points at nothing', () => {
    expect(() => findChromium({ env: { CHROMIUM_PATH: '/nowhere/chromium' } })).toThrow(
      'CHROMIUM_PATH is set to "/nowhere/chromium", but no executable browser is there.',
    );
  });

  it('does not take a file that cannot be executed', async () => {
    const path = await fakeExecutable('chromium');
    await chmod(path, 0o644);
    expect(() => findChromium({ env: { CHROMIUM_PATH: path } })).toThrow(BrowserNotFoundError);
  });

  it('searches Chromium before branded Chrome, which ignores --load-extension', () => {
    const paths = getCandidatePaths('linux', {});
    expect(paths.indexOf('/usr/bin/chromium')).toBeLessThan(paths.indexOf('/usr/bin/google-chrome'));
    const found = findChromium({ env: {}, platform: 'linux', isExecutable: (path) => path === '/usr/bin/google-chrome' || path === '/snap/bin/chromium' });
    expect(found).toBe('/snap/bin/chromium');
  });

  it('lists where it looked and how to fix it when nothing is found', () => {
    expect(() => findChromium({ env: {}, platform: 'linux', isExecutable: () => false })).toThrow(
      /No Chromium or Chrome found\. Looked at: \/usr\/bin\/chromium, .*apt-get install chromium.*CHROMIUM_PATH/,
    );
  });

  it('knows the Windows and macOS install places', () => {
    expect(getCandidatePaths('win32', { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' })[0]).toBe('C:\\Users\\a\\AppData\\Local\\Chromium\\Application\\chrome.exe');
    expect(getCandidatePaths('darwin', {})[0]).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
  });
});
