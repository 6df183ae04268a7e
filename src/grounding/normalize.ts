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
const UNSPACED_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
// One segmenter for every call: making one costs far more than using it.
let segmenter: Intl.Segmenter | undefined;

function getSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/** Text cut where the dictionary says words end ("加入购物车" is 加入, 购物, 车), punctuation and spaces included. */
export function segments(text: string): string[] {
  return Array.from(getSegmenter().segment(text), (part) => part.segment);
}

const LONE_HAN = /^\p{Script=Han}$/u;
const SHORT_HAN = /^\p{Script=Han}{1,2}$/u;
// Page text repeats itself ("加入购物车" on every card): each chunk is cut once.
const chunkCache = new Map<string, string[]>();
const CHUNK_CACHE_LIMIT = 20_000;

/**
 * Words of an unspaced chunk. Characters the dictionary leaves alone are a word it does not know
 * ("扫码" comes out as 扫, 码): they stay together, so that 码 alone cannot match 验证码.
 */
function segment(chunk: string): string[] {
  // One or two characters are one word either way: the dictionary's, or one it does not know.
  if (SHORT_HAN.test(chunk)) return [chunk];
  const known = chunkCache.get(chunk);
  if (known) return known;
  const words: string[] = [];
  let run = '';
  // containing() walks the segments without building an object per segment.
  const parts = getSegmenter().segment(chunk);
  for (let at = 0; at < chunk.length; ) {
    const part = parts.containing(at);
    if (!part) break;
    at = part.index + part.segment.length;
    if (LONE_HAN.test(part.segment)) {
      run += part.segment;
      continue;
    }
    if (run) words.push(run);
    run = '';
    if (WORD_PART.test(part.segment)) words.push(part.segment);
  }
  if (run) words.push(run);
  if (chunkCache.size >= CHUNK_CACHE_LIMIT) chunkCache.clear();
  chunkCache.set(chunk, words);
  return words;
}

/** Words, keeping symbols that carry meaning on their own (♡, ×, +, ›). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const chunk of normalize(text).split(/[^\p{L}\p{N}\p{S}›»‹«…]+/u)) {
    if (chunk.length === 0) continue;
    // Text in spaced scripts keeps the plain split, so English reads exactly as before.
    if (!UNSPACED.test(chunk)) {
      tokens.push(chunk);
      continue;
    }
    // Digits and Latin letters end a word anyway ("蓝色衬衫12号", "iPhone15手机"): only the
    // unspaced runs between them go to the dictionary, and a run seen before is not cut again.
    let at = 0;
    for (const run of chunk.matchAll(UNSPACED_RUNS)) {
      if (run.index > at) tokens.push(chunk.slice(at, run.index));
      tokens.push(...segment(run[0]));
      at = run.index + run[0].length;
    }
    if (at < chunk.length) tokens.push(chunk.slice(at));
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
