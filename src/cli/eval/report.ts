import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckOutcome } from './checks.ts';
import type { TaskResult } from './runner.ts';
import type { Suite } from './suite.ts';
import { describeStep } from '../step-line.ts';

// The report of an eval: report.json for machines, report.md for people, traces/<id>.json for
// each task that got as far as a run.

export interface TaskReport {
  id: string;
  goal: string;
  startUrl: string;
  passed: boolean;
  checks: CheckOutcome[];
  status?: string | undefined;
  stopReason?: string | undefined;
  success?: boolean | undefined;
  answer?: string | undefined;
  steps: number;
  tokens: { prompt: number; completion: number; total: number };
  costUsd: number;
  wallMs: number;
  /** The last step in words, with how it came out. */
  lastStep?: string | undefined;
  /** Why the task could not be run to its end. */
  error?: string | undefined;
  /** The trace, relative to the report. */
  trace?: string | undefined;
}

export interface EvalReport {
  suite: string;
  description?: string | undefined;
  model: string;
  date: string;
  tasks: number;
  passed: number;
  failed: number;
  successRate: number;
  meanSteps: number;
  tokens: { prompt: number; completion: number; total: number };
  costUsd: number;
  /** From the first task's start to the last one's end. */
  elapsedMs: number;
  /** The tasks' own times added up, and their mean. */
  totalMs: number;
  meanMs: number;
  results: TaskReport[];
}

function taskReport(result: TaskResult): TaskReport {
  const run = result.trace?.run;
  const usage = run?.usage ?? { promptTokens: 0, completionTokens: 0, costUsd: 0 };
  const last = result.trace?.steps.at(-1);
  return {
    id: result.task.id,
    goal: result.task.goal,
    startUrl: result.task.startUrl,
    passed: result.passed,
    checks: result.checks,
    status: run?.status,
    stopReason: run?.stopReason,
    success: run?.success,
    answer: run?.answer,
    steps: run?.stepCount ?? 0,
    tokens: { prompt: usage.promptTokens, completion: usage.completionTokens, total: usage.promptTokens + usage.completionTokens },
    costUsd: usage.costUsd,
    wallMs: result.wallMs,
    lastStep: last ? describeStep(last) : undefined,
    error: result.error,
    trace: result.trace ? `traces/${result.task.id}.json` : undefined,
  };
}

export function buildReport(suite: Suite, results: TaskResult[], meta: { model: string; startedAt: Date; elapsedMs: number }): EvalReport {
  const tasks = results.map(taskReport);
  const sum = (pick: (task: TaskReport) => number) => tasks.reduce((total, task) => total + pick(task), 0);
  const passed = tasks.filter((task) => task.passed).length;
  const count = Math.max(1, tasks.length);
  return {
    suite: suite.name,
    description: suite.description,
    model: meta.model,
    date: meta.startedAt.toISOString(),
    tasks: tasks.length,
    passed,
    failed: tasks.length - passed,
    successRate: tasks.length ? passed / tasks.length : 0,
    meanSteps: sum((task) => task.steps) / count,
    tokens: { prompt: sum((task) => task.tokens.prompt), completion: sum((task) => task.tokens.completion), total: sum((task) => task.tokens.total) },
    costUsd: sum((task) => task.costUsd),
    elapsedMs: meta.elapsedMs,
    totalMs: sum((task) => task.wallMs),
    meanMs: sum((task) => task.wallMs) / count,
    results: tasks,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const dollars = (usd: number) => `$${usd.toFixed(4)}`;
const count = (n: number) => n.toLocaleString('en-US');
// Table cells: one line, and no pipe that would end the cell.
const cell = (text: string) => text.replace(/\s+/g, ' ').replaceAll('|', '\\|');

export function summaryLine(report: EvalReport): string {
  return (
    `${report.suite}: ${report.passed}/${report.tasks} passed (${percent(report.successRate)}) with ${report.model}; ` +
    `mean ${report.meanSteps.toFixed(1)} steps, ${count(report.tokens.total)} tokens, ${dollars(report.costUsd)}, ${seconds(report.elapsedMs)}`
  );
}

function failure(task: TaskReport): string[] {
  const lines = [`### ${task.id}`, '', `Goal: ${task.goal}`, ''];
  if (task.error) lines.push(`- Error: ${task.error}`);
  for (const check of task.checks.filter((entry) => !entry.held)) {
    lines.push(`- Check that did not hold: ${check.description}. Expected ${check.expected}; actual ${check.actual}.`);
  }
  lines.push(`- Last step: ${task.lastStep ?? '(none)'}`);
  if (task.status) lines.push(`- Run ${task.status}${task.stopReason ? `: ${task.stopReason}` : ''}`);
  if (task.answer !== undefined) lines.push(`- Answer: ${task.answer}`);
  if (task.trace) lines.push(`- Trace: [${task.trace}](${task.trace})`);
  return [...lines, ''];
}

export function markdown(report: EvalReport): string {
  const lines = [
    `# Eval: ${report.suite}`,
    '',
    ...(report.description ? [report.description, ''] : []),
    summaryLine(report),
    '',
    '| tasks | passed | success rate | mean steps | tokens | cost | total time | mean time | model | date |',
    '|---|---|---|---|---|---|---|---|---|---|',
    `| ${report.tasks} | ${report.passed} | ${percent(report.successRate)} | ${report.meanSteps.toFixed(1)} | ${count(report.tokens.total)} | ${dollars(report.costUsd)} | ${seconds(report.elapsedMs)} | ${seconds(report.meanMs)} | ${cell(report.model)} | ${report.date} |`,
    '',
    '| task | result | steps | tokens | cost | time | last step | trace |',
    '|---|---|---|---|---|---|---|---|',
    ...report.results.map(
      (task) =>
        `| ${task.id} | ${task.passed ? 'pass' : 'FAIL'} | ${task.steps} | ${count(task.tokens.total)} | ${dollars(task.costUsd)} | ${seconds(task.wallMs)} | ${cell(task.lastStep ?? task.error ?? '')} | ${task.trace ? `[trace](${task.trace})` : ''} |`,
    ),
    '',
  ];
  const failures = report.results.filter((task) => !task.passed);
  if (failures.length) lines.push('## Failures', '', ...failures.flatMap(failure));
  return `${lines.join('\n').trimEnd()}\n`;
}

export async function writeReport(dir: string, report: EvalReport, results: TaskResult[]): Promise<void> {
  await mkdir(join(dir, 'traces'), { recursive: true });
  await Promise.all(results.flatMap((result) => (result.trace ? [writeFile(join(dir, 'traces', `${result.task.id}.json`), `${JSON.stringify(result.trace, null, 2)}\n`)] : [])));
  await writeFile(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(dir, 'report.md'), markdown(report));
}
