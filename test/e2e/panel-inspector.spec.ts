import { expect, test, useScriptedModel } from '../support/planner.ts';

test('a step opens into its trace: screenshot with the element marked, intent, candidates, timings, prompt and reply', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/index.html'));
  await page.bringToFront();
  model.script({ tool: 'click', args: { target: "the Add to cart button under 'Black Jacket'" }, thought: 'Add the jacket.' }, { tool: 'finish', args: { success: true } });
  const trace = await harness.run(page, 'Add the black jacket for the inspector', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.steps[0]?.screenshot).toBeTruthy();

  const panel = await harness.openSidePanel(page);
  await panel.setViewportSize({ width: 360, height: 900 });
  await panel.getByRole('button', { name: 'History' }).click();
  await panel.getByRole('searchbox', { name: 'Filter runs' }).fill('for the inspector');
  await panel.getByRole('button', { name: 'Open run: Add the black jacket for the inspector' }).click();
  await panel.getByRole('button', { name: 'Inspect step 1' }).click();
  const step = panel.getByTestId('step').first();
  await expect(step.getByRole('img', { name: 'The page before step 1' })).toBeVisible();
  await expect(step.getByRole('img', { name: 'The element acted on' })).toBeVisible();
  await expect(step.getByRole('img', { name: /observe \d+ ms, model \d+ ms, ground \d+ ms, act \d+ ms/ })).toBeVisible();
  await expect(step).toContainText('"target": "the Add to cart button under \'Black Jacket\'"');
  await expect(step).toContainText(/\[e\d+\] button "Add to cart" · \d\.\d\d/);
  // Prompt and reply are there, folded until asked for.
  const messages = step.locator('details').filter({ hasText: 'Messages sent' });
  await expect(messages).not.toHaveAttribute('open');
  await messages.locator('summary').click();
  await expect(messages).toContainText('You are Webwright');
  await step.getByText('Observation', { exact: true }).click();
  await expect(step).toContainText('Page: ');
  await panel.close();
});

test('each view at 360 px, in light and dark', async ({ harness, server, model, page }, testInfo) => {
  await page.goto(server.url('/editing/index.html'));
  model.script({ tool: 'click', args: { target: 'Save draft' }, thought: 'Save the draft first.' }, { tool: 'ask_user', args: { question: 'Which title should the post have?', kind: 'choice', options: ['Spring notes', 'Draft 2'] } });
  const panel = await harness.openSidePanel(page);
  await panel.setViewportSize({ width: 360, height: 720 });
  await useScriptedModel(panel, model);
  await panel.getByRole('textbox', { name: 'Goal' }).fill('Save the draft and give it a title');
  await panel.getByRole('button', { name: 'Run' }).click();
  await expect(panel.getByRole('region', { name: 'The agent asks' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    for (const view of ['Task', 'History', 'Settings']) {
      await panel.getByRole('button', { name: view, exact: true }).click();
      await expect(panel.getByRole('button', { name: view, exact: true })).toHaveAttribute('aria-pressed', 'true');
      const path = testInfo.outputPath(`side-panel-${view.toLowerCase()}-${scheme}.png`);
      await panel.screenshot({ path, fullPage: true });
      await testInfo.attach(`${view} ${scheme}`, { path, contentType: 'image/png' });
    }
  }
  // The colours follow the scheme.
  const background = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(32, 33, 36)');
  await panel.getByRole('button', { name: 'Task', exact: true }).click();
  await panel.getByRole('button', { name: 'Stop' }).click();
  await panel.close();
});
