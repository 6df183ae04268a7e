import type OpenAI from 'openai';

// What goes back to the model after a reply that could not be used. The chat API wants a tool
// message for every tool call id of the assistant's message, so each call gets the error.

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

export function retryMessages(reply: OpenAI.Chat.Completions.ChatCompletionMessage, error: string): Message[] {
  const retry = `Your reply could not be used: ${error} Reply again with exactly one action.`;
  const calls = reply.tool_calls ?? [];
  if (calls.length === 0) return [reply, { role: 'user', content: retry }];
  return [reply, ...calls.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: retry }))];
}
