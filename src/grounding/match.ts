import { normalize, tokenize, wordSimilarity } from './normalize.ts';
import { synonymGroups } from './vocabulary.ts';
import { chineseSynonymGroups } from './vocabulary-zh.ts';

// How well a piece of a description matches a piece of page text, from 0 to 1.

/** Each word (or joined phrase) and the meanings it can carry. */
const meanings = new Map<string, Set<number>>();
[...synonymGroups, ...chineseSynonymGroups].forEach((group, index) => {
  for (const member of group) {
    // A Chinese member is keyed by its dictionary words ("购物车" is 购物_车), as page text will be split.
    const key = /\p{Script=Han}/u.test(member) ? tokenize(member).join('_') : member.replace(/ /g, '_');
    const set = meanings.get(key) ?? new Set<number>();
    set.add(index);
    meanings.set(key, set);
  }
});
const phrases = [...meanings.keys()]
  .filter((key) => key.includes('_'))
  .sort((a, b) => b.length - a.length)
  .map((joined) => ({ joined, spaced: joined.replace(/_/g, ' ') }));

// Grounding on a large page asks for the words of the same texts again and again.
const cache = new Map<string, string[]>();
const CACHE_LIMIT = 50_000;

/** Words, with known multi-word phrases ("sign in", "log out") joined into one token. */
export function words(text: string): string[] {
  const known = cache.get(text);
  if (known) return known;
  let spaced = ` ${tokenize(text).join(' ')} `;
  for (const phrase of phrases) if (spaced.includes(phrase.spaced)) spaced = spaced.replaceAll(` ${phrase.spaced} `, ` ${phrase.joined} `);
  const result = spaced.trim().split(' ').filter(Boolean);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

/** The words that share a meaning with this one (joined phrases included). */
export function synonymsOf(word: string): string[] {
  const own = meanings.get(word);
  if (!own) return [];
  const found: string[] = [];
  for (const [other, set] of meanings) {
    if (other === word) continue;
    for (const meaning of own) {
      if (set.has(meaning)) {
        found.push(other);
        break;
      }
    }
  }
  return found;
}

function synonymous(a: string, b: string): boolean {
  const left = meanings.get(a);
  const right = meanings.get(b);
  if (!left || !right) return false;
  for (const meaning of left) if (right.has(meaning)) return true;
  return false;
}

// A page repeats its words: the same pairs come up for thousands of candidates.
const pairs = new Map<string, Map<string, number>>();

export function wordMatch(a: string, b: string): number {
  if (a === b) return 1;
  let known = pairs.get(a);
  const cached = known?.get(b);
  if (cached !== undefined) return cached;
  const similar = wordSimilarity(a.replace(/_/g, ' '), b.replace(/_/g, ' '));
  const result = similar > 0 ? similar : synonymous(a, b) ? 0.85 : 0;
  if (!known) {
    if (pairs.size >= CACHE_LIMIT) pairs.clear();
    known = new Map();
    pairs.set(a, known);
  }
  if (known.size < CACHE_LIMIT) known.set(b, result);
  return result;
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let i = 0; i < needle.length; i++) if (haystack[start + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}

/**
 * Word overlap. Recall (how much of the description is found) counts twice as much as precision
 * (how much of the field the description covers): "Delete account" must not match "Remove".
 */
export function overlapScore(recall: number, precision: number): number {
  return 0.85 * recall * recall * (0.45 + 0.55 * Math.min(1, precision));
}

export function tokenMatch(query: string[], field: string[]): number {
  if (query.length === 0 || field.length === 0) return 0;
  if (query.length === field.length && containsSequence(field, query)) return 1;
  if (containsSequence(field, query)) return 0.92 * (query.length / field.length) ** 0.15;
  let matched = 0;
  for (const word of query) {
    let best = 0;
    for (const other of field) best = Math.max(best, wordMatch(word, other));
    matched += best;
  }
  return overlapScore(matched / query.length, matched / field.length);
}

/** 1 for the same text, high for the text inside a longer one, partial for shared words. */
const normalized = new Map<string, string>();

function normalizeCached(text: string): string {
  let known = normalized.get(text);
  if (known === undefined) {
    known = normalize(text);
    if (normalized.size >= CACHE_LIMIT) normalized.clear();
    normalized.set(text, known);
  }
  return known;
}

export function textMatch(query: string, field: string | undefined): number {
  if (!field) return 0;
  if (normalizeCached(query) === normalizeCached(field)) return 1;
  return tokenMatch(words(query), words(field));
}
