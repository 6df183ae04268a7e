import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { describeIntent } from '../shared/describe.ts';
import type { Step } from '../shared/run.ts';
import { launch } from './harness.ts';

// `run --url <url> --goal "<text>" [--trace out.json] [--max-steps N] [--base-url U] [--model M] [--headed]`

function printStep(step: Step): void {
  const what = step.intent ? describeIntent(step.intent) : 'no action';
  const outcome = step.error ? `error: ${step.error}` : step.result ? `${step.result.kind}: ${step.result.message}` : step.interrupted ? 'interrupted' : '';
  console.log(`${step.index + 1}. ${what} → ${outcome}`);
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
      headed: { type: 'boolean', default: false },
      approve: { type: 'boolean', default: false },
    },
  });
  if (!values.url || !values.goal) {
    console.error('run needs --url <url> and --goal "<what to do>"');
    return 2;
  }
  const baseURL = values['base-url'] ?? process.env.OPENAI_BASE_URL;
  const model = values.model ?? process.env.WEBWRIGHT_MODEL;
  if (!baseURL || !model) {
    console.error('Say which model to use: --base-url and --model, or OPENAI_BASE_URL and WEBWRIGHT_MODEL (and OPENAI_API_KEY if the server needs a key).');
    return 2;
  }
  const maxSteps = values['max-steps'] === undefined ? undefined : Number(values['max-steps']);
  if (maxSteps !== undefined && (!Number.isInteger(maxSteps) || maxSteps < 1)) {
    console.error(`--max-steps must be a positive whole number, not "${values['max-steps']}".`);
    return 2;
  }
  const browser = await launch({ headed: values.headed });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(values.url);
    console.log(`Goal: ${values.goal}`);
    const trace = await browser.run(page, values.goal, {
      baseURL,
      model,
      apiKey: process.env.OPENAI_API_KEY ?? '',
      ...(maxSteps ? { maxSteps } : {}),
      onStep: printStep,
      approve: values.approve,
    });
    if (values.trace) await writeFile(values.trace, `${JSON.stringify(trace, null, 2)}\n`);
    const { run } = trace;
    console.log(`Run ${run.status}: ${run.stopReason ?? ''}${run.answer ? `\nAnswer: ${run.answer}` : ''}`);
    console.log(`${run.stepCount} steps, ${run.usage.promptTokens + run.usage.completionTokens} tokens.`);
    return run.status === 'finished' && run.success === true ? 0 : 1;
  } finally {
    await browser.close();
  }
}
