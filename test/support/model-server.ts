import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A scripted OpenAI-compatible endpoint: the boundary fake for the model. Tests queue replies,
// point a client at `baseURL`, and read back what was sent. Only node:http, no model anywhere.
//
// Replies go out in order from one queue (`script`). When several runs talk to the server at once
// (an eval with parallel browsers), `route(text, ...replies)` gives each its own queue: a chat
// request whose user messages contain `text` (a run's goal, say) takes the next reply from that
// route; when several routes match, the longest text wins; a request that matches none takes the
// shared queue. Every reply carries `usage`, with the prompt estimated at four characters a token.

export type ErrorStatus = 400 | 401 | 403 | 404 | 429 | 500 | 503;

export type ScriptedReply =
  /** An assistant message with one tool call (`thought` goes into its arguments); finish_reason tool_calls. */
  | { tool: string; args?: Record<string, unknown>; thought?: string }
  /** Plain assistant text: JSON, AutoGLM, prose or garbage. */
  | { content: string }
  /** An error in OpenAI's shape, `{ error: { message, type, code } }`, unless `body` replaces it. */
  | { status: ErrorStatus; body?: object; headers?: Record<string, string> }
  /** The same reply, late; a client that gives up in the meantime is fine. */
  | { delayMs: number; then: ScriptedReply }
  /** The connection is destroyed without an answer. */
  | { hangup: true }
  /** Several tool calls in one assistant message. */
  | { calls: { tool: string; args?: Record<string, unknown> }[] }
  /** A 200 whose body is this text as it stands (HTML from a proxy, say). */
  | { raw: string; contentType?: string }
  /** A 200 whose body is the reply's JSON cut after `at` characters (half by default), then ended cleanly. */
  | { cut: CompletionReply; at?: number }
  /** A 200 that sends the first `at` characters of the reply's JSON and then destroys the connection. */
  | { drop: CompletionReply; at?: number };

type CompletionReply = { tool: string; args?: Record<string, unknown>; thought?: string } | { content: string };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  origin?: string;
  /** The parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
}

export interface ModelServerOptions {
  /** Ids listed by GET /v1/models; the first is the `model` of replies when the request names none. */
  models?: string[];
  /** Answer 403 to any request with an Origin header, as Ollama does without OLLAMA_ORIGINS. */
  rejectOrigins?: boolean;
}

export interface ModelServer {
  /** http://127.0.0.1:<port>/v1 */
  baseURL: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Every request received, preflights included, in order. */
  requests: RecordedRequest[];
  /** Chat completion requests only. */
  chatRequests(): RecordedRequest[];
  script(...replies: ScriptedReply[]): void;
  /** Replies for the chat requests whose user text contains `text`; see the top of this file. */
  route(text: string, ...replies: ScriptedReply[]): void;
  /** Replies still queued, routed ones included. */
  pending(): number;
  close(): Promise<void>;
}

const errorDefaults: Record<ErrorStatus, { message: string; type: string; code: string | null }> = {
  400: { message: 'Invalid request.', type: 'invalid_request_error', code: null },
  401: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { message: 'Forbidden.', type: 'invalid_request_error', code: null },
  404: { message: 'The model does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found' },
  429: { message: 'Rate limit reached for requests.', type: 'requests', code: 'rate_limit_exceeded' },
  500: { message: 'The server had an error while processing your request.', type: 'server_error', code: null },
  503: { message: 'The engine is currently overloaded.', type: 'server_error', code: null },
};

/** Roughly a token per four characters of the text in the messages (images not counted). */
function estimateTokens(messages: unknown): number {
  let characters = 0;
  const visit = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (key !== 'url' && key !== 'role' && key !== 'type') characters += value.length;
    } else if (Array.isArray(value)) value.forEach((item) => visit(item));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([name, item]) => visit(item, name));
  };
  visit(messages);
  return Math.ceil(characters / 4);
}

