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
  /<\/?(system|assistant|instructions?)>|\[\/?(system|inst)\]/i,
  /忽略(之前|以上|先前|所有)?的?(指令|指示|提示)|你(现在)?是一个?(人工智能|AI|助手)|(致|给)(AI|人工智能|智能体|助手)/i,
];

export function looksLikeInstructions(text: string): boolean {
  if (text.length < 12) return false;
  return patterns.some((pattern) => pattern.test(text));
}
