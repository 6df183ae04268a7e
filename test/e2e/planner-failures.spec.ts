import { expect, test, userText } from '../support/planner.ts';
import { stopServiceWorker } from '../support/worker.ts';

test('a malformed reply goes back to the model with a short error, and the run goes on', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  model.script(
    { content: 'I will now click the save button, I think.' },
    { content: '```json\n{"thought": "Save it.", "intent": {"action": "click", "target": "Save draft"}}\n```' },
    { content: '<think>Done.</think><answer>finish(message="Saved the draft.")</answer>' },
  );
  const trace = await harness.run(page, 'Save the draft', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run).toMatchObject({ status: 'finished', success: true, answer: 'Saved the draft.' });
  expect(trace.steps[0]?.parseErrors).toHaveLength(1);
  expect(trace.steps[0]?.thought).toBe('Save it.');
  const retry = model.chatRequests()[1];
  expect(userText(retry?.body)).toContain('Your reply could not be used:');
  await expect(page.locator('#save')).toHaveText('Saved');
});

test('replies that stay unusable end the run cleanly with the reason', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  model.script({ content: 'hmm' }, { content: 'still thinking' }, { content: '{"action": "fly"}' });
  const trace = await harness.run(page, 'Save the draft', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run.status).toBe('failed');
  expect(trace.run.stopReason).toMatch(/could not be understood after 3 tries: Unknown action "fly"/);
  expect(trace.steps).toHaveLength(1);
  expect(trace.steps[0]?.parseErrors).toHaveLength(3);
});

test('a 429 is retried (honouring Retry-After) and the run goes on', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  model.script(
    { status: 429, headers: { 'retry-after': '0' } },
    { tool: 'click', args: { target: 'Save draft' } },
    { tool: 'finish', args: { success: true } },
  );
  const trace = await harness.run(page, 'Save the draft', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run.status).toBe('finished');
  expect(model.chatRequests()).toHaveLength(3);
  expect(trace.steps).toHaveLength(2);
});

test('a run is stopped by its step budget with a clear reason', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/feed/index.html'));
  model.script(
    { tool: 'scroll', args: { direction: 'down' } },
    { tool: 'scroll', args: { direction: 'down' } },
    { tool: 'scroll', args: { direction: 'down' } },
  );
  const trace = await harness.run(page, 'Read the whole feed', { baseURL: model.baseURL, model: 'scripted', maxSteps: 2 });
  expect(trace.run).toMatchObject({ status: 'stopped', stepCount: 2 });
  expect(trace.run.stopReason).toMatch(/Step budget reached: 2 of 2 steps/);
  expect(model.chatRequests()).toHaveLength(2);
});

test('an unreachable endpoint and a rejected key end the run with what to do', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const closed = 'http://127.0.0.1:9/v1';
  const unreachable = await harness.run(page, 'Save the draft', { baseURL: closed, model: 'scripted' });
  expect(unreachable.run.status).toBe('failed');
  expect(unreachable.run.stopReason).toContain('Cannot reach the model at http://127.0.0.1:9/v1');
  expect(unreachable.steps[0]?.error).toContain('Check the base URL');
  model.script({ status: 401 });
  const rejected = await harness.run(page, 'Save the draft', { baseURL: model.baseURL, model: 'scripted' });
  expect(rejected.run.stopReason).toContain('rejected the API key (401)');
});

test('the same step on an unchanged page is warned about, then stops the run', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/index.html'));
  model.script(
    { tool: 'click', args: { target: 'the Apply filters button' } },
    { tool: 'click', args: { target: 'the Apply filters button' } },
    { tool: 'click', args: { target: 'the Apply filters button' } },
  );
  const trace = await harness.run(page, 'Filter the shop', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run.status).toBe('stopped');
  expect(trace.run.stopReason).toMatch(/kept repeating the same step/);
  expect(trace.steps[1]?.result?.message).toMatch(/not repeated/);
  expect(userText(model.chatRequests()[2]?.body)).toContain('Warning: you proposed the same step twice');
});

test('a run whose service worker is stopped mid-task resumes and records every step once', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  model.script(
    { tool: 'click', args: { target: 'Save draft' } },
    // The worker is stopped while this reply is on its way; the step is planned again on waking.
    { delayMs: 4_000, then: { tool: 'type', args: { target: 'Notes', text: 'lost' } } },
    { tool: 'type', args: { target: 'Notes', text: 'after the restart' } },
    { tool: 'finish', args: { success: true } },
  );
  const panel = await harness.openSidePanel(page);
  const tracePromise = harness.run(page, 'Save and write a note', { baseURL: model.baseURL, model: 'scripted', timeoutMs: 60_000 });
  await expect.poll(() => model.chatRequests().length, { timeout: 20_000 }).toBe(2);
  await stopServiceWorker(panel);
  const trace = await tracePromise;
  expect(trace.run.status).toBe('finished');
  expect(trace.steps.map((step) => step.index)).toEqual([0, 1, 2]);
  expect(trace.steps.map((step) => step.intent?.action)).toEqual(['click', 'type', 'finish']);
  await expect(page.locator('#notes')).toHaveValue('after the restart');
  await expect(page.locator('#save')).toHaveText('Saved');
  await panel.close();
});

test('with vision on, each step sends a screenshot of the page beside the outline', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  await page.bringToFront();
  model.script({ tool: 'finish', args: { success: true } });
  const trace = await harness.run(page, 'Look at the page', { baseURL: model.baseURL, model: 'scripted', vision: true });
  expect(trace.run.status).toBe('finished');
  expect(trace.steps[0]?.screenshot).toMatch(/^data:image\/jpeg;base64,/);
  const body = JSON.stringify(model.chatRequests()[0]?.body);
  expect(body).toContain('"type":"image_url"');
  expect(body).toContain('data:image/jpeg;base64,');
  // Set-of-marks: the picture carries the orange ref labels; the page is left without them.
  await expect(page.locator('webwright-marks')).toHaveCount(0);
  const viewer = await harness.context.newPage();
  const orange = await viewer.evaluate(async (source) => {
    const image = new Image();
    image.src = source;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) return 0;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs((data[i] ?? 0) - 232) < 30 && Math.abs((data[i + 1] ?? 0) - 113) < 30 && (data[i + 2] ?? 0) < 60) count++;
    return count;
  }, trace.steps[0]?.screenshot ?? '');
  await viewer.close();
  expect(orange).toBeGreaterThan(300);
});

test('an unknown model, a prompt too long for the model, and an origin rejection each end the run with what to do', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  model.script({ status: 404 });
  expect((await harness.run(page, 'Save the draft', { baseURL: model.baseURL, model: 'no-such-model' })).run.stopReason).toContain('The model "no-such-model" was not found');
  model.script({ status: 400, body: { error: { message: "This model's maximum context length is 8192 tokens.", type: 'invalid_request_error', code: 'context_length_exceeded' } } });
  expect((await harness.run(page, 'Save the draft', { baseURL: model.baseURL, model: 'scripted' })).run.stopReason).toContain(`The prompt is longer than the model "scripted" at ${model.baseURL} takes`);
  const { startModelServer } = await import('../support/model-server.ts');
  const strict = await startModelServer({ rejectOrigins: true });
  try {
    const refused = await harness.run(page, 'Save the draft', { baseURL: strict.baseURL, model: 'scripted' });
    expect(refused.run.status).toBe('failed');
    expect(refused.run.stopReason).toContain('OLLAMA_ORIGINS');
  } finally {
    await strict.close();
  }
});
