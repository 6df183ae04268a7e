import type { Page } from '@playwright/test';
import { startWelcomeServer } from '../../src/cli/welcome.ts';
import { expect, test, useScriptedModel } from '../support/planner.ts';

// The side panel's cost per step does not grow with the run: it asks only for the steps it has
// not seen settled, without screenshots, and fetches a step in full when Inspect opens it.

interface Seen {
  name: string;
  payload: Record<string, unknown>;
  value?: { steps?: Record<string, unknown>[]; screenshot?: string };
}

/** Records, inside the panel page, every protocol message it sends and the reply it gets. */
async function recordMessages(panel: Page): Promise<void> {
  await panel.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { seenMessages: unknown[] }).seenMessages = seen;
    const runtime = chrome.runtime as unknown as { sendMessage: (...args: unknown[]) => unknown };
    const original = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (...args: unknown[]) => {
      const message = args.find((arg) => typeof arg === 'object' && arg !== null && 'channel' in arg) as { name: string; payload: unknown } | undefined;
      const note = (reply: unknown) => {
        if (message) seen.push({ name: message.name, payload: message.payload, value: (reply as { value?: unknown } | undefined)?.value });
      };
      const callback = typeof args.at(-1) === 'function' ? (args.pop() as (reply: unknown) => void) : undefined;
      if (callback) {
        return original(...args, (reply: unknown) => {
          note(reply);
          callback(reply);
        });
      }
      return (original(...args) as Promise<unknown>).then((reply) => {
        note(reply);
        return reply;
      });
    };
  });
}

const settled = (step: Record<string, unknown>) => !step.intent || Boolean(step.result ?? step.error ?? step.interrupted);

test('the panel gets each step once, without screenshots, shows every step, and Inspect fetches the screenshot', async ({ harness, model, page }) => {
  const welcome = await startWelcomeServer();
  try {
    await page.goto(welcome.url('/shop.html'));
    const panel = await harness.context.newPage();
    await recordMessages(panel);
    await panel.goto(`chrome-extension://${harness.extensionId}/src/sidepanel/index.html?tab=${await harness.tabIdOf(page)}`);
    await useScriptedModel(panel, model);
    await panel.reload();
    // Slow replies, so the panel polls several times while the run goes on.
    model.script(
      { delayMs: 1500, then: { tool: 'click', args: { target: "the Add to cart button under 'Blue mug'" } } },
      { delayMs: 1500, then: { tool: 'click', args: { target: "the Add to cart button under 'Tea towel'" } } },
      { delayMs: 1500, then: { tool: 'type', args: { target: 'Name', text: 'Ada' } } },
      { delayMs: 1500, then: { tool: 'finish', args: { success: true, answer: 'Two things in the cart: $20.50.' } } },
    );
    await panel.getByRole('textbox', { name: 'Goal' }).fill('Put the blue mug and the tea towel in the cart');
    await panel.getByRole('button', { name: 'Run' }).click();
    await expect(panel.getByTestId('run-status')).toContainText('Done');
    await expect(page.locator('#total')).toHaveText('$20.50');

    const steps = panel.getByTestId('step');
    await expect(steps).toHaveCount(4);
    await expect(steps.nth(0)).toContainText('click "the Add to cart button under \'Blue mug\'"');
    await expect(steps.nth(1)).toContainText("Tea towel");
    await expect(steps.nth(2)).toContainText('type "Ada"');
    await expect(steps.nth(3)).toContainText('Finished.');

    const seen = (await panel.evaluate(() => (window as unknown as { seenMessages: unknown[] }).seenMessages)) as Seen[];
    const follows = seen.filter((message) => message.name === 'run.steps');
    expect(follows.length).toBeGreaterThan(4);
    expect(seen.some((message) => message.name === 'run.get')).toBe(false);
    const received = follows.flatMap((message) => message.value?.steps ?? []);
    for (const step of received) {
      expect(Object.keys(step)).not.toContain('screenshot');
      expect(Object.keys(step)).not.toContain('messages');
      expect(Object.keys(step)).not.toContain('observation');
    }
    // Each step arrives settled exactly once; a step still under way may come again, but only until it settles.
    const settledCounts = [0, 1, 2, 3].map((index) => received.filter((step) => step.index === index && settled(step)).length);
    expect(settledCounts).toEqual([1, 1, 1, 1]);
    expect(received.filter((step) => !settled(step)).length).toBeLessThanOrEqual(follows.length);
    // Every request asks from where the panel's settled steps end, which only moves forward.
    const starts = follows.map((message) => Number(message.payload.fromStep ?? 0));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(starts.at(-1)).toBeGreaterThanOrEqual(3);

    await panel.getByRole('button', { name: 'Inspect step 1' }).click();
    await expect(steps.first().getByRole('img', { name: 'The page before step 1' })).toBeVisible();
    await expect(steps.first().getByRole('img', { name: 'The element acted on' })).toBeVisible();
    await expect(steps.first()).toContainText('You are Webwright');
    const inspected = ((await panel.evaluate(() => (window as unknown as { seenMessages: unknown[] }).seenMessages)) as Seen[]).filter((message) => message.name === 'run.step');
    expect(inspected).toHaveLength(1);
    expect(inspected[0]?.payload).toMatchObject({ index: 0 });
    expect(inspected[0]?.value?.screenshot).toMatch(/^data:image\/(jpeg|png);base64,/);
    await panel.close();
  } finally {
    await welcome.close();
  }
});
