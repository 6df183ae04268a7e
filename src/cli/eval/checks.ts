import type { Page } from 'playwright-core';
import type { Trace } from '../../shared/run.ts';
import type { Check } from './suite.ts';

// Checks on the end of a run: the page the run ended on, and the run itself (answer, status).
// Page checks are read again for a moment when they fail, as a person glancing at a page that is
// still settling would (a toast that appears 300 ms after the last click).

export interface CheckOutcome {
  /** The check in words: 'text of `#cart-count` equals "1"'. */
  description: string;
  expected: string;
  /** What was seen, in words: '"2"', '(no element matches `#done`)'. */
  actual: string;
  held: boolean;
}

type Value = string | number | boolean | undefined;
interface Seen {
  value: Value;
  /** Why there is no value, when there is none. */
  missing?: string;
}

const pageKinds = new Set<Check['kind']>(['text', 'value', 'attribute', 'checked', 'exists', 'not-exists', 'visible', 'hidden', 'count', 'url', 'title']);
const SETTLE_MS = 2_000;
const READ_TIMEOUT_MS = 2_000;

type TextCheck = Extract<Check, { kind: 'text' | 'value' | 'attribute' | 'url' | 'title' | 'answer' }>;

export function matchText(check: Pick<TextCheck, 'equals' | 'contains' | 'matches' | 'ignoreCase'>, actual: string): boolean {
  const fold = (text: string) => (check.ignoreCase ? text.toLowerCase() : text);
  if (check.matches !== undefined) return new RegExp(check.matches, check.ignoreCase ? 'i' : '').test(actual);
  if (check.contains !== undefined) return fold(actual).includes(fold(check.contains));
  return fold(actual.trim()) === fold((check.equals ?? '').trim());
}

function expectation(check: Check): string {
  switch (check.kind) {
    case 'checked':
      return check.equals ? 'checked' : 'not checked';
    case 'exists':
      return 'at least one element';
    case 'not-exists':
      return 'no element';
    case 'visible':
      return 'visible';
    case 'hidden':
      return 'hidden or absent';
    case 'count':
      if (check.equals !== undefined) return `= ${check.equals}`;
      if (check.min !== undefined && check.max !== undefined) return `between ${check.min} and ${check.max}`;
      return check.min !== undefined ? `>= ${check.min}` : `<= ${check.max}`;
    case 'status':
      return check.equals;
    case 'success':
      return String(check.equals);
    default: {
      const how = check.matches !== undefined ? `matches /${check.matches}/` : check.contains !== undefined ? `contains ${JSON.stringify(check.contains)}` : `equals ${JSON.stringify(check.equals)}`;
      return check.ignoreCase ? `${how} (any case)` : how;
    }
  }
}

// Selectors in backticks: they hold quotes of their own, and read as code in the Markdown report.
const code = (selector: string) => `\`${selector}\``;

function subject(check: Check): string {
  const inFrame = 'frame' in check && check.frame ? ` in frame ${code(check.frame)}` : '';
  switch (check.kind) {
    case 'text':
    case 'value':
      return `${check.kind} of ${code(check.selector)}${inFrame}`;
    case 'attribute':
      return `${check.name} of ${code(check.selector)}${inFrame}`;
    case 'checked':
    case 'exists':
    case 'not-exists':
    case 'visible':
    case 'hidden':
      return `${code(check.selector)}${inFrame}`;
    case 'count':
      return `count of ${code(check.selector)}${inFrame}`;
    case 'url':
      return 'URL';
    case 'title':
      return 'page title';
    case 'answer':
      return 'answer';
    case 'status':
      return 'run status';
    case 'success':
      return 'run success';
  }
}

export function describeCheck(check: Check): string {
  return `${subject(check)} ${expectation(check)}`;
}

