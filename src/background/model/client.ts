import OpenAI from 'openai';
import { z } from 'zod';
import type { ModelSettings } from '../../shared/settings.ts';
import { brokenReplyError, explain, type BrokenReply } from './errors.ts';

// The model client: any OpenAI-compatible endpoint. The SDK retries 429, 5xx and failed
// connections with backoff and honours Retry-After. The body of a 200 is read here rather than by
// the SDK, so that a reply cut off, not JSON, or dropped mid-way is retried the same way instead of
// ending the run with a parser's words.

export { ModelError, type ModelErrorKind } from './errors.ts';

export interface Completion {
  message: OpenAI.Chat.Completions.ChatCompletionMessage;
  usage: { promptTokens: number; completionTokens: number };
  raw: OpenAI.Chat.Completions.ChatCompletion;
}

export function createClient(settings: ModelSettings, apiKey: string): OpenAI {
  return new OpenAI({
    baseURL: settings.baseURL,
    // Local servers (Ollama, vLLM) take no key, but the SDK wants one.
    apiKey: apiKey || 'none',
    defaultHeaders: settings.headers,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    dangerouslyAllowBrowser: true,
  });
}

// Only what is read from a completion is checked; servers add fields of their own.
const CompletionShape = z.looseObject({
  choices: z.array(z.looseObject({ message: z.looseObject({ role: z.string() }) })).min(1),
  usage: z.looseObject({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() }).nullish(),
});

// Servers that refused `parallel_tool_calls`; they are asked again without it (for this worker's life).
const refusesParallelFlag = new Set<string>();

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new OpenAI.APIUserAbortError());
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new OpenAI.APIUserAbortError());
    }, { once: true });
  });
}

async function readBody(response: Response, settings: ModelSettings, signal: AbortSignal | undefined): Promise<{ text: string } | 'dropped'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), settings.timeoutMs);
  });
  try {
    const text = await Promise.race([response.text(), late]);
    if (text === 'late') {
      void response.body?.cancel().catch(() => undefined);
      throw new OpenAI.APIConnectionTimeoutError();
    }
    return { text };
  } catch (error) {
    if (error instanceof OpenAI.APIConnectionTimeoutError) throw error;
    if (signal?.aborted) throw new OpenAI.APIUserAbortError();
    return 'dropped';
  } finally {
    clearTimeout(timer);
  }
}

function readCompletion(text: string): OpenAI.Chat.Completions.ChatCompletion | BrokenReply {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return /^\s*[[{]/.test(text) ? 'cut-off' : 'not-json';
  }
  return CompletionShape.safeParse(json).success ? (json as OpenAI.Chat.Completions.ChatCompletion) : 'not-a-completion';
}

async function attempt(
  client: OpenAI,
  settings: ModelSettings,
  request: { messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[]; tools?: OpenAI.Chat.Completions.ChatCompletionTool[] },
  signal: AbortSignal | undefined,
): Promise<OpenAI.Chat.Completions.ChatCompletion | BrokenReply> {
  const tools = request.tools
    ? { tools: request.tools, tool_choice: 'auto' as const, ...(refusesParallelFlag.has(settings.baseURL) ? {} : { parallel_tool_calls: false }) }
    : {};
  try {
    const response = await client.chat.completions.create({ model: settings.model, messages: request.messages, ...tools, temperature: 0 }, signal ? { signal } : {}).asResponse();
    const body = await readBody(response, settings, signal);
    return body === 'dropped' ? body : readCompletion(body.text);
  } catch (error) {
    if (request.tools && !refusesParallelFlag.has(settings.baseURL) && error instanceof OpenAI.APIError && error.status === 400 && /parallel_tool_calls/i.test(error.message)) {
      refusesParallelFlag.add(settings.baseURL);
      return attempt(client, settings, request, signal);
    }
    throw error;
  }
}

export async function complete(
  client: OpenAI,
  settings: ModelSettings,
  request: { messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[]; tools?: OpenAI.Chat.Completions.ChatCompletionTool[] },
  signal?: AbortSignal,
): Promise<Completion> {
  try {
    for (let retry = 0; ; retry++) {
      const raw = await attempt(client, settings, request, signal);
      if (typeof raw !== 'string') {
        const choice = raw.choices[0];
        if (!choice) throw brokenReplyError('not-a-completion', settings);
        return {
          message: choice.message,
          usage: { promptTokens: raw.usage?.prompt_tokens ?? 0, completionTokens: raw.usage?.completion_tokens ?? 0 },
          raw,
        };
      }
      if (retry >= settings.maxRetries) throw brokenReplyError(raw, settings);
      // The SDK's own backoff for a 5xx: half a second, doubling, at most eight.
      await pause(Math.min(500 * 2 ** retry, 8_000), signal);
    }
  } catch (error) {
    throw explain(error, settings);
  }
}

/** A tiny request that says whether the endpoint, key and model work, in words. */
export async function testConnection(settings: ModelSettings, apiKey: string): Promise<{ ok: boolean; message: string }> {
  const once = { ...settings, maxRetries: 0 };
  const client = createClient(once, apiKey);
  const started = Date.now();
  try {
    await complete(client, once, { messages: [{ role: 'user', content: 'Reply with OK.' }] });
    return { ok: true, message: `Connected: ${settings.model} at ${settings.baseURL} answered in ${((Date.now() - started) / 1000).toFixed(1)} s.` };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
