import type { Page } from '@playwright/test';
import type { Trace } from 'webwright/harness';
import { envelope, sendRaw } from '../support/panel.ts';
import { expect, test, userText } from '../support/planner.ts';

// Named secrets: the planner writes {{secret:name}}, the content script types the value, and the
// value shows up nowhere the model, a trace, an export or a screenshot could carry it.

const EMAIL = 'ann.lee@example.org';
const PASSWORD = 'Tr0ub4dor&3x!';

async function storeSecret(panel: Page, name: string, value: string, sites: string[] = []) {
  const reply = (await sendRaw(panel, envelope('panel-to-background', 'secrets.save', { name, value, sites }))) as { ok: boolean };
  expect(reply.ok).toBe(true);
}

async function clearSecrets(panel: Page) {
  const listed = (await sendRaw(panel, envelope('panel-to-background', 'secrets.list', {}))) as { value: { name: string }[] };
  for (const { name } of listed.value) await sendRaw(panel, envelope('panel-to-background', 'secrets.delete', { name }));
}

/** Mean and spread of the colours of a box of a screenshot (CSS pixels of the viewport), inset from its edges. */
async function regionStats(page: Page, screenshot: string, box: { x: number; y: number; width: number; height: number }) {
  return page.evaluate(
    async ({ url, box }) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const scale = image.naturalWidth / window.innerWidth;
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      const inset = 4;
      const data = context.getImageData(Math.round((box.x + inset) * scale), Math.round((box.y + inset) * scale), Math.round((box.width - 2 * inset) * scale), Math.round((box.height - 2 * inset) * scale)).data;
      const grey: number[] = [];
      for (let i = 0; i < data.length; i += 4) grey.push(((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3);
      const mean = grey.reduce((a, b) => a + b, 0) / grey.length;
      const spread = Math.sqrt(grey.reduce((a, b) => a + (b - mean) ** 2, 0) / grey.length);
      return { mean, spread };
    },
    { url: screenshot, box },
  );
}

/** Whether a screenshot region is one flat colour (the shield), not text on a field. */
async function isCovered(page: Page, screenshot: string, box: { x: number; y: number; width: number; height: number }) {
  const { mean, spread } = await regionStats(page, screenshot, box);
  return Math.abs(mean - 99) < 12 && spread < 6;
}

function everything(trace: Trace): string {
  return JSON.stringify(trace);
}

test.afterEach(async ({ harness, page }) => {
  const panel = await harness.openSidePanel(page);
  await clearSecrets(panel);
  await panel.close();
});

test('secrets are kept from the Settings view, which never shows a value back', async ({ harness, server, page }) => {
  await page.goto(server.url('/secure/login.html'));
  const panel = await harness.openSidePanel(page);
  await panel.getByRole('button', { name: 'Settings', exact: true }).click();
  const form = panel.getByRole('form', { name: 'Secrets' });
  await form.getByRole('textbox', { name: 'Name' }).fill('bank-password');
  await form.getByLabel('Value').fill(PASSWORD);
  await form.getByRole('textbox', { name: 'Only on sites (empty: any)' }).fill('127.0.0.1');
  await form.getByRole('button', { name: 'Save secret' }).click();
  await expect(form.getByRole('status')).toHaveText('Secret "bank-password" saved. The agent can type it as {{secret:bank-password}}.');
  await expect(form.getByRole('list', { name: 'Stored secrets' })).toContainText('bank-password on 127.0.0.1');
  await expect(form.getByLabel('Value')).toHaveValue('');
  // A value too short to mask safely is refused in words.
  await form.getByRole('textbox', { name: 'Name' }).fill('pin');
  await form.getByLabel('Value').fill('12');
  await form.getByRole('button', { name: 'Save secret' }).click();
  await expect(form.getByRole('alert')).toContainText('at least 4 characters');
  // Nothing the panel can ask for carries the value.
  await panel.reload();
  await panel.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(panel.getByRole('list', { name: 'Stored secrets' })).toContainText('bank-password');
  expect(await panel.content()).not.toContain(PASSWORD);
  expect(JSON.stringify(await sendRaw(panel, envelope('panel-to-background', 'secrets.list', {})))).not.toContain(PASSWORD);
  expect(JSON.stringify(await sendRaw(panel, envelope('panel-to-background', 'settings.get', {})))).not.toContain(PASSWORD);
  await panel.getByRole('button', { name: 'Delete secret bank-password' }).click();
  await expect(panel.getByRole('list', { name: 'Stored secrets' })).toHaveCount(0);
  await panel.close();
});

test('a run signs in with stored secrets; no prompt, trace, export or screenshot holds them', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/secure/login.html'));
  const panel = await harness.openSidePanel(page);
  await storeSecret(panel, 'email', EMAIL);
  await storeSecret(panel, 'bank-password', PASSWORD, ['127.0.0.1']);
  model.script(
    { tool: 'type', args: { target: 'Email', text: '{{secret:email}}' } },
    { tool: 'type', args: { target: 'Password', text: '{{secret:bank-password}}' } },
    { tool: 'click', args: { target: 'Sign in' } },
    { tool: 'finish', args: { success: true, answer: 'Signed in.' } },
  );
  // A vision run: every step waits for its picture, and the picture goes to the model too.
  const trace = await harness.run(page, 'Sign in to my bank', { baseURL: model.baseURL, model: 'scripted', vision: true });
  expect(trace.run.status, trace.run.stopReason).toBe('finished');
  // The values were really typed: the page accepted them and greets the account by email.
  await expect(page.locator('#welcome')).toHaveText(`Welcome back, ${EMAIL}`);

  const prompts = model.chatRequests().map((request) => JSON.stringify(request.body));
  expect(prompts).toHaveLength(4);
  for (const prompt of prompts) {
    expect(prompt).not.toContain(EMAIL);
    expect(prompt).not.toContain(PASSWORD);
    expect(prompt).not.toContain(encodeURIComponent(PASSWORD));
    expect(prompt).toContain('{{secret:bank-password}} (only on 127.0.0.1)');
  }
  // What the model saw after signing in: the greeting, with the reference in place of the email.
  expect(prompts[3]).toContain('Welcome back, {{secret:email}}');
  // After typing, the field shows the reference, not the value.
  expect(userText(model.chatRequests()[1]?.body)).toContain('[e1] "Email" type=email value="{{secret:email}}"');

  const exported = (await sendRaw(panel, envelope('panel-to-background', 'run.export', { runId: trace.run.id }))) as { ok: boolean; value: Trace };
  expect(exported.ok).toBe(true);
  for (const text of [everything(trace), everything(exported.value)]) {
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(PASSWORD);
    expect(text).toContain('{{secret:email}}');
  }

  // The picture taken after typing, before signing in (the one the model was sent): the email field is covered.
  expect(JSON.stringify(model.chatRequests()[2]?.body)).toContain(trace.steps[2]?.screenshot?.slice(-200));
  const typed = trace.steps[2]?.screenshot;
  expect(typed).toBeTruthy();
  await page.evaluate(() => {
    document.getElementById('login')!.hidden = false;
  });
  expect(await isCovered(page, typed!, (await page.locator('#email').boundingBox())!)).toBe(true);
  await panel.close();
});

