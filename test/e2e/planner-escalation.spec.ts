import type { Page } from '@playwright/test';
import type { Harness } from 'webwright/harness';
import type { ModelServer } from '../support/model-server.ts';
import { saveSettings } from '../support/panel.ts';
import { expect, test, userText } from '../support/planner.ts';

// With the grounding model switched on, not-found and low-confidence answers go to it too, before
// anything is done; its pick is grounded again with the target's words as the check.

// Settings live as long as the worker's browser: back to the defaults for the next test.
test.afterEach(({ harness, page }) => saveSettings(harness, page, {}));

function enableGrounding(harness: Harness, page: Page) {
  return saveSettings(harness, page, { grounding: { enabled: true, model: 'grounder' } });
}

type Body = { model: string; messages: { role: string; content: string }[] };
const groundingRequests = (model: ModelServer) => model.chatRequests().filter((request) => (request.body as Body).model === 'grounder');
const askedText = (model: ModelServer) => (groundingRequests(model)[0]?.body as Body | undefined)?.messages[1]?.content ?? '';

/** The checkout page's Express radio, which "the Express shipping radio" fits only doubtfully. */
async function doubtfulExpress(harness: Harness, page: Page, server: { url(path: string): string }) {
  await page.goto(server.url('/shop/checkout.html'));
  await enableGrounding(harness, page);
  const report = await harness.ground(page, { action: 'click', target: 'the Express shipping radio' });
  expect(report.kind).toBe('ok');
  expect(report.confidence).toBeLessThan(0.5);
  expect(report.element?.name).toMatch(/^Express/);
  return report.element?.ref ?? '';
}

test('a not-found target the grounding model resolves: its near miss is grounded by the words and clicked', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/cart.html'));
  await enableGrounding(harness, page);
  await page.locator('#promo').fill('SAVE10');
  const words = await harness.ground(page, { action: 'click', target: 'the apply the code button' });
  expect(words.kind).toBe('not-found');
  const apply = words.candidates.find((candidate) => candidate.name === 'Apply')?.ref ?? '';
  expect(apply).toMatch(/^e\d+$/);

  model.script({ tool: 'click', args: { target: 'the apply the code button' } }, { content: `{"ref": "${apply}"}` }, { tool: 'finish', args: { success: true, answer: 'Applied.' } });
  const trace = await harness.run(page, 'Apply my promo code', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run.status, trace.run.stopReason).toBe('finished');
  await expect(page.locator('#promo-msg')).toHaveText('Code SAVE10 applied: 10% off.');
  await expect(page.locator('#total')).toHaveText('$195.30');

  const step = trace.steps[0];
  expect(step?.result).toMatchObject({ ok: true, ref: apply });
  expect(step?.result?.message).toMatch(new RegExp(`^No element fit the target well by its words; the grounding model chose \\[${apply}\\]\\.`));
  // The trace keeps why, what it was shown, what it said and what came of it.
  expect(step?.escalation).toMatchObject({ reason: 'not-found', model: 'grounder', chosen: apply, outcome: 'chosen', answer: `{"ref": "${apply}"}` });
  expect(step?.escalation?.candidates[0]).toEqual({ ref: apply, near: 'words', label: 'button "Apply"' });
  // Nearest in place: the promo field beside it (holding the code), and more, as the outline shows them.
  const promo = step?.escalation?.candidates.find((candidate) => candidate.near === 'place' && candidate.label.startsWith('textbox') && candidate.label.includes('SAVE10'));
  expect(promo).toBeTruthy();
  expect(step?.escalation?.candidates.length).toBeGreaterThanOrEqual(4);
  // What the grounding model was asked: why, the candidates with why each, the fenced outline.
  const asked = askedText(model);
  expect(asked).toContain('Description: the apply the code button');
  expect(asked).toContain('No element fits the description well enough');
  expect(asked).toContain(`Candidates: ${apply} (near in words), ${promo?.ref} (near in place)`);
  expect(asked).toContain(`<<page ${trace.run.marker}>>`);

  // The side panel's step inspector shows it.
  const panel = await harness.openSidePanel(page);
  await panel.getByRole('button', { name: 'History' }).click();
  await panel.getByRole('button', { name: 'Open run: Apply my promo code' }).click();
  await panel.getByRole('button', { name: 'Inspect step 1' }).click();
  const shown = panel.getByRole('region', { name: 'Grounding model' });
  await expect(shown).toContainText('Asked because nothing fit the words well enough');
  await expect(shown).toContainText(`[${apply}] button "Apply" · words`);
  await expect(shown).toContainText(`{"ref": "${apply}"}`);
  await expect(shown).toContainText('Outcome: its pick was checked against the words, and the step went on with it');
  await panel.close();
});

