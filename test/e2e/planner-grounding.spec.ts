import type { Page } from '@playwright/test';
import type { Harness } from 'webwright/harness';
import { saveSettings } from '../support/panel.ts';
import { expect, test, userText } from '../support/planner.ts';

// The optional grounding model: when a target fits several elements, it picks one before the
// planner is asked again; its pick passes the same safety gate as any step. Not-found and
// low-confidence answers: planner-escalation.spec.ts.

// Settings live as long as the worker's browser: back to the defaults for the next test.
test.afterEach(({ harness, page }) => saveSettings(harness, page, {}));

function enableGrounding(harness: Harness, page: Page) {
  return saveSettings(harness, page, { grounding: { enabled: true, model: 'grounder' } });
}

test('an ambiguous target goes to the grounding model, and the step is done on its pick', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/index.html'));
  await enableGrounding(harness, page);
  const blue = await harness.ground(page, { action: 'click', target: "the Add to cart button under 'Blue Shirt'" });
  expect(blue.kind).toBe('ok');
  model.script(
    { tool: 'click', args: { target: 'Add to cart' }, thought: 'Add the blue shirt.' },
    { content: `{"ref": "${blue.element?.ref}"}` },
    { tool: 'finish', args: { success: true, answer: 'Added.' } },
  );
  const trace = await harness.run(page, 'Add the blue shirt to my cart', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run.status, trace.run.stopReason).toBe('finished');
  await expect(page.locator('#cart-count')).toHaveText('1');
  await expect(page.locator('#toast')).toContainText('Blue Shirt');
  const step = trace.steps[0];
  expect(step?.result).toMatchObject({ ok: true, ref: blue.element?.ref });
  expect(step?.result?.message).toMatch(new RegExp(`^The target fit \\d+ elements; the grounding model chose \\[${blue.element?.ref}\\]\\.`));
  // The grounding request: its own model, the description, the candidates and the fenced page.
  const asked = model.chatRequests()[1]?.body as { model: string; messages: { role: string; content: string }[] };
  expect(asked.model).toBe('grounder');
  expect(asked.messages[1]?.content).toContain('Description: Add to cart');
  expect(asked.messages[1]?.content).toContain(`<<page ${trace.run.marker}>>`);
  expect(asked.messages[1]?.content).toMatch(new RegExp(`Candidates: .*${blue.element?.ref}`));
  // Its tokens count in the step's usage: more than the planner's call alone.
  expect(step?.usage.promptTokens).toBeGreaterThan(0);
});

test('an unusable answer leaves the planner with the candidates, and nothing is clicked', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/index.html'));
  await enableGrounding(harness, page);
  model.script(
    { tool: 'click', args: { target: 'Add to cart' } },
    { content: 'Probably the blue one?' },
    { tool: 'finish', args: { success: false, answer: 'Too many to choose from.' } },
  );
  const trace = await harness.run(page, 'Add a shirt to my cart', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.steps[0]?.result?.kind).toBe('ambiguous');
  expect(trace.steps[0]?.result?.message).toContain('(Asked the grounding model: the grounding model gave no usable answer.)');
  await expect(page.locator('#cart-count')).toHaveText('0');
  expect(userText(model.chatRequests()[2]?.body)).toContain('ambiguous');
});

test('the grounding model\'s pick passes the safety gate: a pick that pays waits for the person, and is not carried out', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/secure/payment.html'));
  await enableGrounding(harness, page);
  const report = await harness.ground(page, { action: 'click', target: 'the button in the form' });
  expect(report.kind).toBe('ambiguous');
  const pay = report.candidates.find((candidate) => candidate.name === 'Continue');
  expect(pay).toBeTruthy();
  model.script({ tool: 'click', args: { target: 'the button in the form' } }, { content: `{"ref": "${pay?.ref}"}` }, { tool: 'finish', args: { success: false, answer: 'Needs you.' } });
  // The harness denies what needs approval unless told otherwise: the run stops there.
  const trace = await harness.run(page, 'Apply my coupon', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.steps[0]?.escalation).toMatchObject({ reason: 'ambiguous', chosen: pay?.ref, outcome: 'chosen' });
  expect(trace.steps[0]?.result?.message).toBe('Waiting for the person to approve: it submits a form with payment card details.');
  expect(trace.run.stopReason).toContain(`on [${pay?.ref}] button "Continue". It needs you because it submits a form with payment card details.`);
  expect(trace.run.pending?.intent).toMatchObject({ ref: pay?.ref, target: 'the button in the form' });
  expect(trace.run.pending?.refBy).toBe('grounding-model');
  await expect(page.locator('#state')).toHaveText('Not paid.');
});

test('switched off (the default), an ambiguous target goes straight back to the planner', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/index.html'));
  model.script({ tool: 'click', args: { target: 'Add to cart' } }, { tool: 'finish', args: { success: false } });
  const trace = await harness.run(page, 'Add a shirt to my cart', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.steps[0]?.result?.kind).toBe('ambiguous');
  expect(model.chatRequests()).toHaveLength(2);
  expect(JSON.stringify(model.chatRequests()[1]?.body)).not.toContain('You pick the one element');
});
