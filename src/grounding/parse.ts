import { isChinese, parseChinese } from './chinese.ts';
import { normalize } from './normalize.ts';
import { fillerWords, namedContainerWords, ordinalWords, roleWords, scopeWords, stateWords, type RoleWord, type StateWord } from './vocabulary.ts';

// Turns a target description ("the second 'Add to cart' button under Blue Shirt") into a query.
// Descriptions are ambiguous to parse ("Terms of service link" is not "Terms" near "service"), so
// parseTarget returns every reading worth trying, the plainest first.

export type RelationKind = 'below' | 'above' | 'near' | 'left-of' | 'right-of' | 'within' | 'after' | 'before' | 'position' | 'nth';

export interface Relation {
  kind: RelationKind;
  anchor: string;
  /** Names something particular (quoted, or with capitals): if it is not on the page, neither is the target. */
  specific?: boolean;
  /** For "nth": which one of the containers, 1-based, negative from the end. */
  ordinal?: number;
}

export interface TargetQuery {
  raw: string;
  /** Quoted strings: the strongest evidence of the name. */
  phrases: string[];
  /** Other words about the name, normalised, in order. */
  words: string[];
  role?: RoleWord;
  /** 1-based; negative counts from the end (-1 is the last). */
  ordinal?: number;
  states: StateWord[];
  /** Landmark or widget scopes from vocabulary.scopeWords. */
  scopes: string[];
  relations: Relation[];
}

const relationWords: { words: string; kind: RelationKind; weak?: boolean }[] = [
  { words: 'to the right of', kind: 'right-of' },
  { words: 'to the left of', kind: 'left-of' },
  { words: 'on the right of', kind: 'right-of' },
  { words: 'on the left of', kind: 'left-of' },
  { words: 'right of', kind: 'right-of' },
  { words: 'left of', kind: 'left-of' },
  { words: 'next to', kind: 'near' },
  { words: 'close to', kind: 'near' },
  { words: 'alongside', kind: 'near' },
  { words: 'beside', kind: 'near' },
  { words: 'near', kind: 'near' },
  { words: 'underneath', kind: 'below' },
  { words: 'beneath', kind: 'below' },
  { words: 'below', kind: 'below' },
  { words: 'under', kind: 'below' },
  { words: 'above', kind: 'above' },
  { words: 'over', kind: 'above', weak: true },
  { words: 'inside', kind: 'within' },
  { words: 'within', kind: 'within' },
  { words: 'in', kind: 'within' },
  { words: 'on', kind: 'within', weak: true },
  { words: 'at', kind: 'within', weak: true },
  { words: 'for', kind: 'within', weak: true },
  { words: 'of', kind: 'within', weak: true },
  { words: 'from', kind: 'within', weak: true },
  { words: 'by', kind: 'within', weak: true },
  { words: 'with', kind: 'within', weak: true },
  { words: 'after', kind: 'after', weak: true },
  { words: 'before', kind: 'before', weak: true },
  { words: 'about', kind: 'within', weak: true },
  { words: 'that', kind: 'within', weak: true },
  { words: 'which', kind: 'within', weak: true },
];

const positionPattern = /^(?:very )?(top|bottom|upper|lower|left|right)(?:[ -](left|right|hand))?(?: (?:corner|side|edge|end|part|area))?(?: of (?:the )?(?:page|screen|window|dialog|form|card|panel|table|list))?$|^corner$/;
const errorPattern = /^(?:an? |the )?(?:validation )?(?:error|errors|error message|problem|warning)(?: (?:message|shown|on it|next to it|below it))?$/;
const statePattern = /^(?:is|are|shows?|has)\s+(?:an? |the )?(?:already |currently |now |still )?(.+)$/;

function ordinalOf(word: string): number | undefined {
  return ordinalWords[word];
}

const QUOTE = /"([^"]+)"|\u201c([^\u201d]+)\u201d|\u2018([^\u2019]+)\u2019|(?<![\p{L}\p{N}])'([^']+?)'(?![\p{L}\p{N}])|`([^`]+)`/gu;
// Quoted strings are set aside as NUL-fenced placeholders, a character no description contains.
// eslint-disable-next-line no-control-regex
const PLACEHOLDER = /\u0000(\d+)\u0000/g;

function extractQuotes(raw: string): { text: string; quotes: string[] } {
  const quotes: string[] = [];
  const text = raw.replace(QUOTE, (...match: unknown[]) => {
    const inner = match.slice(1, 6).find((group): group is string => typeof group === 'string') ?? '';
    quotes.push(inner.trim());
    return ` \u0000${quotes.length - 1}\u0000 `;
  });
  return { text, quotes };
}

