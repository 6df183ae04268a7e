import { resolve } from 'node:path';
import { expect, test as base } from '@playwright/test';
import { launch, type Harness } from '../src/cli/harness.ts';
import { chooseModel } from '../src/cli/options.ts';
import { startStaticServer, type StaticServer } from '../src/cli/static-server.ts';
import { DEFAULT_TIMEOUT_MS, runTask } from '../src/cli/eval/runner.ts';
import { loadSuite } from '../src/cli/eval/suite.ts';

// One test per task of the suite in EVAL_SUITE, run by the same code as `npm run agent -- eval`.
// EVAL_APPROVE=1 approves consequential steps in every task, as --approve does.

const suite = loadSuite(resolve(process.env.EVAL_SUITE ?? 'evals/fixtures'));

const test = base.extend<object, { harness: Harness; site: StaticServer | undefined }>({
  harness: [
    async ({}, use) => {
      const harness = await launch();
      await use(harness);
      await harness.close();
    },
    { scope: 'worker' },
  ],
  site: [
    async ({}, use) => {
      const site = suite.serve ? await startStaticServer(suite.serve) : undefined;
      await use(site);
      await site?.close();
    },
    { scope: 'worker' },
  ],
});

for (const task of suite.tasks) {
  test(task.id, async ({ harness, site }, testInfo) => {
    test.setTimeout((task.timeoutSeconds ? task.timeoutSeconds * 1000 : DEFAULT_TIMEOUT_MS) + 60_000);
    const result = await runTask(harness, task, { ...chooseModel({}), site: site?.origin, approve: process.env.EVAL_APPROVE === '1' });
    if (result.trace) await testInfo.attach('trace', { body: JSON.stringify(result.trace, null, 2), contentType: 'application/json' });
    expect(result.error, `${task.id} could not run to its end`).toBeUndefined();
    for (const check of result.checks) expect.soft(check.held, `${check.description}; actual ${check.actual}`).toBe(true);
  });
}
