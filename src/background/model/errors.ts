import OpenAI from 'openai';
import type { ModelSettings } from '../../shared/settings.ts';

// Every way a model request fails, in words a person can act on: what happened, at which server,
// and what to do. No raw parser or network text reaches the person.

export type ModelErrorKind =
  | 'unreachable'
  | 'unauthorized'
  | 'not-found'
  | 'origin-rejected'
  | 'context-length'
  | 'rate-limited'
  | 'server'
  | 'timeout'
  | 'aborted'
  | 'bad-request'
  | 'broken-reply';

export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** How a 200 answer can be unusable; each is retried like a 5xx. */
export type BrokenReply = 'dropped' | 'cut-off' | 'not-json' | 'not-a-completion';

function tries(settings: ModelSettings): string {
  return settings.maxRetries === 0 ? 'once' : `${settings.maxRetries + 1} times in a row`;
}

export function brokenReplyError(kind: BrokenReply, settings: ModelSettings): ModelError {
  const at = settings.baseURL;
  const messages: Record<BrokenReply, string> = {
    dropped: `The connection to the model at ${at} broke off in the middle of its reply (${tries(settings)}). Check that the server, or a proxy in front of it, is not crashing or closing long requests, then try again.`,
    'cut-off': `The model at ${at} sent a reply that ended before it was complete (${tries(settings)}). A proxy or the server may be cutting replies short or timing out: check it, then try again.`,
    'not-json': `The server at ${at} answered with something other than JSON (${tries(settings)}). The base URL probably points at a web page rather than an OpenAI-compatible API (such URLs usually end in /v1): check it in settings.`,
    'not-a-completion': `The server at ${at} answered with JSON that is not a chat completion (no "choices"), ${tries(settings)}. Check that the base URL is an OpenAI-compatible API (it usually ends in /v1) and that the model "${settings.model}" is a chat model.`,
  };
  return new ModelError('broken-reply', messages[kind]);
}

/** The server's own explanation, when it gave one: its words, not ours, so they are quoted. */
function serverSays(error: { message: string }): string {
  const detail = error.message.replace(/^\d{3}\s*/, '').trim();
  return detail && !/^(status code|\(no body\))/i.test(detail) ? ` The server said: "${detail.slice(0, 300)}"` : '';
}

export function explain(error: unknown, settings: ModelSettings): ModelError {
  const at = settings.baseURL;
  if (error instanceof ModelError) return error;
  if (error instanceof OpenAI.APIUserAbortError) return new ModelError('aborted', 'The request to the model was cancelled.');
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ModelError('timeout', `The model at ${at} did not answer within ${Math.round(settings.timeoutMs / 1000)} s (${tries(settings)}). Try again, or raise the timeout in settings.`);
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new ModelError('unreachable', `Cannot reach the model at ${at}: the server is not running, the address is wrong, or the network is down. Check the base URL in settings.`);
  }
  if (error instanceof OpenAI.APIError) {
    const text = `${error.message} ${JSON.stringify(error.error ?? '')}`.toLowerCase();
    if (error.status === 401) return new ModelError('unauthorized', `The model server at ${at} rejected the API key (401). Check the key in settings.`);
    // Servers that check the Origin (Ollama) answer a bare 403 with no JSON error; APIs that
    // refuse for other reasons explain themselves in JSON.
    const bare = typeof error.error !== 'object' || error.error === null;
    if (error.status === 403 && (bare || /origin|cors/.test(text) || at.includes(':11434'))) {
      return new ModelError('origin-rejected', `The model server at ${at} refused requests from the extension (403). For Ollama, start it with OLLAMA_ORIGINS=chrome-extension://* so it accepts them; for other servers, allow the extension's origin or check the key's permissions.`);
    }
    if (error.status === 404) return new ModelError('not-found', `The model "${settings.model}" was not found at ${at} (404). Check the model name and the base URL.`);
    if (/context.length|maximum context|too many tokens|context window|prompt is too long/.test(text)) {
      return new ModelError('context-length', `The prompt is longer than the model "${settings.model}" at ${at} takes. Lower the context size in settings, or use a model with a larger context.`);
    }
    if (error.status === 429) return new ModelError('rate-limited', `The model server at ${at} kept answering "too many requests" (429), ${tries(settings)}. Wait a while, or check your plan's limits.`);
    if ((error.status ?? 0) >= 500) return new ModelError('server', `The model server at ${at} failed (${error.status}), ${tries(settings)}. Try again later, or check the server.${serverSays(error)}`);
    return new ModelError('bad-request', `The model server at ${at} refused the request (${error.status ?? 'no status'}). Check the model name and settings for this server.${serverSays(error)}`);
  }
  // Anything else is a fault in Webwright itself, not in the server: say so rather than guess.
  return new ModelError('server', `The request to the model at ${at} failed inside Webwright (${error instanceof Error ? error.name : 'unknown error'}). Try again; if it keeps happening, export the run and report it.`);
}