function restore(text: string, quotes: string[]): string {
  return text.replace(PLACEHOLDER, (_, index: string) => quotes[Number(index)] ?? '').replace(/\s+/g, ' ').trim();
}

function stripArticles(text: string): string {
  return text.replace(/^(the|a|an|this|that)\s+/i, '').trim();
}

function isSpecific(text: string, quoted: boolean): boolean {
  // Chinese has no capitals; a name written in it is as particular as a capitalised one.
  return quoted || /(^|\s)\p{Lu}/u.test(text) || /\d/.test(text) || isChinese(text);
}

interface Tail {
  scopes: string[];
  relations: Relation[];
  states: StateWord[];
}

/** "in the header", "in the row for Alice", "in the Notifications tab": a scope, a named container, or plain text. */
function readTail(kind: RelationKind, tail: string, quotes: string[]): Tail {
  const read = readPlace(kind, tail, quotes);
  const quoted = PLACEHOLDER.test(tail);
  PLACEHOLDER.lastIndex = 0;
  return {
    scopes: read.scopes,
    states: read.states ?? [],
    relations: read.relations.map((relation) => (relation.kind === 'position' || relation.kind === 'nth' ? relation : { ...relation, specific: isSpecific(relation.anchor, quoted) })),
  };
}

function readPlace(kind: RelationKind, tail: string, quotes: string[]): { scopes: string[]; relations: Relation[]; states?: StateWord[] } {
  const body = stripArticles(tail);
  const plain = normalize(restore(body, quotes));
  if (errorPattern.test(plain)) return { scopes: [], relations: [], states: ['invalid'] };
  const stated = statePattern.exec(plain);
  if (stated?.[1]) {
    const state = stateWords[stated[1]] ?? (errorPattern.test(stated[1]) ? 'invalid' : undefined);
    if (state) return { scopes: [], relations: [], states: [state] };
  }
  if (positionPattern.test(plain)) return { scopes: [], relations: [{ kind: 'position', anchor: plain }] };
  const nth = /^(\S+(?: to last| last)?) (row|post|card|item|article|entry|line|result|product)s?$/.exec(plain);
  const nthOrdinal = nth?.[1] ? ordinalOf(nth[1]) : undefined;
  if (nth?.[2] && nthOrdinal !== undefined) return { scopes: [], relations: [{ kind: 'nth', anchor: nth[2], ordinal: nthOrdinal }] };
  if (kind === 'within' && !PLACEHOLDER.test(body)) {
    const scope = Object.keys(scopeWords).find((word) => plain === word || plain === `${word} section` || plain === `${word} area`);
    if (scope) return { scopes: scopeWords[scope] ?? [], relations: [] };
  }
  PLACEHOLDER.lastIndex = 0;
  if (kind === 'within' && /^(?:is|are|has|shows?)\s/.test(plain)) return { scopes: [], relations: [] };
  const containers = namedContainerWords.join('|');
  // "row for Alice", "post by Priya", "card titled 'Blue Shirt'"
  const leading = new RegExp(`^(?:first |second |third |last )?(?:${containers})s? (?:for|of|with|by|from|about|containing|named|called|titled|labelled|labeled|that says|saying)\\s+(.+)$`, 'i').exec(body);
  // "the post by @annis that says 'Dui feugiat'": the author and the words are both in that post.
  if (leading?.[1]) {
    const parts = leading[1].split(/\s+(?:that|which)\s+(?:says|reads|contains|mentions)\s+|\s+(?:saying|containing|reading)\s+/i);
    return { scopes: [], relations: parts.map((part) => ({ kind: 'within' as const, anchor: restore(part, quotes) })).filter((relation) => relation.anchor) };
  }
  // "Notifications tab", "'Blue Shirt' card"
  // Lower case only: in "the Gift Card", Card is part of a name.
  const trailing = new RegExp(`^(.+?)\\s+(?:${containers})s?$`).exec(body);
  if (trailing?.[1] && kind === 'within') {
    const scope = Object.keys(scopeWords).find((word) => normalize(restore(trailing[1] ?? '', quotes)) === word);
    if (!scope) return { scopes: [], relations: [{ kind: 'within', anchor: restore(trailing[1], quotes) }] };
  }
  const words = normalize(restore(body, quotes));
  const scope = Object.keys(scopeWords).find((word) => words.endsWith(` ${word}`) && kind === 'within');
  if (scope) {
    const anchor = restore(body, quotes).slice(0, -scope.length).trim();
    // "the Products menu" names one thing by its words; its kind may be built any way.
    return anchor ? { scopes: [], relations: [{ kind, anchor }] } : { scopes: scopeWords[scope] ?? [], relations: [] };
  }
  return { scopes: [], relations: [{ kind, anchor: restore(body, quotes) }] };
}

