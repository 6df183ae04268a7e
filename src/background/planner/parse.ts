import type { core } from 'zod';
import { actionNames, Intent, intentSchemas, type ActionName } from '../../shared/intent.ts';

// Turns one model reply into one intent. Accepted, in order (DESIGN.md, "The intermediate
// interface"): an OpenAI tool call; a JSON object in the text (bare, fenced or inside prose); and
// AutoGLM's `do(action=...)` / `finish(message=...)`. Whatever cannot be read comes back as a short
// error written for the model, so that the planner can send it back and get a fixed reply.

export type ReplyFormat = 'tool' | 'json' | 'autoglm';
export type ParsedReply =
  | { ok: true; intent: Intent; thought?: string; format: ReplyFormat }
  | { ok: false; error: string; format: ReplyFormat | 'unknown' };

export interface ReplyMessage {
  content?: string | null;
  /** `function` is optional so that OpenAI's own message type (with custom tool calls) fits. */
  tool_calls?: Array<{ type?: string; function?: { name: string; arguments: string } }> | null;
}

export interface ParseContext {
  /** The viewport in CSS pixels: lets a point given in pixels (above 999) be normalised. */
  viewport?: { width: number; height: number };
  /** How the planner asked for the reply; only changes the "how to fix it" part of errors. */
  expect?: 'tool' | 'json';
}

type Fields = Record<string, unknown>;
type Failure = Extract<ParsedReply, { ok: false }>;

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const fail = (format: Failure['format'], error: string): Failure => ({ ok: false, error, format });
const actionList = actionNames.join(', ');

function howToFix(context: ParseContext): string {
  return context.expect === 'json'
    ? 'Reply with one JSON object: {"thought": "...", "intent": {"action": "...", ...}}.'
    : 'Reply with exactly one tool call.';
}

/** "Click", "ask-user", "functions.click" -> the action name, or undefined. */
function actionOf(name: string): ActionName | undefined {
  const key = name.trim().replace(/^functions\./, '').toLowerCase().replace(/[\s-]+/g, '_');
  return (actionNames as string[]).includes(key) ? (key as ActionName) : undefined;
}

// ---- Tolerant JSON ---------------------------------------------------------------------------

const closers: Record<string, string> = { '"': '"', "'": "'", '\u201c': '\u201d', '\u201d': '\u201d', '\u2018': '\u2019', '\u2019': '\u2019' };
const escapes: Record<string, string> = { '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const words: Record<string, string> = { True: 'true', False: 'false', None: 'null', undefined: 'null' };

/**
 * Rewrites what models write "almost JSON" into JSON: single-quoted and smart-quoted strings,
 * raw newlines in strings, `//` and `/* *\/` comments, trailing commas, unquoted keys and Python's
 * True/False/None. Text that is already JSON comes out unchanged.
 */
function repairJson(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    const closer = closers[ch];
    if (closer) {
      let body = '';
      i += 1;
      while (i < source.length && source[i] !== closer && !(ch === '\u201c' && source[i] === '"')) {
        const c = source[i] ?? '';
        if (c === '\\' && i + 1 < source.length) {
          const next = source[i + 1] ?? '';
          body += next === "'" ? "'" : `\\${next}`;
          i += 2;
        } else {
          body += escapes[c] ?? c;
          i += 1;
        }
      }
      out += `"${body}"`;
      i += 1;
    } else if (ch === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (/[A-Za-z_$]/.test(ch) && !/[\d.]/.test(out.at(-1) ?? '')) {
      const word = /^[\w$]+/.exec(source.slice(i))?.[0] ?? ch;
      i += word.length;
      out += /^\s*:/.test(source.slice(i)) ? JSON.stringify(word) : (words[word] ?? word);
    } else {
      if (ch === '}' || ch === ']') out = out.replace(/,\s*$/, '');
      out += ch;
      i += 1;
    }
  }
  return out;
}

function parseLoose(source: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch {
    try {
      return { ok: true, value: JSON.parse(repairJson(source)) as unknown };
    } catch (error) {
      const detail = error instanceof Error ? error.message.replace(/\s*\(line \d+ column \d+\)$/, '') : String(error);
      return { ok: false, error: detail };
    }
  }
}

/** The top-level `{...}` spans of a text, skipping braces inside strings; `cut` if one never closes. */
function findObjects(source: string): { spans: string[]; cut: boolean } {
  const spans: string[] = [];
  let start = -1;
  let depth = 0;
  let quote = '';
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] ?? '';
    if (depth === 0) {
      if (ch === '{') [start, depth] = [i, 1];
    } else if (quote) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = '';
    } else if (closers[ch]) {
      quote = closers[ch] ?? '';
    } else if (ch === '{') {
      depth += 1;
    } else if (ch === '}' && --depth === 0) {
      const span = source.slice(start, i + 1);
      if (span.includes(':')) spans.push(span);
    }
  }
  return { spans, cut: depth > 0 };
}

