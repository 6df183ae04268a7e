import { segments, tokenize } from './normalize.ts';
import type { Relation, RelationKind, TargetQuery } from './parse.ts';
import type { RoleWord, StateWord } from './vocabulary.ts';
import {
  chineseClassifiers,
  chineseContainerWords,
  chineseCountedContainers,
  chineseGenericPlaces,
  chineseLeadingVerbs,
  chinesePositions,
  chineseRoleWords,
  chineseScopeWords,
  chineseStateWords,
} from './vocabulary-zh.ts';

// Reads a description written in Chinese ("蓝色衬衫的加入购物车按钮") into the same readings
// parseTarget gives for English. Chinese puts every modifier before the thing it modifies and
// joins them with 的, so the last part is the element and the parts before it say where it is.

const HAN = /\p{Script=Han}/u;

export function isChinese(text: string): boolean {
  return HAN.test(text);
}

const QUOTE = /\u201c([^\u201d]+)\u201d|\u2018([^\u2019]+)\u2019|「([^」]+)」|『([^』]+)』|"([^"]+)"|(?<![A-Za-z])'([^']+)'(?![A-Za-z])|`([^`]+)`/gu;
// A quoted string is set aside as one private-use character, which no description contains and
// which the dictionary keeps as a word of its own.
const MARK_BASE = 0xe000;
const MARKS = /[\ue000-\ue0ff]/gu;

interface Quoted {
  text: string;
  quotes: string[];
}

function extractQuotes(raw: string): Quoted {
  const quotes: string[] = [];
  const text = raw.replace(QUOTE, (...match: unknown[]) => {
    const inner = match.slice(1, 8).find((group): group is string => typeof group === 'string') ?? '';
    quotes.push(inner.trim());
    return String.fromCharCode(MARK_BASE + quotes.length - 1);
  });
  return { text, quotes };
}

function restore(text: string, quotes: string[]): string {
  return text.replace(MARKS, (mark) => quotes[mark.charCodeAt(0) - MARK_BASE] ?? '').trim();
}

const hasMark = (text: string) => /[\ue000-\ue0ff]/u.test(text);

/** Where text splits at a word of its own: 中 in "列表中最后一项", but not in "中国". */
function cuts(text: string, words: ReadonlySet<string>): number[] {
  const at: number[] = [];
  let offset = 0;
  for (const part of segments(text)) {
    if (words.has(part)) at.push(offset);
    offset += part.length;
  }
  return at;
}

// The dictionary glues 的 to the word before it at times ("中的", "办的"); a possessive pronoun
// with it is a word of a name ("我的订单"), and inside a word it is no 的 at all ("目的地").
const possessives = new Set(['我的', '你的', '您的', '他的', '她的', '它的', '目的']);

/** Where 的 joins a modifier to what it modifies: "蓝色衬衫的按钮", "列表中的第二个". */
function cutsAtDe(text: string): number[] {
  const at: number[] = [];
  let offset = 0;
  for (const part of segments(text)) {
    offset += part.length;
    if (part.endsWith('的') && !possessives.has(part)) at.push(offset - 1);
  }
  return at;
}

/** Whether text ends with suffix at a word boundary: "搜索框" ends with 框, "银行" does not end with 行. */
function endsWithWord(text: string, suffix: string): boolean {
  if (!text.endsWith(suffix) || text.length === suffix.length) return text === suffix;
  if (suffix.length > 1) return true;
  const parts = segments(text);
  return parts[parts.length - 1] === suffix;
}

const NUMBER = '(\\d+|[一二两三四五六七八九十]+)';
const CLASSIFIER = `(?:${chineseClassifiers.join('|')})`;
const ORDINAL = new RegExp(`^(?:第${NUMBER}|倒数第${NUMBER}|(最后|最末|末尾)(?:一(?=${CLASSIFIER}))?|(首))(${CLASSIFIER})?`, 'u');

function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const digits: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const [tens, ones] = text.split('十');
  if (ones === undefined) return digits[text];
  const value = (tens ? (digits[tens] ?? NaN) : 1) * 10 + (ones ? (digits[ones] ?? NaN) : 0);
  return Number.isNaN(value) ? undefined : value;
}

interface Ordinal {
  value: number;
  classifier?: string;
  rest: string;
}

