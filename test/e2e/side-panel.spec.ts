import { expect, test } from '../support/fixtures.ts';

test('the side panel shows the title and URL of its tab, fetched from the content script', async ({ harness, server, page }) => {
  await page.goto(server.url('/index.html'));
  const panel = await harness.openSidePanel(page);
  await expect(panel.getByRole('heading', { name: 'Webwright' })).toBeVisible();
  await expect(panel.getByTestId('page-title')).toHaveText('Fixture home');
  await expect(panel.getByTestId('page-url')).toHaveText(server.url('/index.html'));

  await page.goto(server.url('/frames.html'));
  await expect(panel.getByTestId('page-title')).toHaveText('Frames parent');
  await panel.close();
});

test('an unpinned side panel follows the most recently used web page of its window', async ({ harness, server, page }) => {
  await page.goto(server.url('/frame-child.html'));
  await page.bringToFront();
  const panel = await harness.context.newPage();
  await panel.goto(`chrome-extension://${harness.extensionId}/src/sidepanel/index.html`);
  await expect(panel.getByTestId('page-title')).toHaveText('Frame child');
  await panel.close();
});

test('the side panel explains a page that extensions may not touch', async ({ harness, page }) => {
  await page.goto('data:text/html,<title>Opaque</title><p>data URL</p>');
  const panel = await harness.openSidePanel(page);
  await expect(panel.getByRole('alert')).toContainText('Chrome does not let extensions read or act on this page');
  await expect(panel.getByRole('button', { name: 'Try again' })).toBeVisible();
  await panel.close();
});