/** `<think>...</think>` (or `<thinking>`) comes out as the thought; the rest is the answer. */
function splitThink(content: string): { thought?: string; rest: string } {
  const closed = /<(think|thinking)>([\s\S]*?)<\/\1>/i.exec(content);
  if (closed) return { thought: text(closed[2]), rest: content.replace(closed[0], '') };
  const end = /<\/(think|thinking)>/i.exec(content);
  if (end) return { thought: text(content.slice(0, end.index)), rest: content.slice(end.index + end[0].length) };
  const open = /<(think|thinking)>/i.exec(content);
  if (open) return { thought: text(content.slice(open.index + open[0].length)), rest: content.slice(0, open.index) };
  return { rest: content };
}

/**
 * The shapes a JSON reply takes: `{thought, intent: {...}}`, flat `{thought, action, ...}`,
 * `{name, arguments}` (a tool call written as text), `{action: {action|name|type, ...}}` and
 * `{click: {...}}`. Returns the action name and fields, or an error.
 */
function unwrap(object: Fields): { action: string; fields: Fields; thought?: string } | { error: string } {
  let body = isRecord(object.intent) ? object.intent : object;
  const thought = text(object.thought) ?? text(body.thought);
  const args = (value: Fields) => {
    const raw = value.arguments ?? value.parameters ?? value.args;
    const parsed = typeof raw === 'string' ? parseLoose(raw) : { ok: true, value: raw };
    return parsed.ok && isRecord(parsed.value) ? parsed.value : undefined;
  };
  const named = (value: Fields) => (typeof value.name === 'string' ? args(value) : undefined);
  if (body.action === undefined && named(body)) body = { ...named(body), action: body.name };
  if (isRecord(body.action)) {
    const inner = body.action;
    const keys = Object.keys(inner);
    if (typeof inner.action === 'string') body = inner;
    else if (named(inner)) body = { ...named(inner), action: inner.name };
    else if (typeof inner.type === 'string' && actionOf(inner.type)) body = { ...inner, action: inner.type };
    else if (keys.length === 1 && keys[0] && actionOf(keys[0]) && isRecord(inner[keys[0]])) body = { ...(inner[keys[0]] as Fields), action: keys[0] };
    else return { error: `Field "action" must be the action name as a string, e.g. "action": "click", with the other fields beside it.` };
  }
  if (body.action === undefined) {
    const keys = Object.keys(body).filter((key) => key !== 'thought');
    const only = keys.length === 1 ? keys[0] : undefined;
    const inner = only ? body[only] : undefined;
    if (only && actionOf(only) && isRecord(inner)) body = { ...inner, action: only };
  }
  if (typeof body.action !== 'string') {
    return { error: body.action === undefined ? `The JSON object has no "action" field; add "action": one of ${actionList}.` : `Field "action" must be a string: one of ${actionList}.` };
  }
  const fields: Fields = { ...body };
  delete fields.action;
  delete fields.thought;
  return { action: body.action, fields, thought };
}

// ---- AutoGLM ----------------------------------------------------------------------------------

const autoglmCall = /\b(do|finish)\s*[(\uff08]/;
const pythonWords: Record<string, boolean | null> = { True: true, False: false, None: null };
/** Chinese models also quote with corner brackets and full-width marks. */
const argumentQuotes: Record<string, string> = { ...closers, '\u300c': '\u300d', '\u300e': '\u300f', '\uff02': '\uff02', '\uff07': '\uff07' };
const closing = /[)\uff09]/;

/** The string from `start` to its unescaped `closer`: its value and where the closer is. */
function readString(source: string, start: number, closer: string): { value: string; end: number } | undefined {
  let value = '';
  for (let i = start; i < source.length; i += 1) {
    const c = source[i] ?? '';
    if (c === closer) return { value, end: i };
    if (c === '\\' && i + 1 < source.length) {
      i += 1;
      const next = source[i] ?? '';
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
    } else value += c;
  }
  return undefined;
}

