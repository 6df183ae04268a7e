import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { describeIntent } from '../shared/describe.ts';
import type { ActResult } from '../shared/results.ts';
import { launch } from './harness.ts';
import { readPlan } from './plan.ts';
import { openStartPage } from './start-page.ts';

// `replay --url <url> --plan <file.json> [--trace out.json] [--headed]`: carries out a plan with
// no model, re-grounding every target on today's page. Exit 0 only if every step succeeded.

export async function replayCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { url: { type: 'string' }, plan: { type: 'string' }, trace: { type: 'string' }, headed: { type: 'boolean', default: false } },
  });
  if (!values.url || !values.plan) {
    console.error('replay needs --url <url> and --plan <file.json>');
    return 2;
  }
  const intents = await readPlan(values.plan);
  const browser = await launch({ headed: values.headed });
  const startedAt = new Date().toISOString();
  const steps: { index: number; intent: unknown; result: ActResult; durationMs: number }[] = [];
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const loaded = await openStartPage(page, values.url);
    if (!loaded.ok) {
      console.error(loaded.message);
      return 1;
    }
    for (const [index, intent] of intents.entries()) {
      const start = Date.now();
      const result = await browser.act(page, intent);
      steps.push({ index: index + 1, intent, result, durationMs: Date.now() - start });
      console.log(`${result.ok ? '✓' : '✗'} ${index + 1}/${intents.length} ${describeIntent(intent)} → ${result.kind}: ${result.message}`);
      if (!result.ok) break;
    }
  } finally {
    await browser.close();
  }
  const ok = steps.length === intents.length && steps.every((step) => step.result.ok);
  if (values.trace) {
    await writeFile(values.trace, `${JSON.stringify({ kind: 'webwright-replay', version: 1, url: values.url, startedAt, ok, steps }, null, 2)}\n`);
  }
  const skipped = intents.length - steps.length;
  console.log(ok ? `All ${intents.length} steps succeeded.` : `Stopped at step ${steps.length} of ${intents.length}${skipped ? ` (${skipped} not run)` : ''}.`);
  return ok ? 0 : 1;
}
