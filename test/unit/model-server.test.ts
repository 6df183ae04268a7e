import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReply } from '../../src/background/planner/parse.ts';
import { toolDefinitions } from '../../src/background/planner/tools.ts';
import { startModelServer, type ModelServer } from '../support/model-server.ts';

// The scripted model server, driven by the real openai client the planner uses.

let server: ModelServer;
let client: OpenAI;
const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are a web agent.' },
  { role: 'user', content: 'Goal: open the cart.' },
];

beforeEach(async () => {
  server = await startModelServer();
  client = new OpenAI({ baseURL: server.baseURL, apiKey: 'test', maxRetries: 0 });
});

afterEach(async () => {
  await server.close();
});

describe('model server', () => {
  it('answers with a scripted tool call that the parser reads', async () => {
    server.script({ tool: 'click', args: { target: 'the Cart link' }, thought: 'Open the cart' });
    const completion = await client.chat.completions.create({ model: 'gpt-test', messages, tools: toolDefinitions() });

    const [choice] = completion.choices;
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(completion.model).toBe('gpt-test');
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.created).toBeGreaterThan(0);
    // 40 characters of message text / 4.
    expect(completion.usage).toEqual({ prompt_tokens: 10, completion_tokens: expect.any(Number), total_tokens: expect.any(Number) });
    expect(parseReply(choice?.message ?? {})).toEqual({
      ok: true,
      format: 'tool',
      thought: 'Open the cart',
      intent: { action: 'click', target: 'the Cart link', button: 'left', count: 1 },
    });

    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: { model: 'gpt-test', messages } });
    expect(request?.headers.authorization).toBe('Bearer test');
    expect((request?.body as { tools: unknown[] }).tools).toHaveLength(toolDefinitions().length);
  });

  it('answers with scripted content', async () => {
    server.script({ content: '<think>go back</think><answer>do(action="Back")</answer>' });
    const completion = await client.chat.completions.create({ model: 'glm', messages });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.choices[0]?.message.content).toBe('<think>go back</think><answer>do(action="Back")</answer>');
    expect(parseReply(completion.choices[0]?.message ?? {})).toMatchObject({ ok: true, format: 'autoglm', intent: { action: 'back' } });
  });

  it('serves the replies in order', async () => {
    server.script({ content: 'one' }, { content: 'two' });
    expect(server.pending()).toBe(2);
    const first = await client.chat.completions.create({ model: 'm', messages });
    const second = await client.chat.completions.create({ model: 'm', messages });
    expect([first.choices[0]?.message.content, second.choices[0]?.message.content]).toEqual(['one', 'two']);
    expect(server.pending()).toBe(0);
  });

  it('routes replies by the text of the user messages, longest match first, the rest to the shared queue', async () => {
    const ask = async (goal: string) =>
      (await client.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: 'Task: in the system prompt only' }, { role: 'user', content: `Task: ${goal}\n\nWhat next?` }] })).choices[0]?.message.content;
    server.route('Add the shirt', { content: 'shirt 1' }, { content: 'shirt 2' });
    server.route('Add the shirt to the cart twice', { content: 'twice' });
    server.script({ content: 'shared' });
    expect(server.pending()).toBe(4);
    expect(await ask('Add the shirt to the cart')).toBe('shirt 1');
    expect(await ask('Add the shirt to the cart twice')).toBe('twice');
    expect(await ask('in the system prompt only')).toBe('shared');
    expect(await ask('Add the shirt, please')).toBe('shirt 2');
    const error: unknown = await ask('Add the shirt again').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 500, message: expect.stringContaining('server.route("Add the shirt", ...)') });
    expect(server.pending()).toBe(0);
  });

  it('lets the client retry after a 429', async () => {
    server.script({ status: 429, headers: { 'retry-after-ms': '5', 'retry-after': '0' } }, { content: 'ok' });
    const retrying = new OpenAI({ baseURL: server.baseURL, apiKey: 'test', maxRetries: 2 });
    const completion = await retrying.chat.completions.create({ model: 'm', messages });
    expect(completion.choices[0]?.message.content).toBe('ok');
    expect(server.chatRequests()).toHaveLength(2);
    expect(server.requests[1]?.headers['x-stainless-retry-count']).toBe('1');
  });

  it('answers errors in OpenAI shape', async () => {
    server.script({ status: 429 }, { status: 401 }, { status: 404, body: { error: { message: 'no such model: tiny', type: 'invalid_request_error', code: 'model_not_found' } } });
    await expect(client.chat.completions.create({ model: 'm', messages })).rejects.toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
    await expect(client.chat.completions.create({ model: 'm', messages })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(client.chat.completions.create({ model: 'm', messages })).rejects.toMatchObject({ status: 404, message: expect.stringContaining('no such model: tiny') });
  });

  it('answers 500', async () => {
    server.script({ status: 500 });
    const error: unknown = await client.chat.completions.create({ model: 'm', messages }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error).toMatchObject({ status: 500, error: { type: 'server_error' } });
  });

  it('answers late, and survives a client that aborts', async () => {
    server.script({ delayMs: 150, then: { content: 'too late' } }, { delayMs: 20, then: { content: 'in time' } });
    const controller = new AbortController();
    const pending = client.chat.completions.create({ model: 'm', messages }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);

    const completion = await client.chat.completions.create({ model: 'm', messages });
    expect(completion.choices[0]?.message.content).toBe('in time');
    await new Promise((resolve) => setTimeout(resolve, 180));
  });

  it('hangs up', async () => {
    server.script({ hangup: true });
    await expect(client.chat.completions.create({ model: 'm', messages })).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it('says so when the script runs out', async () => {
    server.script({ content: 'only one' });
    await client.chat.completions.create({ model: 'm', messages });
    await expect(client.chat.completions.create({ model: 'm', messages })).rejects.toMatchObject({
      status: 500,
      message: expect.stringContaining('ran out of replies (chat request 2)'),
    });
  });

  it('lists models', async () => {
    const listed = await client.models.list();
    expect(listed.data.map((model) => model.id)).toEqual(['scripted-model']);

    const other = await startModelServer({ models: ['qwen2.5:7b', 'llama3.2'] });
    const otherClient = new OpenAI({ baseURL: other.baseURL, apiKey: 'test', maxRetries: 0 });
    expect((await otherClient.models.list()).data.map((model) => model.id)).toEqual(['qwen2.5:7b', 'llama3.2']);
    await other.close();
  });

  it('answers CORS preflights and records the origin', async () => {
    const origin = 'chrome-extension://abcdefghijklmnop';
    const preflight = await fetch(`${server.baseURL}/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type');

    const models = await fetch(`${server.baseURL}/models`, { headers: { origin } });
    expect(models.headers.get('access-control-allow-origin')).toBe('*');
    expect(server.requests.map((request) => [request.method, request.origin])).toEqual([
      ['OPTIONS', origin],
      ['GET', origin],
    ]);
  });

  it('can refuse requests with an Origin, as Ollama does by default', async () => {
    const ollama = await startModelServer({ rejectOrigins: true });
    ollama.script({ content: 'unused' });
    const fromExtension = await fetch(`${ollama.baseURL}/chat/completions`, { method: 'POST', headers: { origin: 'chrome-extension://x' }, body: '{}' });
    expect(fromExtension.status).toBe(403);
    const fromNode = await new OpenAI({ baseURL: ollama.baseURL, apiKey: 'test', maxRetries: 0 }).chat.completions.create({ model: 'm', messages });
    expect(fromNode.choices[0]?.message.content).toBe('unused');
    await ollama.close();
  });

  it('answers unknown routes and streaming requests with errors', async () => {
    const missing = await fetch(`${server.baseURL}/embeddings`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { message: expect.stringContaining('no route POST /v1/embeddings') } });
    server.script({ content: 'kept' });
    await expect(client.chat.completions.create({ model: 'm', messages, stream: true })).rejects.toMatchObject({ status: 400 });
    expect(server.pending()).toBe(1);
  });
});