type Arguments = { ok: true; args: Fields } | { ok: false; error: string };

/** Reads `key="value", key=[1,2], key=3` up to the closing parenthesis. Positional values get `_0`. */
function readArguments(source: string, call: string): Arguments {
  const args: Fields = {};
  let i = 0;
  let position = 0;
  const skip = () => {
    while (i < source.length && /[\s,\uff0c]/.test(source[i] ?? '')) i += 1;
  };
  for (skip(); i < source.length && !closing.test(source[i] ?? ''); skip()) {
    const key = /^([A-Za-z_]\w*)\s*[=\uff1d]\s*/.exec(source.slice(i));
    const name = key ? (key[1] ?? '') : `_${position++}`;
    if (key) i += key[0].length;
    const ch = source[i] ?? '';
    const closer = argumentQuotes[ch];
    if (closer) {
      // A model that opens with a curly quote sometimes closes with a straight one.
      const read = readString(source, i + 1, closer) ?? (ch === '\u201c' ? readString(source, i + 1, '"') : undefined);
      if (!read) {
        const value = source.slice(i + 1);
        return { ok: false, error: `The ${call}(...) call is cut off: the string ${key ? `${name}=` : ''}${ch}${value.slice(0, 24)}${value.length > 24 ? '...' : ''} never closes. Close it with ${closer} and end the call with ")".` };
      }
      const { value, end } = read;
      args[name] = value;
      i = end + 1;
    } else {
      const end = ch === '[' ? source.indexOf(']', i) + 1 : i + (/^[^,\uff0c)\uff09]*/.exec(source.slice(i))?.[0].length ?? 0);
      if (ch === '[' && end <= i) return { ok: false, error: `The ${call}(...) call is cut off: the list ${key ? `${name}=` : ''}${source.slice(i, i + 24)} never closes. Close it with "]" and end the call with ")".` };
      if (end <= i) return { ok: false, error: `The ${call}(...) call is malformed: ${key ? `${name}= has no value` : 'a value is missing'}; write it as do(action="Tap", element="the Search button") or finish(message="...").` };
      const raw = source.slice(i, end).trim();
      const numbers = ch === '[' ? raw.slice(1, -1).split(',').map(Number) : [];
      if (ch === '[') args[name] = numbers.every(Number.isFinite) ? numbers : raw;
      else args[name] = /^-?[\d.]+$/.test(raw) ? Number(raw) : raw in pythonWords ? pythonWords[raw] : raw;
      i = end;
    }
  }
  if (i >= source.length) return { ok: false, error: `The ${call}(...) call is cut off: it never closes with ")". Send the whole call, e.g. do(action="Tap", element="the Search button").` };
  return { ok: true, args };
}

/** [x, y], a "[x, y]" string or an [x1, y1, x2, y2] box (its centre). Words with numbers in them are not a point. */
function pointOf(value: unknown): [number, number] | undefined {
  const numbers = typeof value === 'string' ? (/^\s*[[(]?\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)*\s*[\])]?\s*$/.test(value) ? (value.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number) : []) : value;
  if (!Array.isArray(numbers) || !numbers.every((n): n is number => typeof n === 'number')) return undefined;
  const [x1, y1, x2, y2] = numbers;
  if (numbers.length === 2 && x1 !== undefined && y1 !== undefined) return [x1, y1];
  if (numbers.length === 4 && x1 !== undefined && y1 !== undefined && x2 !== undefined && y2 !== undefined) return [(x1 + x2) / 2, (y1 + y2) / 2];
  return undefined;
}

type Location = { where: Fields } | { error: string };

/**
 * Where a do(...) call acts: `element=[x,y]` (or point=, coordinate=) is a point; `element="words"`
 * or `target="words"` is a target in words for the grounder, as in any other intent; `ref=` rides along.
 */
function locationOf(args: Fields, name: string): Location {
  const given = args.element ?? args.point ?? args.coordinate;
  const point = pointOf(given);
  if (point) return { where: { point } };
  const words = [args.element, args.target].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  if (given !== undefined && typeof given !== 'string') return { error: `do(action="${name}"): element must be [x,y] in 0-999 coordinates or the element in words, e.g. element="the Search button".` };
  const where: Fields = {};
  if (words) where.target = words.trim();
  if (args.ref !== undefined) where.ref = args.ref;
  return { where };
}