const containerLead = new RegExp(`^(?:the\\s+)?(?:first |second |third |last )?(?:${namedContainerWords.join('|')})s?\\s+(?:for|of|with|by|from|about|containing|named|called|titled|labelled|labeled)\\s`, 'i');

interface Split {
  head: string;
  tails: { kind: RelationKind; text: string }[];
}

/** Splits at every relation word outside quotes; weak words only when asked to. */
function split(text: string, useWeak: boolean): Split {
  const tails: { kind: RelationKind; text: string }[] = [];
  let head = text;
  for (;;) {
    let best: { index: number; length: number; kind: RelationKind } | undefined;
    for (const relation of relationWords) {
      if (relation.weak && !useWeak) continue;
      // "in" splits only before "the", a quote or a known place, so that "Sign in button" stays whole.
      // ...or before a capitalised name: "in Wen Li's row".
      const pattern =
        relation.words === 'in'
          ? new RegExp(`\\s(?:in|In|IN)(?=\\s+(?:[Tt]he\\s|[Aa]\\s|\\u0000|\\p{Lu}|\\p{Script=Han}|${Object.keys(scopeWords).join('|')}))`, 'gu')
          : new RegExp(`\\s${relation.words.replace(/ /g, '\\s+')}(?=\\s)`, 'gi');
      for (const match of head.matchAll(pattern)) {
        if (match.index === undefined || match.index === 0) continue;
        if (!best || match.index < best.index) best = { index: match.index, length: match[0].length, kind: relation.kind };
      }
    }
    if (!best) break;
    const rest = head.slice(best.index + best.length);
    head = head.slice(0, best.index);
    // The rest may itself carry further relations: "'Like' under 'Priya' in the feed"; but
    // "the row for Alice Chen" is one named container, to be read whole.
    const inner = split(rest, useWeak && !containerLead.test(rest.trim()));
    tails.push({ kind: best.kind, text: inner.head }, ...inner.tails);
    break;
  }
  return { head: head.trim(), tails };
}

const articles = new Set(['the', 'a', 'an', 'this', 'that', 'please']);

function readHead(head: string, quotes: string[]): Pick<TargetQuery, 'phrases' | 'words' | 'role' | 'ordinal' | 'states'> {
  const phrases: string[] = [];
  let text = ` ${normalize(head.replace(PLACEHOLDER, (_, index: string) => {
    phrases.push(quotes[Number(index)] ?? '');
    return ' ';
  }))} `;
  let ordinal: number | undefined;
  const ordinalKeys = Object.keys(ordinalWords).sort((a, b) => b.length - a.length);
  for (const key of ordinalKeys) {
    const at = text.indexOf(` ${key} `);
    if (at >= 0) {
      ordinal = ordinalWords[key];
      text = `${text.slice(0, at)} ${text.slice(at + key.length + 2)} `;
      break;
    }
  }
  const numbered = /\s(?:#|no\.?\s*|number\s+)(\d+)\s/.exec(text);
  if (ordinal === undefined && numbered?.[1]) {
    ordinal = Number(numbered[1]);
    text = text.replace(numbered[0], ' ');
  }
  const states: StateWord[] = [];
  const stateKeys = Object.keys(stateWords).sort((a, b) => b.length - a.length);
  // State words count only before the name: "the empty required field", not "Show disabled items".
  for (let changed = true; changed; ) {
    changed = false;
    const start = text.replace(/^\s*(the|a|an)\s/, ' ');
    for (const key of stateKeys) {
      if (start.startsWith(` ${key} `)) {
        const state = stateWords[key];
        if (state) states.push(state);
        text = start.slice(key.length + 1);
        changed = true;
        break;
      }
    }
  }
  let role: RoleWord | undefined;
  const trimmed = text.trim();
  const byLength = [...roleWords].sort((a, b) => b.phrase.length - a.phrase.length);
  const atEnd = byLength.find((candidate) => trimmed === candidate.phrase || trimmed.endsWith(` ${candidate.phrase}`));
  const atStart = byLength.find((candidate) => trimmed.replace(/^(the|a|an)\s+/, '').startsWith(`${candidate.phrase} `));
  if (atEnd) {
    role = atEnd;
    text = ` ${trimmed.slice(0, trimmed.length - atEnd.phrase.length)} `;
  } else if (atStart) {
    role = atStart;
    text = ` ${trimmed.replace(/^(the|a|an)\s+/, '').slice(atStart.phrase.length)} `;
  }
  const all = text
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}\p{S}]+|[^\p{L}\p{N}\p{S}]+$/gu, ''))
    .filter((word) => word.length > 0);
  const kept = all.filter((word) => !fillerWords.has(word));
  // "the ONE button", "the Text link": when only such words are left, they are the name.
  const words = kept.length > 0 || phrases.some(Boolean) ? kept : all.filter((word) => !articles.has(word));
  const result: Pick<TargetQuery, 'phrases' | 'words' | 'role' | 'ordinal' | 'states'> = { phrases: phrases.filter(Boolean), words, states };
  if (role) result.role = role;
  if (ordinal !== undefined) result.ordinal = ordinal;
  return result;
}

