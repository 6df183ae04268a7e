import { expect, test } from '../support/fixtures.ts';

test('the service worker starts with the stable extension id and the declared contexts', async ({ harness }) => {
  expect(harness.extensionId).toBe('coehicpccdacpfhjmhoacdmecplfblli');
  const worker = await harness.serviceWorker();
  expect(worker.url()).toBe(`chrome-extension://${harness.extensionId}/service-worker-loader.js`);
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.side_panel).toEqual({ default_path: 'src/sidepanel/index.html' });
  expect(manifest.content_scripts?.[0]).toMatchObject({ all_frames: true, matches: ['<all_urls>'] });
  const behavior = await worker.evaluate(() => chrome.sidePanel.getPanelBehavior());
  expect(behavior.openPanelOnActionClick).toBe(true);
});