const autoglmActions = 'Tap, Double Tap, Long Press, Type, Select, Check, Hover, Scroll, Swipe, Back, Wait, Take_over, Interact, Note or finish(message="...")';
/** Keys that say where, read by locationOf, and never passed on as fields. */
const locationKeys = new Set(['element', 'point', 'coordinate', 'target', 'ref']);

/**
 * AutoGLM's phone actions as intents. Long Press becomes a right click (on the web, both open the
 * context menu); Swipe becomes a scroll whose direction is where the content moves (a finger moving
 * up scrolls down); Interact asks the person to choose, as AutoGLM's prompt defines it. Launch, Home
 * and Call_API have no web counterpart. The web's own actions (Select, Check, Hover, Scroll, Press...)
 * are read too, with their fields as the intent has them.
 */
function fromAutoglm(answer: string, context: ParseContext): { action: string; fields: Fields } | { error: string } {
  const call = autoglmCall.exec(answer);
  if (!call) return { error: `The do(...) call is malformed; write it as do(action="Tap", element="the Search button") or finish(message="...").` };
  const read = readArguments(answer.slice(call.index + call[0].length), call[1] ?? 'do');
  if (!read.ok) return { error: read.error };
  const { args } = read;
  const message = text(args.message) ?? text(args._0);
  if (call[1] === 'finish') return { action: 'finish', fields: { success: true, ...(message ? { answer: message } : {}) } };
  const name = typeof args.action === 'string' ? args.action : '';
  if (!name) return { error: `The do(...) call has no action; write it as do(action="Tap", element="the Search button").` };
  const location = locationOf(args, name);
  if ('error' in location) return location;
  const { where } = location;
  const located = Object.keys(where).length > 0;
  const at = (action: string, fields: Fields) =>
    located ? { action, fields: { ...where, ...fields } } : { error: `do(action="${name}") does not say which element: add element="the ... button" (words) or element=[x,y] (0-999).` };
  // AutoGLM marks a consequential step with message="..."; an intent calls that `sensitive`.
  const rest = Object.fromEntries(
    Object.entries(args)
      .filter(([key]) => key !== 'action' && !locationKeys.has(key) && !key.startsWith('_'))
      .map(([key, value]) => [key === 'message' ? 'sensitive' : key, value]),
  );
  const key = name.toLowerCase().replace(/[\s_-]+/g, '');
  switch (key) {
    case 'tap':
    case 'click':
      return at('click', message ? { sensitive: message } : {});
    case 'doubletap':
    case 'doubleclick':
      return at('click', { count: 2 });
    case 'longpress':
    case 'rightclick':
      return at('click', { button: 'right' });
    case 'type':
    case 'typename':
    case 'input':
      if (!located) return { error: `do(action="${name}") does not say which field: add element="the Search box" (words) or element=[x,y] (0-999).` };
      return { action: 'type', fields: { ...where, ...rest } };
    case 'select': {
      const { value, text: label, ...others } = rest;
      const option = rest.option ?? value ?? label;
      return at('select', { ...others, ...(option === undefined ? {} : { option }) });
    }
    case 'check':
    case 'uncheck':
      return at('check', { ...rest, ...(key === 'uncheck' ? { checked: false } : {}) });
    case 'hover':
      return at('hover', rest);
    case 'scroll':
      return { action: 'scroll', fields: { ...where, ...rest } };
    case 'swipe': {
      const [start, end] = [pointOf(args.start), pointOf(args.end)];
      if (!start || !end) return { error: `do(action="${name}") needs start=[x,y] and end=[x,y].` };
      const [dx, dy] = [end[0] - start[0], end[1] - start[1]];
      if (dx === 0 && dy === 0) return { error: `do(action="${name}") has the same start and end; move at least one of them.` };
      const vertical = Math.abs(dy) >= Math.abs(dx);
      const direction = vertical ? (dy < 0 ? 'down' : 'up') : dx < 0 ? 'right' : 'left';
      const size = vertical ? context.viewport?.height : context.viewport?.width;
      const amount = size ? Math.max(1, Math.round((Math.abs(vertical ? dy : dx) / 1000) * size)) : 'page';
      // A swipe that names a region in words scrolls that region, not the page.
      return { action: 'scroll', fields: { direction, amount, ...(typeof where.target === 'string' ? { target: where.target } : {}) } };
    }
    case 'back':
      return { action: 'back', fields: {} };
    case 'wait': {
      const duration = args.duration ?? args.seconds;
      const seconds = typeof duration === 'number' ? duration : Number.parseFloat(typeof duration === 'string' ? duration : '1');
      return { action: 'wait', fields: { seconds: Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 60) : 1 } };
    }
    case 'takeover':
      return { action: 'ask_user', fields: { kind: 'takeover', question: message ?? 'Please take over, then tell me when you are done.' } };
    case 'interact':
      return { action: 'ask_user', fields: { kind: 'choice', question: message ?? 'Several options match; which one should I choose?' } };
    case 'note':
      if (!message || /^(true|false)$/i.test(message)) return { error: `do(action="Note") must carry what to keep: do(action="Note", message="...").` };
      return { action: 'note', fields: { content: message } };
    case 'launch':
    case 'home':
      return { error: `do(action="${name}") has no web equivalent; use "navigate" with a URL.` };
    case 'callapi':
      return { error: `do(action="${name}") has no web equivalent; keep facts with "note" and answer with finish(message="...").` };
    default: {
      // Any other intent by its own name (press, navigate, forward...), with its own fields.
      const action = actionOf(name);
      if (action && action !== 'finish') return { action, fields: { ...where, ...rest } };
      return { error: `Unknown AutoGLM action "${name}"; use one of: ${autoglmActions}.` };
    }
  }
}

