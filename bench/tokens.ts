import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

// Token counts with a real BPE tokenizer, the one GPT-4o and later OpenAI models use.
export const TOKENIZER = 'gpt-tokenizer (o200k_base)';

export function tokens(text: string): number {
  return countTokens(text);
}