test('a greeting that shows a stored secret is covered in the picture, and the same spot uncovered shows text', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/secure/login.html'));
  const panel = await harness.openSidePanel(page);
  await storeSecret(panel, 'email', EMAIL);
  await page.fill('#email', EMAIL);
  await page.fill('#password', PASSWORD);
  await page.click('button[type=submit]');
  await expect(page.locator('#welcome')).toHaveText(`Welcome back, ${EMAIL}`);
  model.script({ tool: 'finish', args: { success: true, answer: 'Signed in already.' } });
  const trace = await harness.run(page, 'Am I signed in?', { baseURL: model.baseURL, model: 'scripted' });
  const picture = trace.steps[0]?.screenshot;
  expect(picture).toBeTruthy();
  const email = await page.locator('#welcome').evaluate((element, value) => {
    const node = element.firstChild as Text;
    const range = document.createRange();
    const at = node.data.indexOf(value);
    range.setStart(node, at);
    range.setEnd(node, at + value.length);
    const rect = range.getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  }, EMAIL);
  expect(await isCovered(page, picture!, email)).toBe(true);
  // The test can fail: Playwright's own picture of the same spot has the email's glyphs in it.
  const raw = `data:image/png;base64,${(await page.screenshot()).toString('base64')}`;
  expect(await isCovered(page, raw, email)).toBe(false);
  // "Welcome back," before it is not a secret and stays readable.
  const words = await page.locator('#welcome').evaluate((element) => {
    const range = document.createRange();
    range.setStart(element.firstChild!, 0);
    range.setEnd(element.firstChild!, 'Welcome back,'.length);
    const rect = range.getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  });
  expect(await isCovered(page, picture!, words)).toBe(false);
  await panel.close();
});

