// Text normalisation shared by parsing and scoring.

export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\p{L})['\u2019]s\b/gu, '$1')
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

const WORD_PART = /^[\p{L}\p{N}\p{S}›»‹«…]+$/u;
// Chinese and Japanese write words without spaces between them; only a dictionary finds where they end.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// One segmenter for every call: making one costs far more than using it.
let segmenter: Intl.Segmenter | undefined;

/** Text cut where the dictionary says words end ("加入购物车" is 加入, 购物, 车), punctuation and spaces included. */
export function segments(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

const LONE_HAN = /^\p{Script=Han}$/u;

/**
 * Words of an unspaced chunk. Characters the dictionary leaves alone are a word it does not know
 * ("扫码" comes out as 扫, 码): they stay together, so that 码 alone cannot match 验证码.
 */
function segment(chunk: string): string[] {
  const words: string[] = [];
  let run = '';
  for (const part of segments(chunk)) {
    if (!WORD_PART.test(part)) continue;
    if (LONE_HAN.test(part)) {
      run += part;
      continue;
    }
    if (run) words.push(run);
    run = '';
    words.push(part);
  }
  if (run) words.push(run);
  return words;
}

/** Words, keeping symbols that carry meaning on their own (♡, ×, +, ›). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const chunk of normalize(text).split(/[^\p{L}\p{N}\p{S}›»‹«…]+/u)) {
    if (chunk.length === 0) continue;
    // Text in spaced scripts keeps the plain split, so English reads exactly as before.
    if (UNSPACED.test(chunk)) tokens.push(...segment(chunk));
    else tokens.push(chunk);
  }
  return tokens;
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((current[j - 1] ?? 0) + 1, (previous[j] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? Math.max(a.length, b.length);
}

/** 1 for the same word, a little less for a plural or a typo, 0 otherwise. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // Plurals and simple inflections only: "logo" is not "logout".
  if (short.length >= 3 && long.startsWith(short) && /^(s|es|d|ed|ing)$/.test(long.slice(short.length))) return 0.9;
  if (short.length < 5) return 0;
  const distance = levenshtein(a, b);
  if (distance === 1) return 0.8;
  if (distance === 2 && short.length >= 7) return 0.7;
  return 0;
}
