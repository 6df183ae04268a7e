import { openStartPage } from '../../src/cli/start-page.ts';
import { startWelcomeServer } from '../../src/cli/welcome.ts';
import { runCli } from '../support/cli.ts';
import { envelope, sendRaw } from '../support/panel.ts';
import { expect, test, useScriptedModel } from '../support/planner.ts';

// What a new user meets: the page `npm start` opens, the side panel before any model is set up,
// and a start URL that does not load.

const unresolvable = 'http://does-not-resolve.invalid/';

test('open with no URL starts on the local welcome page, which the side panel can read, and saves a model it is given', async ({ model }) => {
  const { code, stdout, stderr } = await runCli(['open', '--exit', '--base-url', model.baseURL, '--model', 'scripted']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toContain(`Model: scripted at ${model.baseURL}, saved in Settings.`);
  expect(stdout).toMatch(/showing the welcome page at http:\/\/127\.0\.0\.1:\d+\/\./);
  expect(stdout).toContain('shows "Welcome to Webwright"');
});

test('the welcome page says how to set up a model, and its sample task runs on the demo shop', async ({ harness, model, page }) => {
  const welcome = await startWelcomeServer();
  try {
    await page.goto(welcome.url('/'));
    await expect(page.getByRole('heading', { name: 'Welcome to Webwright' })).toBeVisible();
    const setup = page.getByRole('region', { name: '1. Point Webwright at a model' });
    await expect(setup).toContainText('open Settings');
    await expect(setup).toContainText('OPENAI_BASE_URL');
    const goal = (await page.getByTestId('sample-goal').textContent()) ?? '';
    await page.getByRole('link', { name: 'Webwright demo shop' }).click();
    await expect(page).toHaveURL(welcome.url('/shop.html'));

    const panel = await harness.openSidePanel(page);
    await useScriptedModel(panel, model);
    await expect(panel.getByTestId('page-title')).toHaveText('Webwright demo shop');
    model.script(
      { tool: 'click', args: { target: "the Add to cart button under 'Blue mug'" } },
      { tool: 'finish', args: { success: true, answer: 'The blue mug is in the cart; the total is $12.50.' } },
    );
    await panel.getByRole('textbox', { name: 'Goal' }).fill(goal);
    await panel.getByRole('button', { name: 'Run' }).click();
    await expect(panel.getByTestId('run-status')).toContainText('Done');
    await expect(page.locator('#total')).toHaveText('$12.50');
    await expect(page.locator('#cart-items')).toHaveText('Blue mug $12.50');
    await panel.close();
  } finally {
    await welcome.close();
  }
});

test('without a model the Task view leads to Settings, and Run says so instead of starting', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const panel = await harness.openSidePanel(page);
  // The defaults: OpenAI, and no key.
  await sendRaw(panel, envelope('panel-to-background', 'settings.save', { settings: {}, apiKey: '' }));
  const before = (await sendRaw(panel, envelope('panel-to-background', 'run.list', {}))) as { value: unknown[] };
  try {
    await panel.reload();
    const setup = panel.getByRole('region', { name: 'Set up a model' });
    await expect(setup).toContainText('No model is set up yet. OpenAI needs an API key');
    await expect(setup.getByRole('button', { name: 'Open Settings' })).toBeVisible();

    await panel.getByRole('textbox', { name: 'Goal' }).fill('Save the draft');
    await panel.getByRole('button', { name: 'Run' }).click();
    await expect(panel.getByRole('alert', { name: 'Set up a model' })).toContainText('Run needs a model first.');
    const after = (await sendRaw(panel, envelope('panel-to-background', 'run.list', {}))) as { value: unknown[] };
    expect(after.value).toHaveLength(before.value.length);
    await expect(panel.getByTestId('run-status')).toHaveCount(0);

    await panel.getByRole('button', { name: 'Open Settings' }).click();
    const form = panel.getByRole('form', { name: 'Settings' });
    await form.getByLabel('Provider').selectOption('custom');
    await form.getByLabel('Base URL').fill(model.baseURL);
    await form.getByLabel('Model', { exact: true }).fill('scripted');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('status')).toHaveText('Settings saved.');
    await panel.getByRole('button', { name: 'Task' }).click();
    await expect(panel.getByRole('textbox', { name: 'Goal' })).toBeVisible();
    await expect(panel.getByRole('region', { name: 'Set up a model' })).toHaveCount(0);
  } finally {
    await sendRaw(panel, envelope('panel-to-background', 'settings.save', { settings: {} }));
    await panel.close();
  }
});

test('a start URL that does not load leaves Chrome\'s error page open, and open prints one line about it', async ({ page }) => {
  const { code, stdout, stderr } = await runCli(['open', '--url', unresolvable, '--exit']);
  expect(code).toBe(0);
  expect(stderr.trim()).toBe(`Could not load ${unresolvable}: its host name does not resolve (check the spelling, or the network) (ERR_NAME_NOT_RESOLVED).`);
  expect(stdout).toContain(`showing Chrome's error page for ${unresolvable}.`);
  expect(stdout + stderr).not.toContain('Call log');
  // The same loading step, watched in a browser: the tab shows Chrome's error page.
  const loaded = await openStartPage(page, unresolvable);
  expect(loaded).toEqual({ ok: false, message: expect.stringContaining('ERR_NAME_NOT_RESOLVED') });
  await expect(page).toHaveURL(/^chrome-error:\/\//);
  await expect(page.locator('body')).toContainText('does-not-resolve.invalid');
});

test('run with a start URL that does not load stops with one clear line before asking the model', async ({ model }) => {
  const { code, stderr } = await runCli(['run', '--url', unresolvable, '--goal', 'Find the contact email', '--base-url', model.baseURL, '--model', 'scripted']);
  expect(code).toBe(1);
  expect(stderr.trim()).toBe(`Could not load ${unresolvable}: its host name does not resolve (check the spelling, or the network) (ERR_NAME_NOT_RESOLVED).`);
  expect(stderr).not.toContain('Call log');
  expect(model.chatRequests()).toHaveLength(0);
});
