import { expect, systemText, test, userText } from '../support/planner.ts';

// Multi-step tasks on the fixture sites, driven by the real run loop in the extension against a
// scripted model server.

test('a search that needs scrolling: find a post further down and like it', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/feed/index.html'));
  model.script(
    { tool: 'scroll', args: { direction: 'down', amount: 'page' }, thought: "Grace Liu's post is not in view." },
    { tool: 'scroll', args: { direction: 'bottom' } },
    { tool: 'click', args: { target: "the Like button on Grace Liu's post" } },
    { tool: 'finish', args: { success: true, answer: "Liked Grace Liu's post." } },
  );
  const trace = await harness.run(page, "Like Grace Liu's post", { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run).toMatchObject({ status: 'finished', success: true, answer: "Liked Grace Liu's post.", stepCount: 4 });
  expect(trace.steps.map((step) => step.result?.kind)).toEqual(['ok', 'ok', 'ok', 'ok']);
  const post = page.locator('article').filter({ hasText: 'Grace Liu' }).first();
  await expect(post.locator('.like')).toHaveAttribute('aria-pressed', 'true');
  // The model saw the page fenced as untrusted data, and its own earlier steps.
  const requests = model.chatRequests();
  expect(requests).toHaveLength(4);
  const marker = trace.run.marker;
  expect(systemText(requests[0]?.body)).toContain(`<<page ${marker}>>`);
  expect(userText(requests[0]?.body)).toMatch(new RegExp(`<<page ${marker}>>\\n[\\s\\S]*Page: [\\s\\S]*<</page ${marker}>>`));
  expect(userText(requests[2]?.body)).toContain('1. scroll down → ok: Scrolled the page down');
});

test('a purchase: add to cart, open the cart, read the subtotal', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/index.html'));
  model.script(
    { tool: 'click', args: { target: "the Add to cart button under 'Black Jacket'" } },
    { tool: 'click', args: { target: 'the cart link in the header' } },
    { tool: 'note', args: { content: 'Subtotal shown on the cart page.' } },
    { tool: 'finish', args: { success: true, answer: 'The jacket is in the cart.' } },
  );
  const trace = await harness.run(page, 'Buy the black jacket', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run).toMatchObject({ status: 'finished', success: true, notes: ['Subtotal shown on the cart page.'] });
  expect(trace.steps[0]?.result).toMatchObject({ ok: true, element: { name: 'Add to cart' } });
  expect(trace.steps[1]?.result?.effect?.kind).toBe('navigated');
  await expect(page).toHaveURL(/cart\.html/);
  // The notes reach the model at the next step.
  expect(userText(model.chatRequests()[3]?.body)).toContain('- Subtotal shown on the cart page.');
});

test('a form with validation errors to fix', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/account/signup.html'));
  model.script(
    { tool: 'click', args: { target: 'the Create account button' } },
    { tool: 'type', args: { target: 'Full name', text: 'Ada Lovelace' }, thought: 'The form lists errors; fill each field.' },
    { tool: 'type', args: { target: 'Work email', text: 'ada@example.com' } },
    { tool: 'type', args: { target: 'the password field', text: 'Analytical-Engine-1843' } },
    { tool: 'type', args: { target: 'Confirm password', text: 'Analytical-Engine-1843' } },
    { tool: 'select', args: { target: 'Country / region', option: 'Canada' } },
    { tool: 'check', args: { target: 'the terms checkbox' } },
    { tool: 'click', args: { target: 'the Create account button' } },
    { tool: 'finish', args: { success: true } },
  );
  const trace = await harness.run(page, 'Create an account for Ada Lovelace', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run.status).toBe('finished');
  expect(trace.steps.slice(0, 8).every((step) => step.result?.ok)).toBe(true);
  await expect(page.locator('#done')).toBeVisible();
  // The validation errors were in what the model saw after the first click.
  expect(userText(model.chatRequests()[1]?.body)).toMatch(/\[invalid\]/);
  // The password typed is never shown to the model.
  for (const request of model.chatRequests()) expect(JSON.stringify(request.body)).not.toContain('Analytical-Engine-1843"');
  for (const request of model.chatRequests().slice(4)) expect(userText(request.body).split('<<page')[1] ?? '').not.toContain('Analytical-Engine');
});

test('a task across two tabs follows the new tab and comes back', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/index.html'));
  model.script(
    { tool: 'tab', args: { op: 'open', url: server.url('/shop/cart.html') } },
    { tool: 'note', args: { content: 'The cart subtotal is $217.00.' } },
    { tool: 'tab', args: { op: 'switch', index: 1 } },
    { tool: 'finish', args: { success: true, answer: '$217.00' } },
  );
  const trace = await harness.run(page, 'Check the cart subtotal in a new tab', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run).toMatchObject({ status: 'finished', answer: '$217.00' });
  // The second step observed the new tab; the prompt lists the tabs.
  expect(trace.steps[1]?.url).toMatch(/cart\.html/);
  expect(userText(model.chatRequests()[1]?.body)).toMatch(/Tabs: .*\(current\)/);
  expect(trace.steps[3]?.url).toMatch(/shop\/index\.html/);
});

test('a login that needs the person: ask_user pauses until answered', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/account/login.html'));
  model.script(
    { tool: 'ask_user', args: { question: 'Please sign in, then tell me to continue.', kind: 'takeover' } },
    { tool: 'finish', args: { success: true, answer: 'Signed in.' } },
  );
  const questions: string[] = [];
  const trace = await harness.run(page, 'Sign in to my account', {
    baseURL: model.baseURL,
    model: 'scripted',
    onQuestion: (question) => {
      questions.push(question.question);
      return 'I signed in; continue.';
    },
  });
  expect(questions).toEqual(['Please sign in, then tell me to continue.']);
  expect(trace.run).toMatchObject({ status: 'finished', answers: [{ question: 'Please sign in, then tell me to continue.', answer: 'I signed in; continue.' }] });
  expect(userText(model.chatRequests()[1]?.body)).toContain('They answered: I signed in; continue.');
});

test('a run recovers after a wrong click', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/shop/index.html'));
  model.script(
    { tool: 'click', args: { target: "the wishlist button for 'Blue Shirt'" } },
    { tool: 'click', args: { target: "the Add to cart button under 'Blue Shirt'" }, thought: 'That was the wishlist; now the cart.' },
    { tool: 'finish', args: { success: true } },
  );
  const trace = await harness.run(page, 'Add the blue shirt to the cart', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run.status).toBe('finished');
  expect(trace.steps[0]?.result?.element?.name).toMatch(/wishlist/i);
  await expect(page.locator('#cart-count')).toHaveText('1');
  expect(userText(model.chatRequests()[1]?.body)).toMatch(/1\. click "the wishlist button for 'Blue Shirt'" → ok/);
});