// ---- Validation -------------------------------------------------------------------------------

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((current, key) => (isRecord(current) || Array.isArray(current) ? (current as Record<PropertyKey, unknown>)[key] : undefined), value);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const typeNames: Record<string, string> = { int: 'an integer', array: 'a list', tuple: 'a list', object: 'an object' };

/** What a union accepts, from its branches' first issues: `1, 2` or `page, half, a number`. */
function alternatives(issue: core.$ZodIssue): string[] {
  if (issue.code === 'invalid_value') return issue.values.map(String);
  if (issue.code === 'invalid_type') return [typeNames[issue.expected] ?? `a ${issue.expected}`];
  if (issue.code === 'invalid_union') return issue.errors.flatMap((branch) => (branch[0] ? alternatives(branch[0]) : []));
  return [];
}

function explain(action: ActionName, candidate: Fields, issue: core.$ZodIssue): string {
  const [root] = issue.path;
  if (root === undefined) return `Action "${action}": ${issue.message}.`;
  const field = String(root);
  const value = valueAt(candidate, issue.path);
  const of = `Field "${field}" of action "${action}"`;
  if (field === 'point') return `${of} must be [x, y] with x and y from 0 to 999.`;
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === undefined && issue.path.length === 1) return `Field "${field}" is required for action "${action}".`;
  if (issue.code === 'invalid_type') return `${of} must be ${alternatives(issue).join(', ')}, not ${kindOf(value)}.`;
  if (issue.code === 'invalid_value' || issue.code === 'invalid_union') return `${of} must be one of: ${alternatives(issue).join(', ')}.`;
  const at = issue.path.length > 1 ? ` (at ${issue.path.map(String).join('.')})` : '';
  return `${of}${at}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}.`;
}

/** A point in pixels (a coordinate above 999) becomes 0-999 when the viewport is known. */
function normalisePoint(value: unknown, viewport: ParseContext['viewport']): unknown {
  const point = isRecord(value) && typeof value.x === 'number' && typeof value.y === 'number' ? [value.x, value.y] : value;
  const pair = typeof point === 'string' || Array.isArray(point) ? pointOf(point) : undefined;
  if (!pair) return point;
  if (!viewport || (pair[0] <= 999 && pair[1] <= 999)) return pair;
  const scale = (n: number, size: number) => Math.min(999, Math.round((n / size) * 1000));
  return [scale(pair[0], viewport.width), scale(pair[1], viewport.height)];
}

function toIntent(format: ReplyFormat, name: string, fields: Fields, thought: string | undefined, context: ParseContext): ParsedReply {
  const action = actionOf(name);
  if (!action) return fail(format, `Unknown action "${name}"; use one of: ${actionList}.`);
  const candidate: Fields = { ...fields, action };
  if (candidate.point !== undefined) candidate.point = normalisePoint(candidate.point, context.viewport);
  const result = Intent.safeParse(candidate);
  if (result.success) return { ok: true, intent: result.data, format, ...(thought ? { thought } : {}) };
  const known = Object.keys(intentSchemas[action].shape);
  const unknown = Object.keys(fields).filter((key) => !known.includes(key) && key !== 'action');
  const hint = unknown.length > 0 ? ` Unknown field ${unknown.map((key) => `"${key}"`).join(', ')}; "${action}" takes: ${known.filter((key) => key !== 'action').join(', ')}.` : '';
  const [first] = result.error.issues;
  return fail(format, (first ? explain(action, candidate, first) : `The "${action}" intent is not valid.`) + hint);
}

