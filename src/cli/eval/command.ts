import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chooseModel, positiveInteger, UsageError } from '../options.ts';
import { buildReport, summaryLine, writeReport } from './report.ts';
import { runSuite, type TaskResult } from './runner.ts';
import { loadSuite, SuiteError } from './suite.ts';

// `eval --suite <dir> [--workers N] [--out <dir>] [--base-url U] [--model M] [--max-steps N]
// [--timeout S] [--approve] [--headed]`: exit 0 only when every task passed, 2 for bad input.

function flags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        suite: { type: 'string' },
        workers: { type: 'string' },
        out: { type: 'string' },
        'base-url': { type: 'string' },
        model: { type: 'string' },
        'request-timeout': { type: 'string' },
        'max-retries': { type: 'string' },
        'price-in': { type: 'string' },
        'price-out': { type: 'string' },
        'max-steps': { type: 'string' },
        timeout: { type: 'string' },
        approve: { type: 'boolean', default: false },
        headed: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function printResult(result: TaskResult): void {
  const steps = result.trace?.run.stepCount ?? 0;
  const head = `${result.passed ? '✓' : '✗'} ${result.task.id} (${steps} step${steps === 1 ? '' : 's'}, ${(result.wallMs / 1000).toFixed(1)} s)`;
  const missed = result.checks.find((check) => !check.held);
  const why = result.error ?? (missed ? `${missed.description}; actual ${missed.actual}` : undefined);
  console.log(result.passed || !why ? head : `${head}: ${why}`);
}

export async function evalCommand(argv: string[]): Promise<number> {
  const values = flags(argv);
  if (!values.suite) throw new UsageError('eval needs --suite <dir>: a folder with suite.json and one JSON file per task.');
  const workers = positiveInteger('--workers', values.workers) ?? 1;
  const maxSteps = positiveInteger('--max-steps', values['max-steps']);
  const timeout = positiveInteger('--timeout', values.timeout);
  let suite: ReturnType<typeof loadSuite>;
  try {
    suite = loadSuite(values.suite);
  } catch (error) {
    throw error instanceof SuiteError ? new UsageError(error.message) : error;
  }
  const model = chooseModel(values);
  const startedAt = new Date();
  const out = resolve(values.out ?? join('eval-results', `${suite.name}-${startedAt.toISOString().replace(/\.\d+Z$/, '').replaceAll(':', '-')}`));

  console.log(`Eval ${suite.name}: ${suite.tasks.length} tasks, ${Math.min(workers, suite.tasks.length)} browser${workers > 1 ? 's' : ''}, model ${model.model}.`);
  const results = await runSuite(suite, {
    ...model,
    workers,
    maxSteps,
    approve: values.approve,
    headed: values.headed,
    ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
    onResult: printResult,
  });
  const report = buildReport(suite, results, { model: model.model, startedAt, elapsedMs: Date.now() - startedAt.getTime() });
  await writeReport(out, report, results);
  console.log(summaryLine(report));
  console.log(`Report: ${join(out, 'report.md')}`);
  return report.failed === 0 ? 0 : 1;
}
