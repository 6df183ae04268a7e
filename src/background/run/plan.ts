import type OpenAI from 'openai';
import type { Intent } from '../../shared/intent.ts';
import type { ModelSettings } from '../../shared/settings.ts';
import { complete, createClient, ModelError } from '../model/client.ts';
import { parseReply } from '../planner/parse.ts';
import { retryMessages } from '../planner/retry.ts';
import { toolDefinitions } from '../planner/tools.ts';

// Planning: the model call and its parse retries. Nothing is written here; the step records
// what comes back.

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

/** What every planning outcome but an abort carries into the step's record. */
export interface PlanRecord {
  /** The prompt with every reply that could not be used and the error sent back for it. */
  messages: Message[];
  usage: { promptTokens: number; completionTokens: number };
  rawReply?: unknown;
  parseErrors: string[];
}

export type Plan =
  | (PlanRecord & { kind: 'intent'; intent: Intent; thought?: string })
  /** The model could not be reached or refused. */
  | (PlanRecord & { kind: 'model-error'; message: string })
  /** No reply could be understood, after every retry. */
  | (PlanRecord & { kind: 'unparsed'; message: string })
  /** Paused or stopped while the model thought: the step is redone on resume. */
  | { kind: 'aborted' };

export interface PlanInput {
  model: ModelSettings;
  apiKey: string;
  messages: Message[];
  viewport: { width: number; height: number };
  maxParseRetries: number;
  signal: AbortSignal;
}

export async function plan({ model, apiKey, messages: prompt, viewport, maxParseRetries, signal }: PlanInput): Promise<Plan> {
  const client = createClient(model, apiKey);
  const record: PlanRecord = { messages: prompt, usage: { promptTokens: 0, completionTokens: 0 }, parseErrors: [] };
  for (let attempt = 0; attempt <= maxParseRetries; attempt++) {
    let completion;
    try {
      completion = await complete(client, model, { messages: record.messages, tools: toolDefinitions() }, signal);
    } catch (error) {
      if (error instanceof ModelError && error.kind === 'aborted') return { kind: 'aborted' };
      return { ...record, kind: 'model-error', message: error instanceof Error ? error.message : String(error) };
    }
    record.usage.promptTokens += completion.usage.promptTokens;
    record.usage.completionTokens += completion.usage.completionTokens;
    record.rawReply = completion.raw;
    const parsed = parseReply(completion.message, { viewport });
    if (parsed.ok) return { ...record, kind: 'intent', intent: parsed.intent, ...(parsed.thought ? { thought: parsed.thought } : {}) };
    record.parseErrors.push(parsed.error);
    record.messages = [...record.messages, ...retryMessages(completion.message, parsed.error)];
  }
  return { ...record, kind: 'unparsed', message: `The model's replies could not be understood after ${maxParseRetries + 1} tries: ${record.parseErrors.at(-1) ?? ''}` };
}
