import { expect, test } from '../support/planner.ts';

test('settings are changed in the side panel, kept, and a connection test says what is wrong or right', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const panel = await harness.openSidePanel(page);
  await panel.getByRole('button', { name: 'Settings', exact: true }).click();
  const form = panel.getByRole('form', { name: 'Settings' });
  await form.getByLabel('Provider').selectOption('ollama');
  await expect(form.getByLabel('Base URL')).toHaveValue('http://localhost:11434/v1');
  await form.getByLabel('Provider').selectOption('custom');
  await form.getByLabel('Base URL').fill('http://127.0.0.1:9/v1');
  await form.getByLabel('Model', { exact: true }).fill('scripted');
  await form.getByLabel('API key').fill('sk-panel-key');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('alert')).toContainText('Cannot reach the model at http://127.0.0.1:9/v1');

  await form.getByLabel('Base URL').fill(model.baseURL);
  model.script({ content: 'OK' });
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText(`Connected: scripted at ${model.baseURL}`);
  expect(model.chatRequests().at(-1)?.headers.authorization).toBe('Bearer sk-panel-key');

  await form.getByLabel('Steps').fill('7');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Settings saved.');

  // Kept across a reload; the key is stored but never shown back.
  await panel.reload();
  await panel.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(form.getByLabel('Base URL')).toHaveValue(model.baseURL);
  await expect(form.getByLabel('Model', { exact: true })).toHaveValue('scripted');
  await expect(form.getByLabel('Steps')).toHaveValue('7');
  await expect(form.getByLabel('API key')).toHaveValue('');
  await expect(form.getByLabel('API key')).toHaveAttribute('placeholder', /A key is stored/);
  // A run uses them: the key reaches the model, the step budget holds.
  model.script({ tool: 'finish', args: { success: true } });
  await panel.getByRole('button', { name: 'Task' }).click();
  await panel.getByRole('textbox', { name: 'Goal' }).fill('Nothing to do');
  await panel.getByRole('button', { name: 'Run' }).click();
  await expect(panel.getByTestId('run-status')).toContainText('Done');
  expect(model.chatRequests().at(-1)?.headers.authorization).toBe('Bearer sk-panel-key');
  await panel.close();
});