test('payment card fields are covered in screenshots whatever they hold, and never read out', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/secure/payment.html'));
  await page.fill('#number', '4111 1111 1111 1111');
  await page.fill('#name', 'Ann Lee');
  model.script({ tool: 'finish', args: { success: true, answer: 'Seen.' } });
  const trace = await harness.run(page, 'Look at the payment form', { baseURL: model.baseURL, model: 'scripted' });
  const picture = trace.steps[0]?.screenshot;
  expect(picture).toBeTruthy();
  const box = (await page.locator('#number').boundingBox())!;
  expect(await isCovered(page, picture!, box)).toBe(true);
  // The name field, not secret, is not covered.
  expect(await isCovered(page, picture!, (await page.locator('#name').boundingBox())!)).toBe(false);
  expect(everything(trace)).not.toContain('4111');
});

test('a secret kept for other sites, or one never stored, is not typed, and the planner is told why', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/secure/login.html'));
  const panel = await harness.openSidePanel(page);
  await storeSecret(panel, 'bank-password', PASSWORD, ['bank.example']);
  model.script(
    { tool: 'type', args: { target: 'Password', text: '{{secret:bank-password}}' } },
    { tool: 'type', args: { target: 'Memo', text: 'code {{secret:otp}}' } },
    { tool: 'finish', args: { success: false, answer: 'Could not sign in.' } },
  );
  const trace = await harness.run(page, 'Sign in', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.steps[0]?.result?.message).toBe('{{secret:bank-password}} is kept for bank.example only, and this field is on 127.0.0.1; nothing was typed.');
  expect(trace.steps[1]?.result?.message).toMatch(/There is no stored secret named "otp" \(stored: \{\{secret:bank-password\}\}\); nothing was typed/);
  await expect(page.locator('#password')).toHaveValue('');
  await expect(page.locator('#memo')).toHaveValue('');
  expect(JSON.stringify(model.chatRequests()[1]?.body)).toContain('is kept for bank.example only');
  await panel.close();
});

test('submitting a form with card fields needs approval whatever its button says; the coupon button does not', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/secure/payment.html'));
  model.script(
    { tool: 'type', args: { target: 'Coupon', text: 'SPRING' } },
    { tool: 'click', args: { target: 'Apply coupon' } },
    { tool: 'click', args: { target: 'Continue' } },
  );
  const trace = await harness.run(page, 'Use my coupon SPRING', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.steps[1]?.result?.ok).toBe(true);
  expect(trace.run.status).toBe('stopped');
  expect(trace.run.stopReason).toMatch(/needed approval and was denied: .*Continue.*payment card details/);
  await expect(page.locator('#state')).toHaveText('Coupon SPRING applied.');
});

