import OpenAI from 'openai';
import type { ModelSettings } from '../../shared/settings.ts';

// The model client: any OpenAI-compatible endpoint. The SDK retries 429 and 5xx with backoff
// and honours Retry-After; what still fails becomes a ModelError a person can act on.

export type ModelErrorKind = 'unreachable' | 'unauthorized' | 'not-found' | 'origin-rejected' | 'context-length' | 'rate-limited' | 'server' | 'timeout' | 'aborted' | 'bad-request';

export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

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

function explain(error: unknown, settings: ModelSettings): ModelError {
  if (error instanceof OpenAI.APIUserAbortError) return new ModelError('aborted', 'The request to the model was cancelled.');
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ModelError('timeout', `The model at ${settings.baseURL} did not answer within ${Math.round(settings.timeoutMs / 1000)} s. Try again, or raise the timeout in settings.`);
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new ModelError('unreachable', `Cannot reach the model at ${settings.baseURL}: the server is not running, the address is wrong, or the network is down. Check the base URL in settings.`);
  }
  if (error instanceof OpenAI.APIError) {
    const detail = error.message.replace(/^\d{3}\s*/, '');
    const text = `${detail} ${JSON.stringify(error.error ?? '')}`.toLowerCase();
    if (error.status === 401) return new ModelError('unauthorized', `The model server rejected the API key (401). Check the key in settings.`);
    // Servers that check the Origin (Ollama) answer a bare 403 with no JSON error; APIs that
    // refuse for other reasons explain themselves in JSON.
    const bare = typeof error.error !== 'object' || error.error === null;
    if (error.status === 403 && (bare || /origin|cors/.test(text) || settings.baseURL.includes(':11434'))) {
      return new ModelError('origin-rejected', `The model server refused requests from the extension (403). For Ollama, start it with OLLAMA_ORIGINS=chrome-extension://* so it accepts them; for other servers, allow the extension's origin or check the key's permissions.`);
    }
    if (error.status === 404) return new ModelError('not-found', `The model "${settings.model}" was not found at ${settings.baseURL} (404). Check the model name and the base URL.`);
    if (/context.length|maximum context|too many tokens|context window|prompt is too long/.test(text)) {
      return new ModelError('context-length', `The prompt is longer than the model "${settings.model}" takes. Lower the context size in settings, or use a model with a larger context.`);
    }
    if (error.status === 429) return new ModelError('rate-limited', `The model server kept answering "too many requests" (429) after ${settings.maxRetries} retries. Wait a while, or check your plan's limits.`);
    if ((error.status ?? 0) >= 500) return new ModelError('server', `The model server failed (${error.status}) after ${settings.maxRetries} retries: ${detail}`);
    return new ModelError('bad-request', `The model server refused the request (${error.status ?? 'no status'}): ${detail}`);
  }
  return new ModelError('server', error instanceof Error ? error.message : String(error));
}

/** A tiny request that says whether the endpoint, key and model work, in words. */
export async function testConnection(settings: ModelSettings, apiKey: string): Promise<{ ok: boolean; message: string }> {
  const client = createClient({ ...settings, maxRetries: 0 }, apiKey);
  const started = Date.now();
  try {
    await complete(client, { ...settings, maxRetries: 0 }, { messages: [{ role: 'user', content: 'Reply with OK.' }] });
    return { ok: true, message: `Connected: ${settings.model} at ${settings.baseURL} answered in ${((Date.now() - started) / 1000).toFixed(1)} s.` };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export async function complete(
  client: OpenAI,
  settings: ModelSettings,
  request: { messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[]; tools?: OpenAI.Chat.Completions.ChatCompletionTool[] },
  signal?: AbortSignal,
): Promise<Completion> {
  try {
    const raw = await client.chat.completions.create(
      { model: settings.model, messages: request.messages, ...(request.tools ? { tools: request.tools, tool_choice: 'auto' as const } : {}), temperature: 0 },
      signal ? { signal } : {},
    );
    const choice = raw.choices[0];
    if (!choice) throw new ModelError('server', 'The model answered with no choices.');
    return {
      message: choice.message,
      usage: { promptTokens: raw.usage?.prompt_tokens ?? 0, completionTokens: raw.usage?.completion_tokens ?? 0 },
      raw,
    };
  } catch (error) {
    if (error instanceof ModelError) throw error;
    throw explain(error, settings);
  }
}
