import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Step } from '../shared/run.ts';
import { launch } from './harness.ts';
import { chooseModel, positiveInteger } from './options.ts';
import { openStartPage } from './start-page.ts';
import { describeStep } from './step-line.ts';

// `run --url <url> --goal "<text>" [--trace out.json] [--max-steps N] [--base-url U] [--model M] [--headed]`

function printStep(step: Step): void {
  console.log(`${step.index + 1}. ${describeStep(step)}`);
  if (step.thought) console.log(`   thought: ${step.thought}`);
  for (const error of step.parseErrors) console.log(`   unusable reply: ${error}`);
}

export async function runCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      goal: { type: 'string' },
      trace: { type: 'string' },
      'max-steps': { type: 'string' },
      'base-url': { type: 'string' },
      model: { type: 'string' },
      'request-timeout': { type: 'string' },
      'max-retries': { type: 'string' },
      headed: { type: 'boolean', default: false },
      approve: { type: 'boolean', default: false },
    },
  });
  if (!values.url || !values.goal) {
    console.error('run needs --url <url> and --goal "<what to do>"');
    return 2;
  }
  const model = chooseModel(values);
  const maxSteps = positiveInteger('--max-steps', values['max-steps']);
  const browser = await launch({ headed: values.headed });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const loaded = await openStartPage(page, values.url);
    if (!loaded.ok) {
      console.error(loaded.message);
      return 1;
    }
    console.log(`Goal: ${values.goal}`);
    const trace = await browser.run(page, values.goal, {
      ...model,
      ...(maxSteps ? { maxSteps } : {}),
      onStep: printStep,
      approve: values.approve,
    });
    if (values.trace) await writeFile(values.trace, `${JSON.stringify(trace, null, 2)}\n`);
    const { run } = trace;
    console.log(`Run ${run.status}: ${run.stopReason ?? ''}${run.answer ? `\nAnswer: ${run.answer}` : ''}`);
    console.log(`${run.stepCount} steps, ${run.usage.promptTokens + run.usage.completionTokens} tokens${run.usage.costUsd ? `, $${run.usage.costUsd.toFixed(4)}` : ''}.`);
    return run.status === 'finished' && run.success === true ? 0 : 1;
  } finally {
    await browser.close();
  }
}
