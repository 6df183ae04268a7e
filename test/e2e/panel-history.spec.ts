import { readFile } from 'node:fs/promises';
import { envelope, sendRaw } from '../support/panel.ts';
import { expect, test } from '../support/planner.ts';

test('past runs are listed, filtered, opened, exported and deleted from the side panel', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  model.script({ tool: 'click', args: { target: 'Save draft' } }, { tool: 'finish', args: { success: true, answer: 'Saved it.' } }, { tool: 'finish', args: { success: false, answer: 'Nothing to find.' } });
  const saved = await harness.run(page, 'Save the draft for history', { baseURL: model.baseURL, model: 'scripted', apiKey: 'sk-history-key' });
  await harness.run(page, 'Find the unicorn for history', { baseURL: model.baseURL, model: 'scripted' });

  const panel = await harness.openSidePanel(page);
  await panel.getByRole('button', { name: 'History' }).click();
  const history = panel.getByRole('region', { name: 'History' });
  await expect(history.getByTestId('history-run').filter({ hasText: 'for history' })).toHaveCount(2);
  await history.getByRole('searchbox', { name: 'Filter runs' }).fill('unicorn');
  await expect(history.getByTestId('history-run')).toHaveCount(1);
  await expect(history.getByTestId('history-run')).toContainText('finished · 1 steps');
  await history.getByRole('searchbox', { name: 'Filter runs' }).fill('save the draft for history');

  const download = panel.waitForEvent('download');
  await history.getByRole('button', { name: 'Export run: Save the draft for history' }).click();
  const exported = JSON.parse(await readFile((await (await download).path()) ?? '', 'utf8')) as { kind: string; run: { id: string }; steps: unknown[] };
  expect(exported).toMatchObject({ kind: 'webwright-trace', run: { id: saved.run.id } });
  expect(exported.steps).toHaveLength(2);
  expect(JSON.stringify(exported)).not.toContain('sk-history-key');

  await history.getByRole('button', { name: 'Open run: Save the draft for history' }).click();
  await expect(panel.getByTestId('run-answer')).toHaveText('Saved it.');
  await expect(panel.getByTestId('step')).toHaveCount(2);

  await panel.getByRole('button', { name: 'History' }).click();
  await history.getByRole('searchbox', { name: 'Filter runs' }).fill('for history');
  await history.getByRole('button', { name: 'Delete run: Save the draft for history' }).click();
  await expect(history.getByTestId('history-run')).toHaveCount(1);
  await expect(history.getByTestId('history-run')).toContainText('Find the unicorn');
  await panel.close();
});

test('an exported run is imported back and replayed on the current tab, every target grounded again', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/index.html'));
  model.script({ tool: 'click', args: { target: "the Add to cart button under 'Green Hoodie'" } }, { tool: 'finish', args: { success: true } });
  await harness.run(page, 'Add the hoodie to replay later', { baseURL: model.baseURL, model: 'scripted' });
  await expect(page.locator('#cart-count')).toHaveText('1');

  const panel = await harness.openSidePanel(page);
  await panel.getByRole('button', { name: 'History' }).click();
  const history = panel.getByRole('region', { name: 'History' });
  await history.getByRole('searchbox', { name: 'Filter runs' }).fill('replay later');
  const download = panel.waitForEvent('download');
  await history.getByRole('button', { name: 'Export run: Add the hoodie to replay later' }).click();
  const file = await (await download).path();
  await history.getByLabel('Import a run').setInputFiles(file);
  await expect(history.getByTestId('history-run')).toHaveCount(2);
  await history.getByLabel('Import a run').setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(history.getByRole('alert')).toContainText('junk.json is not a Webwright trace');

  // Today's page: a fresh load, cart empty again.
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await page.reload();
  await expect(page.locator('#cart-count')).toHaveText('0');
  await history.getByRole('button', { name: 'Replay run: Add the hoodie to replay later' }).first().click();
  await expect(panel.getByTestId('run-status')).toContainText('Done');
  await expect(panel.getByTestId('step')).toHaveCount(1);
  await expect(page.locator('#cart-count')).toHaveText('1');
  await panel.close();
});

test('a 500-step trace opens and scrolls to its end', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  model.script({ tool: 'click', args: { target: 'Save draft' } }, { tool: 'finish', args: { success: true } });
  const base = await harness.run(page, 'A short run to copy', { baseURL: model.baseURL, model: 'scripted' });
  const template = base.steps[0];
  expect(template).toBeDefined();
  const steps = Array.from({ length: 500 }, (_, index) => ({ ...template, index, thought: `Step number ${index + 1}` }));
  const panel = await harness.openSidePanel(page);
  const imported = (await sendRaw(panel, envelope('panel-to-background', 'run.import', { trace: { ...base, run: { ...base.run, goal: 'Five hundred steps', stepCount: 500 }, steps } }))) as { ok: boolean };
  expect(imported.ok).toBe(true);
  await panel.getByRole('button', { name: 'History' }).click();
  await panel.getByRole('searchbox', { name: 'Filter runs' }).fill('Five hundred');
  await panel.getByRole('button', { name: 'Open run: Five hundred steps' }).click();
  await expect(panel.getByTestId('step')).toHaveCount(500);
  await panel.getByTestId('step').last().scrollIntoViewIfNeeded();
  await expect(panel.getByText('Step number 500')).toBeVisible();
  await panel.close();
});
