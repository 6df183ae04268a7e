import { expect, test, userText } from '../support/planner.ts';

// Every way a model request can fail ends in one message that says what happened, names the
// server, and says what to do; replies broken on the way are retried like a 5xx.

const rawTexts = /Unterminated|JSON at position|Unexpected token|Failed to fetch|network error|Cannot read properties/i;

test('a 200 reply cut off mid-JSON, or dropped mid-body, is retried and the run goes on', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  model.script(
    { cut: { tool: 'type', args: { target: 'Notes', text: 'cut' } } },
    { drop: { tool: 'type', args: { target: 'Notes', text: 'dropped' } } },
    { tool: 'type', args: { target: 'Notes', text: 'whole' } },
    { tool: 'finish', args: { success: true } },
  );
  const trace = await harness.run(page, 'Write a note', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run.status).toBe('finished');
  expect(trace.steps.map((step) => step.intent?.action)).toEqual(['type', 'finish']);
  expect(model.chatRequests()).toHaveLength(4);
  await expect(page.locator('#notes')).toHaveValue('whole');
});

test('replies that stay broken end the run with what happened, where, and what to do', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const cases = [
    { replies: [{ cut: { content: '{"intent": {"action": "finish", "success": true}}' } }, { cut: { content: 'again' } }], says: /ended before it was complete/ },
    { replies: [{ drop: { content: 'x' } }, { drop: { content: 'y' } }], says: /broke off in the middle of its reply/ },
    { replies: [{ raw: '<!DOCTYPE html><title>Welcome</title>' }, { raw: '<html></html>' }], says: /something other than JSON.*end in \/v1/ },
    { replies: [{ raw: '{"object":"list","data":[]}', contentType: 'application/json' }, { raw: '{}', contentType: 'application/json' }], says: /not a chat completion/ },
  ] as const;
  for (const { replies, says } of cases) {
    model.script(...replies);
    const trace = await harness.run(page, 'Write a note', { baseURL: model.baseURL, model: 'scripted', maxRetries: 1 });
    expect(trace.run.status).toBe('failed');
    const reason = trace.run.stopReason ?? '';
    expect(reason).toMatch(says);
    expect(reason).toContain(model.baseURL);
    expect(reason).toContain('2 times in a row');
    expect(reason).not.toMatch(rawTexts);
    expect(model.pending()).toBe(0);
  }
});

test('tools go with parallel_tool_calls: false, and a server that refuses the flag is asked again without it', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  model.script({ tool: 'finish', args: { success: true } });
  await harness.run(page, 'Look', { baseURL: model.baseURL, model: 'scripted' });
  expect(model.chatRequests()[0]?.body).toMatchObject({ parallel_tool_calls: false });

  model.script({ status: 400, body: { error: { message: "Unrecognized request argument supplied: parallel_tool_calls", type: 'invalid_request_error', code: null } } }, { tool: 'finish', args: { success: true } });
  const trace = await harness.run(page, 'Look again', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run.status).toBe('finished');
  const [refused, retried] = model.chatRequests().slice(1);
  expect(refused?.body).toMatchObject({ parallel_tool_calls: false });
  expect(retried?.body).not.toHaveProperty('parallel_tool_calls');
});

test('after an unusable reply with several tool calls, every call id gets a reply', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  model.script(
    { calls: [{ tool: 'no_such_action', args: {} }, { tool: 'also_unknown', args: {} }] },
    { tool: 'finish', args: { success: true } },
  );
  const trace = await harness.run(page, 'Look', { baseURL: model.baseURL, model: 'scripted' });
  expect(trace.run.status).toBe('finished');
  const messages = (model.chatRequests()[1]?.body as { messages: { role: string; tool_call_id?: string; tool_calls?: { id: string }[] }[] }).messages;
  const assistant = messages.find((message) => message.tool_calls);
  const ids = assistant?.tool_calls?.map((call) => call.id) ?? [];
  expect(ids).toHaveLength(2);
  expect(messages.filter((message) => message.role === 'tool').map((message) => message.tool_call_id)).toEqual(ids);
  expect(userText(model.chatRequests()[1]?.body)).toContain('could not be used');
});
