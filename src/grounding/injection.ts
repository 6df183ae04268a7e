// Text on a page that talks to an AI agent or tries to give it orders. Page text is data; such
// text is marked for the planner and flagged in the trace, never followed.

const patterns: RegExp[] = [
  /\b(ignore|disregard|forget|override)\b[^.]{0,40}\b(previous|prior|above|earlier|all|your|the user'?s?)\b[^.]{0,20}\b(instructions?|prompts?|rules|directions|task|orders)\b/i,
  /\b(ai|llm|language model|assistant|agent|bot|chatgpt|gpt|claude|gemini|copilot)s?\b[^.]{0,12}[:,]?\s*(you must|you should|please|must|now|immediately|instead|do not|don't)\b/i,
  /\b(attention|note|message|instructions?)\s+(to|for)\s+(the\s+)?(ai|llm|assistant|agent|bot|automated)\b/i,
  /\b(attention|hey|dear|hello|hi)\s*,?\s+(the\s+)?(ai|llm|assistant|agent|bot)s?\b/i,
  /\b(ai|llm|assistant|agent|bot)\s*:\s*(click|go|navigate|open|type|enter|delete|remove|send|buy|pay|share|visit|ignore)\b/i,
  /\b(you are|you're|act as)\s+(now\s+)?(an?\s+)?(ai|assistant|agent|helpful)\b/i,
  /\b(new|updated|system|developer)\s+(instructions?|prompt|message)\s*:/i,
  /\b(the\s+)?(user|person|customer)\s+(has\s+)?(updated|changed|modified|replaced)\s+(the|their|its|your)\s+(task|goal|request|instructions?)\b/i,
  // Chat-template and prompt markup, and anything shaped like the fence around the page in our prompt.
  /<\/?(system|assistant|instructions?)>|\[\/?(system|inst)\]|<\|(im_start|im_end|system|endoftext)\|>|<<\s*\/?\s*page\b/i,
  // A role label in capitals, as a prompt writes it; "Operating system: Linux" is left alone.
  /(^|[\s>\]}|])(SYSTEM|DEVELOPER|ASSISTANT)\s*:/,
  /忽略(之前|以上|先前|所有|用户)?的?(指令|指示|提示|要求|任务)|你(现在)?是一个?(人工智能|AI|助手)|(致|给)(AI|人工智能|智能体|助手)/i,
  /(AI|人工智能|智能体|智能助手)\s*[，,:：]?\s*(请注意|请立即|请马上|必须|立即|马上|不要|忽略)|(用户|主人)已?经?(更改|修改|更新|改变)了?(任务|指令|要求|目标)|(系统指令|新的?指令)\s*[:：]/i,
];

export function looksLikeInstructions(text: string): boolean {
  if (text.length < 12) return false;
  return patterns.some((pattern) => pattern.test(text));
}

const boundary = /[.!?。！？\n]/;

/**
 * The sentence around the first instruction-like passage in a longer text (hidden text is scanned
 * a block at a time), at most about `limit` characters; undefined when there is none.
 */
export function findInstructions(text: string, limit = 200): string | undefined {
  if (text.length < 12) return undefined;
  let found: RegExpExecArray | null = null;
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match && (!found || match.index < found.index)) found = match;
  }
  if (!found) return undefined;
  let start = found.index;
  while (start > 0 && found.index - start < limit / 2 && !boundary.test(text[start - 1] ?? '')) start--;
  let end = found.index + found[0].length;
  while (end < text.length && end - start < limit && !boundary.test(text[end - 1] ?? '')) end++;
  return text.slice(start, end).trim();
}
