import { test } from '@playwright/test';
import { launch } from 'webwright/harness';
import { startFixtureServer } from '../support/server.ts';
test('smoke', async () => {
  const server = await startFixtureServer();
  const h = await launch();
  const page = await h.context.newPage();
  await page.goto(server.url('/smoke.html'));
  console.log(await h.observe(page));
  for (const intent of [
    { action: 'click', target: "the Add to cart button under 'Blue Shirt'" },
    { action: 'click', target: 'Add to cart' },
    { action: 'type', target: 'the Email field', text: 'a@b.c' },
    { action: 'type', target: 'password', text: 'hunter2' },
    { action: 'check', target: 'Remember me' },
    { action: 'select', target: 'size dropdown', option: 'M' },
    { action: 'type', target: 'search box', text: 'socks' },
  ]) {
    const r = await h.act(page, intent as never);
    console.log(JSON.stringify(intent), '=>', r.kind, r.message, r.timings);
  }
  console.log(await h.observe(page));
  await h.close(); await server.close();
});