/** "第二个", "第3项", "最后一个", "倒数第二行" at the start of text. */
function leadingOrdinal(text: string): Ordinal | undefined {
  const match = ORDINAL.exec(text);
  if (!match?.[0]) return undefined;
  const [whole, nth, fromEnd, last, firstOne, classifier] = match;
  const value = nth ? chineseNumber(nth) : fromEnd ? -(chineseNumber(fromEnd) ?? NaN) : last ? -1 : firstOne ? 1 : undefined;
  if (value === undefined || Number.isNaN(value) || value === 0) return undefined;
  const ordinal: Ordinal = { value, rest: text.slice(whole.length) };
  if (classifier) ordinal.classifier = classifier;
  return ordinal;
}

interface Tail {
  scopes: string[];
  relations: Relation[];
  states: StateWord[];
  /** A bare ordinal before 的 ("最后的删除按钮") counts the elements themselves. */
  ordinal?: number;
}

const none = (): Tail => ({ scopes: [], relations: [], states: [] });

function merge(a: Tail, b: Tail): Tail {
  const merged: Tail = { scopes: [...a.scopes, ...b.scopes], relations: [...a.relations, ...b.relations], states: [...a.states, ...b.states] };
  const ordinal = b.ordinal ?? a.ordinal;
  if (ordinal !== undefined) merged.ordinal = ordinal;
  return merged;
}

const longestFirst = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length);
const scopeKeys = longestFirst(Object.keys(chineseScopeWords));
const containerKeys = longestFirst(chineseContainerWords);
const countedKeys = longestFirst(Object.keys(chineseCountedContainers));

/** "第二个商品", "最后一项", "倒数第二行": one of the page's containers, counted. */
function countedContainer(text: string): Tail | undefined {
  const ordinal = leadingOrdinal(text);
  if (!ordinal) return undefined;
  const noun = ordinal.rest.trim();
  if (!noun) {
    // "第二个" alone counts the elements; "第二行", "最后一项" count rows and items.
    const kind = ordinal.classifier && ordinal.classifier !== '个' ? chineseCountedContainers[ordinal.classifier] : undefined;
    if (!kind) return { ...none(), ordinal: ordinal.value };
    return { ...none(), relations: [{ kind: 'nth', anchor: kind, ordinal: ordinal.value }] };
  }
  const key = countedKeys.find((word) => noun === word || noun.endsWith(word));
  if (!key) return undefined;
  return { ...none(), relations: [{ kind: 'nth', anchor: chineseCountedContainers[key] ?? 'item', ordinal: ordinal.value }] };
}

function withoutRole(text: string): string {
  const role = chineseRoleWords.find((entry) => text.length > entry.phrase.length && endsWithWord(text, entry.phrase));
  return role ? text.slice(0, -role.phrase.length).trim() : text;
}

/** The thing a modifier places the element by: a landmark, a named container, or text on the page. */
function readPlace(kind: RelationKind, text: string, quotes: string[]): Tail {
  const body = text.trim().replace(/^(?:在|位于|处于|于)/u, '').trim();
  if (!body || chineseGenericPlaces.has(body)) return none();
  const quoted = hasMark(body);
  const plain = restore(body, quotes);
  if (kind === 'within' && !quoted) {
    const counted = countedContainer(plain);
    if (counted) return counted;
    const scope = chineseScopeWords[plain];
    if (scope) return { ...none(), scopes: scope };
    // "登录弹窗", "待办事项列表": the landmark, and loosely the words that name it.
    const ending = scopeKeys.find((word) => plain.endsWith(word));
    if (ending) {
      const rest = plain.slice(0, -ending.length).trim();
      return { ...none(), scopes: chineseScopeWords[ending] ?? [], relations: rest ? [{ kind, anchor: rest, specific: false }] : [] };
    }
  }
  // "蓝色衬衫卡片", "张三那一行": the container named by the words before it.
  const container = containerKeys.find((word) => plain.length > word.length && plain.endsWith(word));
  let anchor = container ? plain.slice(0, -container.length).trim() : plain;
  // "登录按钮下方": the anchor is the text 登录, wherever it is.
  if (!quoted) anchor = withoutRole(anchor);
  if (!anchor || chineseGenericPlaces.has(anchor)) return none();
  return { ...none(), relations: [{ kind, anchor, specific: true }] };
}