// ---- Entry ------------------------------------------------------------------------------------

function fromToolCall(call: { name: string; arguments: string }, thought: string | undefined, context: ParseContext): ParsedReply {
  const parsed = call.arguments.trim() ? parseLoose(call.arguments) : { ok: true as const, value: {} };
  if (!parsed.ok) return fail('tool', `The arguments of tool call "${call.name}" are not valid JSON (${parsed.error}). Send the call again with a JSON object as arguments.`);
  if (!isRecord(parsed.value)) return fail('tool', `The arguments of tool call "${call.name}" must be a JSON object, not ${kindOf(parsed.value)}.`);
  const { thought: own, action, ...fields } = parsed.value;
  // A generic tool ("act", "intent") that carries the action inside its arguments is read the same way.
  const name = !actionOf(call.name) && typeof action === 'string' && actionOf(action) ? action : call.name;
  return toIntent('tool', name, fields, text(own) ?? thought, context);
}

function fromContent(content: string, context: ParseContext): ParsedReply {
  const { thought: think, rest } = splitThink(content);
  const answer = /<answer>([\s\S]*?)(?:<\/answer>|$)/i.exec(rest)?.[1] ?? rest;
  const prose = text(rest.slice(0, Math.max(0, rest.search(/<answer>|\b(?:do|finish)\s*[(\uff08]/i))).replace(/<\/?answer>/gi, ''));
  const autoglm = () => {
    const read = fromAutoglm(answer, context);
    if ('error' in read) return fail('autoglm', read.error);
    return toIntent('autoglm', read.action, read.fields, think ?? prose, context);
  };
  if (/^\s*(?:do|finish)\s*[(\uff08]/.test(answer)) return autoglm();

  const fences = [...answer.matchAll(/```[\w-]*\s*([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const fenced = fences.map(findObjects).filter((found) => found.spans.length > 0);
  const { spans, cut } = fenced.length > 0 ? { spans: fenced.flatMap((found) => found.spans), cut: false } : findObjects(answer);
  if (spans.length === 0) {
    if (cut) return fail('json', `The JSON object in the reply is cut off (its braces do not close). ${howToFix(context)}`);
    if (/\b(?:do\s*[(\uff08]\s*action|finish\s*[(\uff08]\s*message)\s*[=\uff1d]/.test(answer)) return autoglm();
    return fail('unknown', `The reply has no tool call and no JSON object. ${howToFix(context)}`);
  }

  const parsed = spans.map(parseLoose);
  const objects = parsed.flatMap((result) => (result.ok && isRecord(result.value) ? [result.value] : []));
  if (objects.length === 0) {
    const [first] = parsed;
    const detail = first && !first.ok ? ` (${first.error})` : '';
    return fail('json', `The JSON in the reply is not a valid object${detail}. ${howToFix(context)}`);
  }
  const intents = objects.filter((object) => Object.keys(object).some((key) => key !== 'thought'));
  if (intents.length > 1) return fail('json', `The reply has ${intents.length} JSON objects; send exactly one intent per step.`);
  const read = unwrap(intents[0] ?? objects[0] ?? {});
  if ('error' in read) return fail('json', read.error);
  const thought = read.thought ?? objects.map((object) => text(object.thought)).find(Boolean) ?? think;
  return toIntent('json', read.action, read.fields, thought, context);
}

/** Never throws: a reply that cannot be read becomes an error to send back to the model. */
export function parseReply(message: ReplyMessage, context: ParseContext = {}): ParsedReply {
  try {
    const content = typeof message.content === 'string' ? message.content : '';
    const call = message.tool_calls?.find((candidate) => candidate.function)?.function;
    if (call) {
      const { thought, rest } = splitThink(content);
      return fromToolCall(call, thought ?? text(rest), context);
    }
    if (!content.trim()) return fail('unknown', `The reply is empty: no tool call and no text. ${howToFix(context)}`);
    return fromContent(content, context);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('unknown', `The reply could not be read (${detail}). ${howToFix(context)}`);
  }
}