/** The text of the non-system messages, where a run's goal and page are. */
function userText(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  return messages
    .filter((message): message is { role?: unknown; content?: unknown } => Boolean(message) && typeof message === 'object')
    .filter((message) => message.role !== 'system')
    .flatMap((message) =>
      typeof message.content === 'string'
        ? [message.content]
        : Array.isArray(message.content)
          ? message.content.flatMap((part: unknown) => (part && typeof part === 'object' && 'text' in part && typeof part.text === 'string' ? [part.text] : []))
          : [],
    )
    .join('\n');
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function startModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const models = options.models ?? ['scripted-model'];
  const queue: ScriptedReply[] = [];
  const routes = new Map<string, ScriptedReply[]>();
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (response.destroyed || response.writableEnded) return;
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
  const sendError = (response: ServerResponse, status: ErrorStatus, message?: string, headers?: Record<string, string>) => {
    const error = { ...errorDefaults[status], ...(message ? { message } : {}), param: null };
    send(response, status, { error }, headers);
  };

  function completion(reply: CompletionReply | { calls: { tool: string; args?: Record<string, unknown> }[] }, body: Record<string, unknown>) {
    counter += 1;
    const calls = 'calls' in reply ? reply.calls : 'tool' in reply ? [{ tool: reply.tool, args: { ...(reply.thought ? { thought: reply.thought } : {}), ...reply.args } }] : [];
    const toolCall = calls.length > 0;
    const toolCalls = calls.map((call, index) => ({ id: `call_${counter}_${index}`, type: 'function', function: { name: call.tool, arguments: JSON.stringify(call.args ?? {}) } }));
    const content = 'content' in reply ? reply.content : '';
    const message = toolCall ? { role: 'assistant', content: null, refusal: null, tool_calls: toolCalls } : { role: 'assistant', content, refusal: null };
    const prompt = estimateTokens(body.messages);
    const completionTokens = Math.ceil((toolCall ? JSON.stringify(toolCalls).length : content.length) / 4);
    return {
      id: `chatcmpl-scripted-${counter}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: typeof body.model === 'string' ? body.model : models[0],
      choices: [{ index: 0, message, logprobs: null, finish_reason: toolCall ? 'tool_calls' : 'stop' }],
      usage: { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens },
    };
  }

  function answer(reply: ScriptedReply, request: IncomingMessage, response: ServerResponse, body: Record<string, unknown>): void {
    if ('hangup' in reply) {
      request.socket.destroy();
    } else if ('delayMs' in reply) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        // The client may have aborted meanwhile: then the socket is gone and nothing is sent.
        if (!response.destroyed && !request.socket.destroyed) answer(reply.then, request, response, body);
      }, reply.delayMs);
      timers.add(timer);
    } else if ('raw' in reply) {
      if (response.destroyed) return;
      response.writeHead(200, { 'content-type': reply.contentType ?? 'text/html' });
      response.end(reply.raw);
    } else if ('cut' in reply || 'drop' in reply) {
      const whole = JSON.stringify(completion('cut' in reply ? reply.cut : reply.drop, body));
      const part = whole.slice(0, reply.at ?? Math.floor(whole.length / 2));
      if (response.destroyed) return;
      // No content-length: the body is chunked, so a cut is only seen by reading it.
      response.writeHead(200, { 'content-type': 'application/json' });
      if ('cut' in reply) response.end(part);
      else response.write(part, () => request.socket.destroy());
    } else if ('status' in reply) {
      if (reply.body) send(response, reply.status, reply.body, reply.headers);
      else sendError(response, reply.status, undefined, reply.headers);
    } else {
      send(response, 200, completion(reply, body));
    }
  }

  const server = createServer((request, response) => {
    void (async () => {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      const origin = request.headers.origin;
      const recorded: RecordedRequest = { method: request.method ?? 'GET', path, headers: request.headers, origin, body: undefined };
      requests.push(recorded);
      recorded.body = parseBody(await readBody(request));

      if (origin && options.rejectOrigins) {
        response.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
        return;
      }
      // Extension pages and the service worker call from chrome-extension:// origins.
      response.setHeader('access-control-allow-origin', '*');
      response.setHeader('access-control-expose-headers', 'retry-after, retry-after-ms, x-request-id');
      if (request.method === 'OPTIONS') {
        response.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          // A wildcard does not cover Authorization, so echo what the preflight asks for.
          'access-control-allow-headers': request.headers['access-control-request-headers'] ?? 'authorization, content-type',
          'access-control-max-age': '600',
        });
        response.end();
        return;
      }
      if (request.method === 'GET' && /\/models\/?$/.test(path)) {
        send(response, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'webwright-test' })) });
        return;
      }
      if (request.method !== 'POST' || !path.endsWith('/chat/completions')) {
        sendError(response, 404, `The scripted model server has no route ${request.method} ${path}.`);
        return;
      }
      const body = recorded.body && typeof recorded.body === 'object' ? (recorded.body as Record<string, unknown>) : {};
      if (body.stream === true) {
        sendError(response, 400, 'The scripted model server does not stream; send stream: false.');
        return;
      }
      const text = userText(body.messages);
      const route = [...routes.keys()].filter((key) => text.includes(key)).sort((a, b) => b.length - a.length)[0];
      const reply = route === undefined ? queue.shift() : routes.get(route)?.shift();
      if (!reply) {
        const count = requests.filter((entry) => entry.path.endsWith('/chat/completions')).length;
        const which = route === undefined ? 'server.script(...)' : `server.route(${JSON.stringify(route)}, ...)`;
        sendError(response, 500, `The scripted model server ran out of replies (chat request ${count}); script more with ${which}.`);
        return;
      }
      answer(reply, request, response, body);
    })().catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, `The scripted model server failed: ${String(error)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    baseURL: `${origin}/v1`,
    origin,
    requests,
    chatRequests: () => requests.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/chat/completions')),
    script: (...replies) => void queue.push(...replies),
    route: (text, ...replies) => {
      const existing = routes.get(text);
      if (existing) existing.push(...replies);
      else routes.set(text, [...replies]);
    },
    pending: () => queue.length + [...routes.values()].reduce((total, replies) => total + replies.length, 0),
    close: () =>
      new Promise<void>((resolve, reject) => {
        timers.forEach((timer) => clearTimeout(timer));
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