const insideWords = new Set(['中', '里', '里面', '内', '之中', '当中', '之内', '上']);
const directions: [string, RelationKind][] = [
  ['下面', 'below'], ['下方', 'below'], ['下边', 'below'], ['之下', 'below'], ['下', 'below'],
  ['上面', 'above'], ['上方', 'above'], ['上边', 'above'], ['之上', 'above'],
  ['左侧', 'left-of'], ['左边', 'left-of'], ['左面', 'left-of'],
  ['右侧', 'right-of'], ['右边', 'right-of'], ['右面', 'right-of'],
  ['旁边', 'near'], ['附近', 'near'], ['边上', 'near'], ['周围', 'near'], ['旁', 'near'],
  ['后面', 'after'], ['之后', 'after'], ['后边', 'after'],
  ['前面', 'before'], ['之前', 'before'], ['前边', 'before'],
  ['里面', 'within'], ['之中', 'within'], ['当中', 'within'], ['之内', 'within'], ['中', 'within'], ['里', 'within'], ['内', 'within'], ['上', 'within'],
];

/** One modifier before 的: a state, a place on the page, a counted container, or a relation to something. */
function readModifier(text: string, quotes: string[]): Tail {
  const body = text.trim().replace(/^(?:在|位于|处于|于)/u, '').trim();
  if (!body || chineseGenericPlaces.has(body)) return none();
  const plain = hasMark(body) ? undefined : body;
  if (plain) {
    const state = chineseStateWords[plain];
    if (state) return { ...none(), states: [state] };
    const position = chinesePositions[plain.replace(/^(?:整个)?(?:页面|屏幕|网页|窗口)/u, '')];
    if (position) return { ...none(), relations: [{ kind: 'position', anchor: position }] };
    const counted = countedContainer(plain);
    if (counted) return counted;
  }
  // "待办事项列表中最后一项": the part before 中 and the part after it both narrow the place down.
  const inside = cuts(body, insideWords).filter((at) => at > 0);
  for (const at of inside.reverse()) {
    const after = body.slice(at).replace(/^(?:里面|之中|当中|之内|中|里|内|上)/u, '');
    if (after.trim()) return merge(readPlace('within', body.slice(0, at), quotes), readModifier(after, quotes));
  }
  for (const [suffix, kind] of directions) {
    if (!endsWithWord(body, suffix) || body === suffix) continue;
    return readPlace(kind, body.slice(0, -suffix.length), quotes);
  }
  return readPlace('within', body, quotes);
}

interface Head {
  phrases: string[];
  words: string[];
  role?: RoleWord;
  ordinal?: number;
}

// Words about the description itself: "排序方式" is the sort select, "邮箱位置" the email field.
const fillers = new Set(['的', '这个', '那个', '一个', '该', '此', '个', '方式', '内容', '位置']);

function nameWords(text: string): string[] {
  return tokenize(text).filter((word) => !fillers.has(word));
}

/** The element itself: "第二个加入购物车按钮" is the second one named 加入购物车 whose role is button. */
function readHead(text: string, quotes: string[]): Head[] {
  let rest = text.trim().replace(/^(?:这个|那个|该|此)/u, '');
  let ordinal: number | undefined;
  const counted = leadingOrdinal(rest);
  if (counted && (counted.rest.trim() || !counted.classifier || counted.classifier === '个')) {
    ordinal = counted.value;
    rest = counted.rest;
  }
  const phrases = [...rest.matchAll(MARKS)].map((mark) => quotes[mark[0].charCodeAt(0) - MARK_BASE] ?? '').filter(Boolean);
  const unquoted = rest.replace(MARKS, ' ').trim();
  const role = chineseRoleWords.find((entry) => endsWithWord(unquoted, entry.phrase));
  const base: Head = { phrases, words: nameWords(unquoted) };
  if (ordinal !== undefined) base.ordinal = ordinal;
  if (!role) return [base];
  const named: Head = { ...base, words: nameWords(unquoted.slice(0, -role.phrase.length)), role };
  // A role word may be part of the name: a switch called "开关", a button called "菜单".
  return phrases.length === 0 ? [named, base] : [named];
}

/** A trailing remark in brackets is one more modifier: "登录按钮（页面右上角）". */
function splitRemark(text: string): { text: string; remark?: string } {
  const match = /^(.+?)\s*\(([^()]+)\)$/u.exec(text);
  return match?.[1] && match[2] ? { text: match[1], remark: match[2] } : { text };
}

