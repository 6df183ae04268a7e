import type { Step } from '../../src/shared/run.ts';
import { expect, test } from '../support/planner.ts';
import { stopServiceWorker } from '../support/worker.ts';

// Chrome stops an idle service worker whenever it likes; Node's calls into the extension must
// carry on through every restart without losing or repeating anything.

test('the first harness calls after the worker stopped answer within 5 s', async ({ harness, server, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const panel = await harness.openSidePanel();
  await stopServiceWorker(panel);
  // A page the harness has not seen yet: finding its tab goes through the extension too.
  const fresh = await harness.context.newPage();
  await fresh.goto(server.url('/editing/index.html'));
  let started = Date.now();
  expect(await harness.observe(fresh)).toContain('Save draft');
  expect(Date.now() - started).toBeLessThan(5_000);

  await stopServiceWorker(panel);
  started = Date.now();
  const worker = await harness.serviceWorker();
  expect(await worker.evaluate(() => 1 + 1)).toBe(2);
  expect(Date.now() - started).toBeLessThan(5_000);

  await stopServiceWorker(panel);
  started = Date.now();
  expect((await harness.act(page, { action: 'click', target: 'Save draft' })).ok).toBe(true);
  expect(Date.now() - started).toBeLessThan(5_000);
  await fresh.close();
  await panel.close();
});

test('twenty worker stops during one harness.run(): the finished trace, no step lost or repeated', async ({ harness, server, model, page }) => {
  test.setTimeout(180_000);
  await page.goto(server.url('/editing/index.html'));
  const panel = await harness.openSidePanel();
  // Replies are queued a few at a time, so the run ends soon after the last stop.
  let next = 1;
  const topUp = () => {
    while (model.pending() < 4) model.script({ tool: 'type', args: { target: 'Notes', text: `entry ${next++}` } });
  };
  topUp();
  const reported: Step[] = [];
  // The replies keep coming while the stops land, so the run may take more steps than the default budget of 30.
  const tracePromise = harness.run(page, 'Write entries into the notes', { baseURL: model.baseURL, model: 'scripted', maxSteps: 500, onStep: (step) => reported.push(step) });

  for (let stop = 0; stop < 20; stop++) {
    // Stops land in different phases: just after a model request arrived, or just after a step was recorded.
    if (stop % 2 === 0) {
      const requests = model.chatRequests().length;
      await expect.poll(() => model.chatRequests().length, { timeout: 30_000 }).toBeGreaterThan(requests);
    } else {
      const steps = reported.length;
      await expect.poll(() => reported.length, { timeout: 30_000 }).toBeGreaterThan(steps);
    }
    await stopServiceWorker(panel);
    topUp();
  }
  model.script({ tool: 'finish', args: { success: true, answer: 'done' } });
  const trace = await tracePromise;

  expect(trace.run.status).toBe('finished');
  const indices = trace.steps.map((step) => step.index);
  expect(indices).toEqual([...indices.keys()]);
  // Every step reported once, complete, in order.
  expect(reported.map((step) => step.index)).toEqual(indices);
  // No typed entry is recorded twice: a step cut off by a stop is marked, never carried out again.
  const typed = trace.steps.flatMap((step) => (step.intent?.action === 'type' ? [Number(step.intent.text.replace('entry ', ''))] : []));
  expect(typed.length).toBeGreaterThanOrEqual(10);
  expect([...typed].sort((a, b) => a - b)).toEqual(typed);
  expect(new Set(typed).size).toBe(typed.length);
  const lastDone = trace.steps.filter((step) => step.intent?.action === 'type' && step.result?.ok).at(-1);
  expect(lastDone?.intent?.action === 'type' && lastDone.intent.text).toBe(await page.locator('#notes').inputValue());
  expect(trace.steps.at(-1)?.intent?.action).toBe('finish');
  await panel.close();
});
