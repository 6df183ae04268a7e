import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultExtensionPath } from '../../src/cli/paths.ts';
import { envelope, sendRaw } from '../support/panel.ts';
import { expect, test } from '../support/planner.ts';

// A page that tries everything a page can do to drive the extension (attack/attack.js) gets
// nowhere; the same messages sent through the extension's own channels do work, so the page's
// attempts were real ones.

interface AttackLog {
  delivered: number;
  posted: number;
  dispatched: number;
  runtime: string;
  resources: Record<string, string>;
  deletes: number;
}

interface Reply {
  ok: boolean;
  value?: unknown;
}

declare global {
  interface Window {
    attack(paths: string[]): Promise<AttackLog>;
  }
}

const clickDelete = { action: 'click', target: 'Delete workspace' };
// Every file of the built extension: a page must not reach any of them.
const extensionFiles = readdirSync(defaultExtensionPath, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(defaultExtensionPath, path)).isFile());

test('a page that posts messages, dispatches events and probes the extension triggers nothing; the real channel does', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/attack/index.html'));
  const panel = await harness.openSidePanel(page);
  const runs = async () => ((await sendRaw(panel, envelope('panel-to-background', 'run.list', {}))) as Reply).value as unknown[];
  const settings = async () => ((await sendRaw(panel, envelope('panel-to-background', 'settings.get', {}))) as Reply).value;
  const runsBefore = (await runs()).length;
  const settingsBefore = await settings();
  // The content script is in the page and listening: it answers the extension.
  expect((await harness.observation(page)).text).toContain('Delete workspace');

  const log = await page.evaluate((paths) => window.attack(paths), extensionFiles);
  // Long enough for any listener to have acted on what was posted.
  await page.waitForTimeout(1_500);
  expect(log.posted).toBeGreaterThanOrEqual(24);
  expect(log.dispatched).toBeGreaterThanOrEqual(150);
  const delivered = await page.evaluate(() => (window as unknown as { attackLog: AttackLog }).attackLog.delivered);
  expect(delivered).toBeGreaterThanOrEqual(18);
  expect(log.runtime).toBe('no chrome.runtime (undefined)');
  expect(extensionFiles).toEqual(expect.arrayContaining(['manifest.json', 'service-worker-loader.js', 'src/sidepanel/index.html']));
  for (const path of extensionFiles) expect(log.resources[path], path).toBe('blocked, blocked');
  // The framed side panel did not load: Chrome shows its error page instead.
  await expect.poll(() => page.frames().length).toBe(2);
  expect(await page.frames()[1]?.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id)).toBe('undefined');

  await expect(page.locator('#state')).toHaveText('Workspace active.');
  expect((await runs()).length).toBe(runsBefore);
  expect(await settings()).toEqual(settingsBefore);

  // The reverse: the same files from an extension page, the same envelopes from the worker and the panel.
  const fetched = await panel.evaluate((paths) => Promise.all(paths.map((path) => fetch(chrome.runtime.getURL(path)).then((response) => response.status))), extensionFiles);
  expect(fetched.every((status) => status === 200)).toBe(true);
  const tabId = await harness.tabIdOf(page);
  const worker = await harness.serviceWorker();
  const acted = await worker.evaluate(([tab, message]) => chrome.tabs.sendMessage(tab, message, { frameId: 0 }), [tabId, envelope('background-to-content', 'page.act', { intent: clickDelete })] as const);
  expect(acted).toMatchObject({ ok: true, value: { ok: true } });
  await expect(page.locator('#state')).toHaveText('Workspace deleted.');

  model.script({ tool: 'finish', args: { success: true, answer: 'Nothing to do.' } });
  const started = (await sendRaw(panel, envelope('panel-to-background', 'run.start', { goal: 'Delete the workspace', tabId, overrides: { model: { baseURL: model.baseURL, model: 'scripted' } } }))) as Reply;
  expect(started.ok).toBe(true);
  expect((await runs()).length).toBe(runsBefore + 1);
  await panel.close();
});