function build(raw: string, text: string, quotes: string[], useWeak: boolean): TargetQuery {
  const { head, tails } = split(text, useWeak);
  const query: TargetQuery = { raw, scopes: [], relations: [], ...readHead(head, quotes) };
  for (const tail of tails) {
    const read = readTail(tail.kind, tail.text, quotes);
    query.scopes.push(...read.scopes);
    query.states.push(...read.states);
    query.relations.push(...read.relations.filter((relation) => relation.anchor.length > 0));
  }
  return query;
}

/** "the first post's Like button" is "the Like button in the first post". */
function unpossess(text: string): string {
  // eslint-disable-next-line no-control-regex -- NUL fences quoted strings (see PLACEHOLDER)
  const match = /^(?:the\s+)?([^\u0000]+?)['\u2019]s\s+(.+)$/i.exec(text.trim());
  if (!match?.[1] || !match[2] || /\s(in|on|under|below|for|of|near|next)\s/i.test(match[1])) return text;
  return `${match[2]} in the ${match[1]}`;
}

const leadingRelation = new RegExp(`\\s(?:${relationWords.map((relation) => relation.words.replace(/ /g, '\\s+')).join('|')})\\s`, 'i');

/**
 * `the trash icon of the email from "Audrey"`: a quoted name that comes after a relation word, with
 * words of the target's own before it, says where the target is, never what it is called.
 */
function quoteIsPlace(text: string): boolean {
  const at = text.indexOf('\u0000');
  if (at < 0) return false;
  const relation = leadingRelation.exec(` ${text.slice(0, at)}`);
  if (!relation) return false;
  return readHead(` ${text.slice(0, at)}`.slice(0, relation.index), []).words.length > 0;
}

/** Words in Latin letters outside quotes: English structure the English reader should see too. */
function hasEnglishWords(raw: string): boolean {
  return /[A-Za-z]{2,}/.test(raw.replace(QUOTE, ' '));
}

export function parseTarget(raw: string): TargetQuery[] {
  const chinese = isChinese(raw) ? parseChinese(raw) : [];
  if (chinese.length > 0 && !hasEnglishWords(raw)) return unique(chinese);
  const extracted = extractQuotes(raw.replace(/[.!?]+$/, ''));
  const quotes = extracted.quotes;
  const text = unpossess(extracted.text);
  const readings = quoteIsPlace(text) ? [build(raw, text, quotes, true)] : [build(raw, text, quotes, false), build(raw, text, quotes, true)];
  // A role word may be part of the name: "Departure date" is a field called that, not a date.
  for (const reading of [...readings]) {
    if (reading.role && reading.phrases.length === 0) {
      const { role, ...rest } = reading;
      const words = reading.raw.toLowerCase().includes(`${role.phrase} `) && reading.words.length > 0 && !reading.raw.toLowerCase().trim().endsWith(role.phrase) ? [...role.phrase.split(' '), ...reading.words] : [...reading.words, ...role.phrase.split(' ')];
      if (reading.words.length > 0) readings.push({ ...rest, words });
    }
  }
  return unique([...chinese, ...readings]);
}

function unique(readings: TargetQuery[]): TargetQuery[] {
  const seen = new Set<string>();
  return readings.filter((reading) => {
    const key = JSON.stringify({ ...reading, raw: '' });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
