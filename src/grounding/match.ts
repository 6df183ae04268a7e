import { normalize, tokenize, wordSimilarity } from './normalize.ts';
import { synonymGroups } from './vocabulary.ts';

// How well a piece of a description matches a piece of page text, from 0 to 1.

const canonical = new Map<string, string>();
for (const group of synonymGroups) {
  const head = group[0] ?? '';
  for (const member of group) canonical.set(member, head);
}
const multiWord = [...canonical.keys()].filter((key) => key.includes(' ')).sort((a, b) => b.length - a.length);

/** Rewrites known synonyms to one word per meaning, so "trash" meets "Delete" and "log in" meets "Sign in". */
function canonicalTokens(text: string): string[] {
  let spaced = ` ${normalize(text)} `;
  for (const phrase of multiWord) spaced = spaced.replaceAll(` ${phrase} `, ` ${canonical.get(phrase) ?? phrase} `);
  return tokenize(spaced).map((token) => canonical.get(token) ?? token);
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let i = 0; i < needle.length; i++) if (haystack[start + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}

function overlap(query: string[], field: string[]): number {
  if (query.length === 0 || field.length === 0) return 0;
  let matched = 0;
  for (const word of query) {
    let best = 0;
    for (const other of field) best = Math.max(best, wordSimilarity(word, other));
    matched += best;
  }
  const recall = matched / query.length;
  if (recall < 0.5) return recall * 0.3;
  const precision = Math.min(1, matched / field.length);
  return 0.78 * recall * (0.55 + 0.45 * precision);
}

function tokenMatch(query: string[], field: string[]): number {
  if (query.length === 0) return 0;
  if (query.length === field.length && containsSequence(field, query)) return 1;
  if (containsSequence(field, query)) return 0.92 * (query.length / field.length) ** 0.3;
  return overlap(query, field);
}

/** 1 for the same text, high for the text inside a longer one, partial for shared words. */
export function textMatch(query: string, field: string | undefined): number {
  if (!field) return 0;
  const direct = tokenMatch(tokenize(query), tokenize(field));
  if (direct >= 0.92) return direct;
  const viaSynonyms = tokenMatch(canonicalTokens(query), canonicalTokens(field)) * 0.9;
  return Math.max(direct, viaSynonyms);
}