test('going to a site neither the goal nor the person brought up needs approval; one the goal names does not', async ({ harness, server, model, page }) => {
  const lure = server.url('/secure/offers.html').replace('127.0.0.1', 'localhost');
  await page.goto(server.url('/secure/login.html'));
  model.script({ tool: 'click', args: { target: 'Partner offers' } });
  const link = await harness.run(page, 'Check my balance', { baseURL: model.baseURL, model: 'scripted' });
  expect(link.run.status).toBe('stopped');
  expect(link.run.stopReason).toMatch(/needed approval and was denied: .*Partner offers.*neither your goal nor you brought up localhost/);
  await expect(page).toHaveURL(/127\.0\.0\.1.*login\.html/);

  model.script({ tool: 'navigate', args: { url: lure } });
  const typed = await harness.run(page, 'Check my balance', { baseURL: model.baseURL, model: 'scripted' });
  expect(typed.run.stopReason).toMatch(/needed approval and was denied: .*localhost/);
  await expect(page).toHaveURL(/127\.0\.0\.1/);

  model.script({ tool: 'navigate', args: { url: lure } }, { tool: 'finish', args: { success: true, answer: 'Nothing to see.' } });
  const named = await harness.run(page, `Look at the offers on ${lure}`, { baseURL: model.baseURL, model: 'scripted' });
  expect(named.run.status, named.run.stopReason).toBe('finished');
  await expect(page).toHaveURL(lure);

  // Approved once, the site is the run's: going there again from elsewhere needs no second approval.
  await page.goto(server.url('/secure/login.html'));
  model.script(
    { tool: 'click', args: { target: 'Partner offers' } },
    { tool: 'navigate', args: { url: server.url('/secure/login.html') } },
    { tool: 'click', args: { target: 'Partner offers' } },
    { tool: 'finish', args: { success: true } },
  );
  const approved = await harness.run(page, 'Check my balance', { baseURL: model.baseURL, model: 'scripted', approve: true });
  expect(approved.run.status, approved.run.stopReason).toBe('finished');
  expect(approved.steps.filter((step) => step.result?.message.startsWith('Waiting for the person to approve'))).toHaveLength(1);
});

test('content scripts, which run in page processes, cannot read the stored key or secrets', async ({ harness, server, page }) => {
  await page.goto(server.url('/secure/login.html'));
  const panel = await harness.openSidePanel(page);
  await storeSecret(panel, 'email', EMAIL);
  const tabId = await harness.tabIdOf(page);
  const worker = await harness.serviceWorker();
  // The same isolated world the content script lives in.
  const seen = await worker.evaluate(async (tabId) => {
    const [result] = await chrome.scripting.executeScript({
      target: { tabId },
      func: async () => {
        try {
          return JSON.stringify(await chrome.storage.local.get(null));
        } catch (error) {
          return `refused: ${error instanceof Error ? error.message : String(error)}`;
        }
      },
    });
    return String(result?.result);
  }, tabId);
  expect(seen).toMatch(/^refused: .*(access|context)/i);
  expect(seen).not.toContain(EMAIL);
  // The extension's own pages still can.
  expect(await panel.evaluate(async () => JSON.stringify(await chrome.storage.local.get('secrets')))).toContain(EMAIL);
  await panel.close();
});

test('a secret typed into a cross-origin payment frame is covered in that frame\'s part of the picture and never read out, even reformatted', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/frames/index.html'));
  const panel = await harness.openSidePanel(page);
  await storeSecret(panel, 'card', '4242424242424242', ['127.0.0.1']);
  model.script({ tool: 'type', args: { target: 'Card number', text: '{{secret:card}}' } }, { tool: 'finish', args: { success: true, answer: 'Card entered.' } });
  const trace = await harness.run(page, 'Enter my card', { baseURL: model.baseURL, model: 'scripted', vision: true });
  expect(trace.run.status, trace.run.stopReason).toBe('finished');
  const field = page.frameLocator('#payment-frame').locator('#cc-number');
  // The page reformats what was typed: the value in the field is not the stored one any more.
  await expect(field).toHaveValue('4242 4242 4242 4242');
  for (const request of model.chatRequests()) {
    const text = userText(request.body);
    expect(text).not.toMatch(/4242/);
  }
  expect(everything(trace)).not.toMatch(/4242/);
  const picture = trace.steps[1]?.screenshot;
  expect(picture).toBeTruthy();
  // Typing scrolled the field into view; the page has not moved since the picture.
  const box = (await field.boundingBox())!;
  expect(box.y + box.height).toBeLessThan(await page.evaluate(() => window.innerHeight));
  expect(await isCovered(page, picture!, box)).toBe(true);
  await panel.close();
});