test('a low-confidence pick is confirmed by the grounding model, then carried out', async ({ harness, server, model, page }) => {
  const express = await doubtfulExpress(harness, page, server);
  model.script({ tool: 'click', args: { target: 'the Express shipping radio' } }, { content: `{"ref": "${express}"}` }, { tool: 'finish', args: { success: true } });
  const trace = await harness.run(page, 'Choose express shipping', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run.status, trace.run.stopReason).toBe('finished');
  await expect(page.locator('input[value=express]')).toBeChecked();
  expect(trace.steps[0]?.result?.message).toMatch(new RegExp(`^The best fit, \\[${express}\\], was doubtful; the grounding model confirmed it\\.`));
  expect(trace.steps[0]?.escalation).toMatchObject({ reason: 'low-confidence', outcome: 'confirmed', chosen: express });
  expect(askedText(model)).toContain(`The best fit, [${express}], is doubtful. Confirm it by naming it, or choose another.`);
});

test('a low-confidence pick the grounding model rejects is not carried out, and the planner hears why', async ({ harness, server, model, page }) => {
  const express = await doubtfulExpress(harness, page, server);
  model.script({ tool: 'click', args: { target: 'the Express shipping radio' } }, { content: '{"ref": null}' }, { tool: 'finish', args: { success: false } });
  const trace = await harness.run(page, 'Choose express shipping', { baseURL: model.baseURL, model: 'scripted' });
  await expect(page.locator('input[value=standard]')).toBeChecked();
  await expect(page.locator('input[value=express]')).not.toBeChecked();
  const result = trace.steps[0]?.result;
  expect(result?.kind).toBe('not-found');
  expect(result?.message).toContain(`The best fit for "the Express shipping radio", [${express}] radio "Express (next day), $9.00", was doubtful, and the grounding model said none of the candidates is what the description means; nothing was done.`);
  expect(trace.steps[0]?.escalation).toMatchObject({ outcome: 'rejected' });
  expect(trace.steps[0]?.escalation?.chosen).toBeUndefined();
  expect(userText(model.chatRequests()[2]?.body)).toContain('was doubtful, and the grounding model said none');
});

test('a pick the words do not support stays not-found and is never acted on', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/checkout.html'));
  await enableGrounding(harness, page);
  const target = "the free delivery choice under 'Shipping to'";
  expect((await harness.ground(page, { action: 'click', target })).kind).toBe('not-found');
  const express = (await harness.ground(page, { action: 'click', target: 'the Express (next day) radio' })).element?.ref ?? '';
  model.script({ tool: 'click', args: { target } }, { content: `{"ref": "${express}"}` }, { tool: 'finish', args: { success: false } });
  const trace = await harness.run(page, 'Pick the free delivery', { baseURL: model.baseURL, model: 'scripted' });
  await expect(page.locator('input[value=express]')).not.toBeChecked();
  const step = trace.steps[0];
  // It was shown as near in place (under the quoted heading), and chosen, but the words do not fit it.
  expect(step?.escalation?.candidates).toContainEqual(expect.objectContaining({ ref: express, near: 'place' }));
  expect(step?.escalation).toMatchObject({ reason: 'not-found', chosen: express, outcome: 'unsupported' });
  expect(step?.result?.kind).toBe('not-found');
  expect(step?.result?.message).toContain(`(Asked the grounding model: the grounding model chose [${express}], which the words do not support (ref ${express} is [${express}] radio "Express (next day), $9.00", which does not fit`);
  expect(step?.result?.ok).toBe(false);
});

