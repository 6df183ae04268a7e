import { envelope, sendRaw } from '../support/panel.ts';
import { expect, test, useScriptedModel, userText } from '../support/planner.ts';

// Consequential steps wait for the person: judged on the element the step lands on.

test('a checkout click waits for approval in the side panel; Deny goes back to the planner, Approve carries it out', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/cart.html'));
  const panel = await harness.openSidePanel(page);
  await useScriptedModel(panel, model);
  model.script(
    { tool: 'click', args: { target: 'the checkout button in the order summary' }, thought: 'Go to checkout.' },
    { tool: 'click', args: { target: 'Proceed to checkout' }, thought: 'Try again, the person may agree now.' },
    { tool: 'finish', args: { success: true, answer: 'At checkout.' } },
  );
  await panel.getByRole('textbox', { name: 'Goal' }).fill('Check out my cart');
  await panel.getByRole('button', { name: 'Run' }).click();
  const approval = panel.getByRole('region', { name: 'Approval needed' });
  await expect(approval).toContainText('Proceed to checkout');
  await expect(approval).toContainText('it may spend money or place an order');
  await approval.getByRole('button', { name: 'Deny' }).click();
  // Denied: nothing clicked, and the planner is told; it asks again.
  await expect.poll(() => userText(model.chatRequests()[1]?.body)).toContain('The person denied this step');
  await expect(page).toHaveURL(/cart\.html/);
  await expect(panel.getByRole('region', { name: 'Approval needed' })).toContainText('click "Proceed to checkout"');
  await panel.getByRole('region', { name: 'Approval needed' }).getByRole('button', { name: 'Approve' }).click();
  await expect(panel.getByTestId('run-status')).toContainText('Done');
  await expect(panel.getByTestId('step').filter({ hasText: 'Approved by the person' })).toHaveCount(1);
  await panel.close();
});

test('without a person to ask, a consequential step is denied and the run ends saying why; approve lets it through', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/dialogs/index.html'));
  model.script({ tool: 'click', args: { target: 'Delete project' } });
  const denied = await harness.run(page, 'Delete the project', { baseURL: model.baseURL, model: 'scripted' });
  expect(denied.run.status).toBe('stopped');
  expect(denied.run.stopReason).toMatch(/needed approval and was denied: .*Delete project.*deletes or cancels/);
  expect(await page.getByRole('dialog').count()).toBe(0);

  model.script({ tool: 'click', args: { target: 'Delete project' } }, { tool: 'finish', args: { success: true } });
  const approved = await harness.run(page, 'Delete the project', { baseURL: model.baseURL, model: 'scripted', approve: true });
  expect(approved.run.status).toBe('finished');
  expect(approved.steps.map((step) => step.result?.message)).toEqual([expect.stringContaining('Waiting for the person to approve'), expect.stringContaining('Approved by the person'), 'Finished.']);
  await expect(page.getByRole('alertdialog').or(page.getByRole('dialog'))).toBeVisible();
});

test('the planner\'s own "sensitive" mark asks too, and Chinese wording is read', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  model.script({ tool: 'click', args: { target: 'Save draft', sensitive: 'publishes the draft' } });
  const marked = await harness.run(page, 'Save', { baseURL: model.baseURL, model: 'scripted' });
  expect(marked.run.stopReason).toContain('publishes the draft');
  model.script({ tool: 'click', args: { target: '提交订单' } });
  const chinese = await harness.run(page, '下单', { baseURL: model.baseURL, model: 'scripted' });
  expect(chinese.run.stopReason).toContain('it may spend money or place an order');
});

test('blocked sites are never opened; sites outside the allowed list need approval', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const panel = await harness.openSidePanel(page);
  const safety = { blockedDomains: ['example.org'], allowedDomains: ['127.0.0.1'] };
  await sendRaw(panel, envelope('panel-to-background', 'settings.save', { settings: { safety } }));
  try {
    model.script(
      { tool: 'navigate', args: { url: 'https://www.example.org/account' } },
      { tool: 'navigate', args: { url: server.url('/editing/next.html') } },
      { tool: 'navigate', args: { url: 'http://localhost:1/elsewhere' } },
    );
    const trace = await harness.run(page, 'Go places', { baseURL: model.baseURL, model: 'scripted' });
    expect(trace.steps[0]?.result?.message).toContain('www.example.org is on the blocked list');
    expect(trace.steps[1]?.result?.effect?.kind).toBe('navigated');
    expect(trace.run.status).toBe('stopped');
    expect(trace.run.stopReason).toContain('localhost is not among the sites you allowed');
    await expect(page).toHaveURL(/editing\/next\.html$/);
  } finally {
    await sendRaw(panel, envelope('panel-to-background', 'settings.save', { settings: {} }));
    await panel.close();
  }
});

test('a checkout\'s "Place order" waits for approval: Deny sends the run elsewhere, Approve places the order', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/checkout.html'));
  const panel = await harness.openSidePanel(page);
  await useScriptedModel(panel, model);
  model.script(
    { tool: 'check', args: { target: 'Express (next day)' }, thought: 'The person wants it tomorrow.' },
    { tool: 'click', args: { target: 'Place order' }, thought: 'Everything is set.' },
    { tool: 'click', args: { target: 'Back to cart' }, thought: 'Not approved; go back to the cart instead.' },
    { tool: 'finish', args: { success: false, answer: 'You did not want to place the order; I went back to the cart.' } },
  );
  await panel.getByRole('textbox', { name: 'Goal' }).fill('Order my cart with express delivery');
  await panel.getByRole('button', { name: 'Run' }).click();
  const approval = panel.getByRole('region', { name: 'Approval needed' });
  await expect(approval).toContainText('click "Place order"');
  await expect(approval).toContainText('it may spend money or place an order');
  await approval.getByRole('button', { name: 'Deny' }).click();
  await expect(panel.getByTestId('run-status')).toContainText('Could not finish');
  await expect(page).toHaveURL(/cart\.html/);
  expect(userText(model.chatRequests()[2]?.body)).toContain('The person denied this step');

  await page.goto(server.url('/shop/checkout.html'));
  model.script(
    { tool: 'check', args: { target: 'Express (next day)' } },
    { tool: 'click', args: { target: 'Place order' } },
    { tool: 'finish', args: { success: true, answer: 'Order #1001 placed.' } },
  );
  await panel.getByRole('textbox', { name: 'Goal' }).fill('Order my cart with express delivery');
  await panel.getByRole('button', { name: 'Run' }).click();
  await panel.getByRole('region', { name: 'Approval needed' }).getByRole('button', { name: 'Approve' }).click();
  await expect(panel.getByTestId('run-status')).toContainText('Done');
  await expect(page.locator('#state')).toHaveText('Order #1001 placed, express delivery.');
  await panel.close();
});