function stripVerbs(text: string): string {
  let rest = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const verb of chineseLeadingVerbs) {
      if (rest.startsWith(verb) && rest.length > verb.length) {
        rest = rest.slice(verb.length).trim();
        changed = true;
        break;
      }
    }
  }
  // "点击一下登录": the measure words after a verb go with it.
  return rest.replace(/^(?:一下|下)(?=\p{Script=Han})/u, '');
}

function readings(raw: string, body: string, quotes: string[], remark: Tail): TargetQuery[] {
  const parts: string[] = [];
  let start = 0;
  for (const at of cutsAtDe(body)) {
    parts.push(body.slice(start, at));
    start = at + 1;
  }
  parts.push(body.slice(start));
  const result: TargetQuery[] = [];
  const add = (headText: string, modifiers: string[]) => {
    let tail = modifiers.map((modifier) => readModifier(modifier, quotes)).reduce(merge, remark);
    let head = headText;
    // "加入购物车按钮中的第二个": the ordinal counts the ones named before it.
    const last = modifiers[modifiers.length - 1];
    const bare = leadingOrdinal(head.trim());
    if (bare && !bare.rest.trim() && last && /(?:中|里|当中|之中)$/u.test(last)) {
      head = last.replace(/(?:中|里|当中|之中)$/u, '');
      tail = { ...modifiers.slice(0, -1).map((modifier) => readModifier(modifier, quotes)).reduce(merge, remark), ordinal: bare.value };
    }
    for (const read of readHead(head, quotes)) {
      if (read.phrases.length === 0 && read.words.length === 0 && !read.role && tail.ordinal === undefined && read.ordinal === undefined) continue;
      const query: TargetQuery = { raw, phrases: read.phrases, words: read.words, states: [...tail.states], scopes: [...tail.scopes], relations: [...tail.relations] };
      if (read.role) query.role = read.role;
      const ordinal = read.ordinal ?? tail.ordinal;
      if (ordinal !== undefined) query.ordinal = ordinal;
      result.push(query);
    }
  };
  if (parts.length === 1) {
    add(body, []);
    return result;
  }
  add(parts[parts.length - 1] ?? '', parts.slice(0, -1));
  // 的 may belong to the name ("用户的协议"), but then the element says all of it: read whole, the
  // words are one phrase, not loose words that the card's heading could supply.
  const whole = body.replace(MARKS, (mark) => quotes[mark.charCodeAt(0) - MARK_BASE] ?? '');
  const role = chineseRoleWords.find((entry) => whole.length > entry.phrase.length && endsWithWord(whole, entry.phrase));
  const query: TargetQuery = { raw, phrases: [role ? whole.slice(0, -role.phrase.length) : whole], words: [], states: [], scopes: [...remark.scopes], relations: [...remark.relations] };
  if (role) query.role = role;
  result.push(query);
  return result;
}

/** Readings of a description in Chinese (or Chinese mixed with English), the likeliest first. */
export function parseChinese(raw: string): TargetQuery[] {
  const cleaned = raw.normalize('NFKC').trim().replace(/[。.!！?？,，;；:：、\s]+$/u, '');
  const { text, quotes } = extractQuotes(cleaned);
  const { text: main, remark } = splitRemark(text.trim());
  const remarkTail = remark ? readModifier(remark, quotes) : none();
  // "按钮：登录", "输入框: 手机号": the role first, then the name.
  const labelled = /^([^:]+?)\s*:\s*(.+)$/u.exec(main);
  const ordered = labelled?.[1] && labelled[2] && chineseRoleWords.some((entry) => entry.phrase === labelled[1]) ? `${labelled[2]}${labelled[1]}` : main;
  // "在搜索框中输入": the field the text goes into.
  const into = /^在(.+?)(?:中|里|内|上)?(?:输入|填写|填入|键入)$/u.exec(ordered)?.[1];
  const body = stripVerbs(into ?? ordered);
  const all = readings(raw, body, quotes, remarkTail);
  // A verb may be the first word of the name after all: a button called "选择文件".
  if (body !== ordered) all.push(...readings(raw, ordered, quotes, remarkTail).filter((reading) => reading.relations.length === 0 && reading.scopes.length === 0));
  return all;
}
