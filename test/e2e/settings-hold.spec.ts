import { expect, test } from '../support/planner.ts';
import { envelope, sendRaw } from '../support/panel.ts';

// A run started from Node names only what it changes; everything else comes from what the person stored.

test('stored settings hold in a run started from the harness; its own overrides change only what they name', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const panel = await harness.openSidePanel();
  const stored = {
    model: { provider: 'custom', baseURL: 'http://127.0.0.1:9/v1', model: 'stored-model', headers: { 'x-team': 'qa' }, timeoutMs: 7_000, maxRetries: 1, contextTokens: 9_000, inputPricePerMillion: 3 },
    budgets: { maxSteps: 7, maxTokens: 123_456 },
  };
  expect(await sendRaw(panel, envelope('panel-to-background', 'settings.save', { settings: stored }))).toMatchObject({ ok: true });
  try {
    // Two 503s: with the stored single retry the run fails; the default (3) would have let it through.
    model.script({ status: 503 }, { status: 503 }, { tool: 'finish', args: { success: true } });
    const trace = await harness.run(page, 'Look at the page', { baseURL: model.baseURL, model: 'scripted' });
    expect(trace.run.status).toBe('failed');
    expect(trace.run.stopReason).toContain('2 times in a row');
    const requests = model.chatRequests();
    expect(requests).toHaveLength(2);
    expect(requests[0]?.headers['x-team']).toBe('qa');
    expect(requests[0]?.body).toMatchObject({ model: 'scripted' });
    expect(trace.run.model).toMatchObject({ baseURL: model.baseURL, model: 'scripted', timeoutMs: 7_000, maxRetries: 1, contextTokens: 9_000, inputPricePerMillion: 3, headers: { 'x-team': 'qa' } });
    expect(trace.run.budgets).toMatchObject({ maxSteps: 7, maxTokens: 123_456 });

    // The harness's own timeout and retries apply to this run only.
    const next = await harness.run(page, 'Look at the page', { baseURL: model.baseURL, model: 'scripted', maxRetries: 3, requestTimeoutMs: 4_000 });
    expect(next.run.status).toBe('finished');
    expect(next.run.model).toMatchObject({ maxRetries: 3, timeoutMs: 4_000, contextTokens: 9_000 });
    const after = (await sendRaw(panel, envelope('panel-to-background', 'settings.get', {}))) as { value: { settings: { model: { maxRetries: number; model: string } } } };
    expect(after.value.settings.model).toMatchObject({ maxRetries: 1, model: 'stored-model' });
  } finally {
    await sendRaw(panel, envelope('panel-to-background', 'settings.save', { settings: {} }));
    await panel.close();
  }
});