test('a consequential pick waits for the person, and once approved is carried out on the pick the words fit only in part', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/checkout.html'));
  await enableGrounding(harness, page);
  const target = 'the Place my order now button';
  const words = await harness.ground(page, { action: 'click', target });
  expect(words.kind).toBe('not-found');
  const place = words.candidates.find((candidate) => candidate.name === 'Place order')?.ref ?? '';
  // A planner naming it by ref with these words is refused: the words fit it only in part.
  expect((await harness.ground(page, { action: 'click', target, ref: place })).kind).toBe('stale-ref');
  model.script({ tool: 'click', args: { target } }, { content: `{"ref": "${place}"}` }, { tool: 'finish', args: { success: true } });
  const trace = await harness.run(page, 'Place my order', { baseURL: model.baseURL, model: 'scripted', approve: true });
  expect(trace.run.status, trace.run.stopReason).toBe('finished');
  await expect(page.locator('#state')).toHaveText('Order #1001 placed, standard delivery.');
  expect(trace.steps[0]?.escalation).toMatchObject({ reason: 'not-found', chosen: place, outcome: 'chosen' });
  expect(trace.steps[0]?.result?.message).toMatch(/^Waiting for the person to approve/);
  expect(trace.steps[1]?.intent).toMatchObject({ ref: place, target });
  expect(trace.steps[1]?.result).toMatchObject({ ok: true, ref: place });
});

test('a grounding model that cannot be reached: the run goes on as without it, and says so', async ({ harness, server, model, page }) => {
  const express = await doubtfulExpress(harness, page, server);
  model.script({ tool: 'click', args: { target: 'the Express shipping radio' } }, { status: 404 }, { tool: 'finish', args: { success: true } });
  const trace = await harness.run(page, 'Choose express shipping', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run.status, trace.run.stopReason).toBe('finished');
  await expect(page.locator('input[value=express]')).toBeChecked();
  const step = trace.steps[0];
  expect(step?.result).toMatchObject({ ok: true, ref: express });
  expect(step?.result?.message).toMatch(new RegExp(`^The best fit, \\[${express}\\], was doubtful and the grounding model could not be asked \\(.+\\); went ahead with the grounder's pick\\.`));
  expect(step?.escalation).toMatchObject({ reason: 'low-confidence', outcome: 'no-answer' });
  expect(step?.escalation?.answer).toBeUndefined();
});

test('a grounding model that replies garbage: a not-found stays not-found, with the reason, and nothing is clicked', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/cart.html'));
  await enableGrounding(harness, page);
  await page.locator('#promo').fill('SAVE10');
  model.script({ tool: 'click', args: { target: 'the apply the code button' } }, { content: 'Sure! Happy to help with your cart.' }, { tool: 'finish', args: { success: false } });
  const trace = await harness.run(page, 'Apply my promo code', { baseURL: model.baseURL, model: 'scripted' });
  await expect(page.locator('#total')).toHaveText('$217.00');
  await expect(page.locator('#promo-msg')).toHaveText('');
  expect(trace.steps[0]?.result?.kind).toBe('not-found');
  expect(trace.steps[0]?.result?.message).toContain('(Asked the grounding model: the grounding model gave no usable answer.)');
  expect(trace.steps[0]?.escalation).toMatchObject({ outcome: 'no-answer', answer: 'Sure! Happy to help with your cart.' });
  expect(userText(model.chatRequests()[2]?.body)).toContain('gave no usable answer');
});

test('switched off: no request for a not-found or a low-confidence answer, and no escalation recorded', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/checkout.html'));
  model.script(
    { tool: 'click', args: { target: 'the Express shipping radio' } },
    { tool: 'click', args: { target: "the free delivery choice under 'Shipping to'" } },
    { tool: 'finish', args: { success: false } },
  );
  const trace = await harness.run(page, 'Choose a delivery', { baseURL: model.baseURL, model: 'scripted' });
  await expect(page.locator('input[value=express]')).toBeChecked();
  expect(trace.steps[1]?.result?.kind).toBe('not-found');
  expect(model.chatRequests()).toHaveLength(3);
  expect(JSON.stringify(model.chatRequests().map((request) => request.body))).not.toContain('You pick the one element');
  expect(trace.steps.some((step) => step.escalation)).toBe(false);
});
