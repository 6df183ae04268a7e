import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as run } from '../support/cli.ts';
import { expect, test, useScriptedModel } from '../support/planner.ts';

// The same run loop, started by a person in the real side panel and from the command line.

test('the side panel runs a goal, shows steps as they come, and takes an answer to ask_user', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const panel = await harness.openSidePanel(page);
  const saved = await useScriptedModel(panel, model);
  expect(saved).toMatchObject({ ok: true });
  model.script(
    { tool: 'click', args: { target: 'Save draft' }, thought: 'Save first.' },
    { delayMs: 600, then: { tool: 'ask_user', args: { question: 'What should the note say?', kind: 'choice' } } },
    { tool: 'type', args: { target: 'Notes', text: 'Ship on Friday' } },
    { tool: 'finish', args: { success: true, answer: 'Saved, with your note.' } },
  );
  await panel.getByRole('textbox', { name: 'Goal' }).fill('Save the draft and add a note');
  await panel.getByRole('button', { name: 'Run' }).click();
  await expect(panel.getByTestId('step').first()).toContainText('click "Save draft"');
  await expect(panel.getByTestId('step').first()).toContainText('Save first.');
  await expect(panel.getByRole('region', { name: 'The agent asks' })).toContainText('What should the note say?');
  await expect(panel.getByTestId('run-status')).toContainText('Waiting for you');
  await panel.getByRole('textbox', { name: 'Answer' }).fill('Ship on Friday');
  await panel.getByRole('button', { name: 'Send answer' }).click();
  await expect(panel.getByTestId('run-answer')).toHaveText('Saved, with your note.');
  await expect(panel.getByTestId('run-status')).toContainText('Done');
  await expect(panel.getByTestId('step')).toHaveCount(4);
  await expect(page.locator('#notes')).toHaveValue('Ship on Friday');
  await panel.close();
});

test('the side panel pauses, resumes and stops a run', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/feed/index.html'));
  const panel = await harness.openSidePanel(page);
  await useScriptedModel(panel, model);
  model.script(
    { delayMs: 800, then: { tool: 'scroll', args: { direction: 'down' } } },
    { tool: 'scroll', args: { direction: 'down' } },
    { delayMs: 5_000, then: { tool: 'scroll', args: { direction: 'down' } } },
  );
  await panel.getByRole('textbox', { name: 'Goal' }).fill('Read the feed');
  await panel.getByRole('button', { name: 'Run' }).click();
  await panel.getByRole('button', { name: 'Pause' }).click();
  await expect(panel.getByTestId('run-status')).toContainText('Paused');
  const pausedAt = model.chatRequests().length;
  await panel.getByRole('button', { name: 'Resume' }).click();
  await expect(panel.getByTestId('step').first()).toBeVisible();
  await expect.poll(() => model.chatRequests().length).toBeGreaterThan(pausedAt);
  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(panel.getByTestId('run-status')).toContainText('Stopped');
  await expect(panel.getByRole('alert')).toContainText('Stopped by the person.');
  await panel.close();
});

test('the CLI runs a goal with the model from the environment and exits by the outcome', async ({ server, model }) => {
  const trace = join(await mkdtemp(join(tmpdir(), 'webwright-run-')), 'trace.json');
  model.script({ tool: 'click', args: { target: 'Save draft' } }, { tool: 'finish', args: { success: true, answer: 'Saved.' } });
  const env = { ...process.env, OPENAI_BASE_URL: model.baseURL, WEBWRIGHT_MODEL: 'scripted', OPENAI_API_KEY: 'sk-test-secret-key' };
  const ok = await run(['run', '--url', server.url('/editing/index.html'), '--goal', 'Save the draft', '--trace', trace], env);
  expect(ok.code).toBe(0);
  expect(ok.stdout).toContain('1. click "Save draft" → ok: Clicked');
  expect(ok.stdout).toContain('Answer: Saved.');
  const written = await readFile(trace, 'utf8');
  expect(JSON.parse(written)).toMatchObject({ kind: 'webwright-trace', run: { status: 'finished', success: true } });
  // The key went to the server, and nowhere into the trace.
  expect(model.chatRequests()[0]?.headers.authorization).toBe('Bearer sk-test-secret-key');
  expect(written).not.toContain('sk-test-secret-key');

  model.script({ tool: 'finish', args: { success: false, answer: 'No such page.' } });
  const failed = await run(['run', '--url', server.url('/editing/index.html'), '--goal', 'Find the unicorn', '--max-steps', '3'], env);
  expect(failed.code).toBe(1);
  expect(failed.stdout).toContain('Run finished: The agent could not do the task: No such page.');

  const noModel = await run(['run', '--url', server.url('/'), '--goal', 'x'], { ...process.env, OPENAI_BASE_URL: '', WEBWRIGHT_MODEL: '' });
  expect(noModel.code).toBe(2);
  expect(noModel.stderr).toContain('Say which model to use');
});