/** Whether a check holds for the value seen; pure, so the rules are testable without a browser. */
export function judge(check: Check, value: Value): boolean {
  switch (check.kind) {
    case 'checked':
      return value === check.equals;
    case 'exists':
      return typeof value === 'number' && value > 0;
    case 'not-exists':
      return value === 0;
    case 'visible':
      return value === true;
    case 'hidden':
      return value === false;
    case 'count':
      return typeof value === 'number' && (check.equals === undefined || value === check.equals) && (check.min === undefined || value >= check.min) && (check.max === undefined || value <= check.max);
    case 'status':
    case 'success':
      return value === check.equals;
    default:
      return typeof value === 'string' && matchText(check, value);
  }
}

function shown(check: Check, seen: Seen): string {
  const { value } = seen;
  if (value === undefined) return `(${seen.missing ?? 'nothing'})`;
  switch (check.kind) {
    case 'checked':
      return value ? 'checked' : 'not checked';
    case 'exists':
    case 'not-exists':
      return `${String(value)} element${value === 1 ? '' : 's'}`;
    case 'visible':
    case 'hidden':
      return value ? 'visible' : 'hidden or absent';
    default:
      return typeof value === 'string' ? JSON.stringify(value) : String(value);
  }
}

async function readPage(check: Check, page: Page): Promise<Seen> {
  if (check.kind === 'url') return { value: page.url() };
  if (check.kind === 'title') return { value: await page.title() };
  if (!('selector' in check)) return { value: undefined };
  const scope = check.frame ? page.frameLocator(check.frame) : page;
  const all = scope.locator(check.selector);
  const count = await all.count();
  if (check.kind === 'exists' || check.kind === 'not-exists' || check.kind === 'count') return { value: count };
  if (check.kind === 'visible' || check.kind === 'hidden') {
    const visible = await Promise.all((await all.all()).map((element) => element.isVisible()));
    return { value: visible.some(Boolean) };
  }
  if (count === 0) return { value: undefined, missing: `no element matches ${code(check.selector)}` };
  const first = all.first();
  const options = { timeout: READ_TIMEOUT_MS };
  switch (check.kind) {
    case 'text':
      return { value: ((await first.textContent(options)) ?? '').replace(/\s+/g, ' ').trim() };
    case 'value':
      return { value: await first.inputValue(options) };
    case 'attribute': {
      const attribute = await first.getAttribute(check.name, options);
      return attribute === null ? { value: undefined, missing: `no ${check.name} attribute` } : { value: attribute };
    }
    case 'checked':
      return { value: await first.isChecked(options) };
    default:
      return { value: undefined };
  }
}

async function read(check: Check, page: Page | undefined, trace: Trace): Promise<Seen> {
  if (check.kind === 'answer') return trace.run.answer === undefined ? { value: undefined, missing: 'no answer' } : { value: trace.run.answer };
  if (check.kind === 'status') return { value: trace.run.status };
  if (check.kind === 'success') return trace.run.success === undefined ? { value: undefined, missing: 'the run did not say' } : { value: trace.run.success };
  if (!page || page.isClosed()) return { value: undefined, missing: "the run's tab is closed" };
  try {
    return await readPage(check, page);
  } catch (error) {
    return { value: undefined, missing: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'error' };
  }
}

/** A check that could not be read because the task ended early. */
export function notChecked(check: Check): CheckOutcome {
  return { description: describeCheck(check), expected: expectation(check), actual: '(not checked)', held: false };
}

export async function evaluateCheck(check: Check, page: Page | undefined, trace: Trace): Promise<CheckOutcome> {
  const seen = await read(check, page, trace);
  return { description: describeCheck(check), expected: expectation(check), actual: shown(check, seen), held: judge(check, seen.value) };
}

/** Every check, read again for up to two seconds while a page check fails. */
export async function evaluateChecks(checks: Check[], page: Page | undefined, trace: Trace, settleMs = SETTLE_MS): Promise<CheckOutcome[]> {
  const deadline = Date.now() + settleMs;
  for (;;) {
    const outcomes: CheckOutcome[] = [];
    for (const check of checks) outcomes.push(await evaluateCheck(check, page, trace));
    const waiting = outcomes.some((outcome, index) => !outcome.held && pageKinds.has(checks[index]!.kind));
    if (!waiting || !page || Date.now() >= deadline) return outcomes;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
