import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { RunStatus } from '../../shared/run.ts';

// A suite is a folder: suite.json (name, description, optionally "serve": a folder of pages to
// serve on 127.0.0.1) and one JSON file per task beside it. Tasks hold a goal, a start URL
// ({{site}} stands for the served folder's origin) and checks on the end state.

const Text = z.string().min(1, 'must not be empty');

/** A pattern that does not compile is refused when the suite is read, not when a task ends. */
const Pattern = Text.refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'is not a valid regular expression');

const Match = { equals: z.string().optional(), contains: Text.optional(), matches: Pattern.optional(), ignoreCase: z.boolean().optional() };
const Element = { selector: Text, frame: Text.optional() };
const Count = z.number().int().nonnegative();

const checkOptions = [
  z.strictObject({ kind: z.literal('text'), ...Element, ...Match }),
  z.strictObject({ kind: z.literal('value'), ...Element, ...Match }),
  z.strictObject({ kind: z.literal('attribute'), ...Element, name: Text, ...Match }),
  z.strictObject({ kind: z.literal('checked'), ...Element, equals: z.boolean().default(true) }),
  z.strictObject({ kind: z.literal('exists'), ...Element }),
  z.strictObject({ kind: z.literal('not-exists'), ...Element }),
  z.strictObject({ kind: z.literal('visible'), ...Element }),
  z.strictObject({ kind: z.literal('hidden'), ...Element }),
  z.strictObject({ kind: z.literal('count'), ...Element, equals: Count.optional(), min: Count.optional(), max: Count.optional() }),
  z.strictObject({ kind: z.literal('url'), ...Match }),
  z.strictObject({ kind: z.literal('title'), ...Match }),
  z.strictObject({ kind: z.literal('answer'), ...Match }),
  z.strictObject({ kind: z.literal('status'), equals: RunStatus }),
  z.strictObject({ kind: z.literal('success'), equals: z.boolean().default(true) }),
] as const;
export const checkKinds = checkOptions.map((option) => option.shape.kind.value);
const textKinds = new Set(['text', 'value', 'attribute', 'url', 'title', 'answer']);

export const Check = z.discriminatedUnion('kind', checkOptions).superRefine((check, context) => {
  if (check.kind === 'count' && check.equals === undefined && check.min === undefined && check.max === undefined) {
    context.addIssue({ code: 'custom', message: 'a count check needs "equals", "min" or "max"' });
  }
  if (!textKinds.has(check.kind)) return;
  const given = (['equals', 'contains', 'matches'] as const).filter((key) => (check as Record<string, unknown>)[key] !== undefined);
  if (given.length !== 1) {
    context.addIssue({ code: 'custom', message: `a ${check.kind} check needs exactly one of "equals", "contains" or "matches"${given.length ? `, not ${given.join(' and ')}` : ''}` });
  }
});
export type Check = z.infer<typeof Check>;

export const Task = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, ".", "-" and "_" (it names the trace file)'),
  goal: Text,
  startUrl: Text,
  maxSteps: z.number().int().positive().optional(),
  /** Let consequential steps (paying, deleting, sending) go ahead in this task. */
  approve: z.boolean().optional(),
  timeoutSeconds: z.number().positive().optional(),
  checks: z.array(Check).min(1, 'list at least one check'),
});
export type Task = z.infer<typeof Task> & { file: string };

export const SuiteFile = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, ".", "-" and "_" (it names the results folder)'),
  description: z.string().optional(),
  serve: Text.optional(),
});

export interface Suite {
  name: string;
  description?: string | undefined;
  dir: string;
  /** The absolute folder served for {{site}}, when the suite brings its own pages. */
  serve?: string | undefined;
  tasks: Task[];
}

/** A suite that cannot be used: the message names the file and the field. */
export class SuiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const path = issue.path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`)).join('');
  let message = issue.message;
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'kind') {
    const given = issue.path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), input);
    message = given === undefined ? `a check needs a "kind" (one of ${checkKinds.join(', ')})` : `unknown check kind ${JSON.stringify(given)} (use one of ${checkKinds.join(', ')})`;
  }
  return path ? `${path}: ${message}` : message;
}

function parseFile<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SuiteError(`${file}: not readable JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new SuiteError(`${file}: ${parsed.error.issues.map((issue) => describeIssue(issue, raw)).join('; ')}.`);
  return parsed.data;
}

/** A run that did not finish (the model unreachable, a step denied, a budget spent) fails its task, unless the task checks the outcome itself. */
function withOutcomeCheck(checks: Check[]): Check[] {
  return checks.some((check) => check.kind === 'status' || check.kind === 'success') ? checks : [...checks, { kind: 'status', equals: 'finished' }];
}

export function loadSuite(folder: string): Suite {
  const dir = resolve(folder);
  if (!existsSync(dir)) throw new SuiteError(`No suite at ${dir}: the folder does not exist.`);
  if (!statSync(dir).isDirectory()) throw new SuiteError(`${dir} is a file; --suite takes the folder that holds suite.json.`);
  const manifest = join(dir, 'suite.json');
  if (!existsSync(manifest)) throw new SuiteError(`${dir} has no suite.json (with at least {"name": "..."}).`);
  const head = parseFile(manifest, SuiteFile);
  const serve = head.serve === undefined ? undefined : resolve(dir, head.serve);
  if (serve !== undefined && !(existsSync(serve) && statSync(serve).isDirectory())) throw new SuiteError(`${manifest}: serve: no folder at ${serve}.`);

  const files = readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'suite.json').sort();
  if (files.length === 0) throw new SuiteError(`${dir} holds no tasks: add one JSON file per task beside suite.json.`);
  const seen = new Map<string, string>();
  const tasks = files.map((name): Task => {
    const file = join(dir, name);
    const task = parseFile(file, Task);
    const earlier = seen.get(task.id);
    if (earlier) throw new SuiteError(`${file}: id: "${task.id}" is already the id of ${earlier}.`);
    seen.set(task.id, file);
    if (task.startUrl.includes('{{site}}') && serve === undefined) throw new SuiteError(`${file}: startUrl: uses {{site}}, but ${manifest} has no "serve" folder.`);
    if (!URL.canParse(startUrlOf(task, 'http://127.0.0.1:1'))) throw new SuiteError(`${file}: startUrl: "${task.startUrl}" is not a URL.`);
    return { ...task, checks: withOutcomeCheck(task.checks), file };
  });
  return { name: head.name, description: head.description, dir, serve, tasks };
}

/** The task's start URL with {{site}} replaced by the served folder's origin. */
export function startUrlOf(task: Pick<Task, 'startUrl'>, site: string | undefined): string {
  return site === undefined ? task.startUrl : task.startUrl.replaceAll('{{site}}', site);
}
