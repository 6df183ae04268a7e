import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { EvalReport } from '../../src/cli/eval/report.ts';
import { checkKinds, loadSuite } from '../../src/cli/eval/suite.ts';
import type { Trace } from '../../src/shared/run.ts';
import { runCli } from '../support/cli.ts';
import { expect, test } from '../support/fixtures.ts';
import { startModelServer, type ScriptedReply } from '../support/model-server.ts';

// The eval runner end to end: the real CLI, real browsers and the fixture sites; the model is the
// scripted server, answering each run by its goal from test/fixtures/eval-replies.json.

const root = fileURLToPath(new URL('../../', import.meta.url));
const suiteDir = join(root, 'evals', 'fixtures');
const replies = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'eval-replies.json'), 'utf8')) as Record<string, ScriptedReply[]>;
const modelEnv = (baseURL: string) => ({ ...process.env, OPENAI_BASE_URL: baseURL, WEBWRIGHT_MODEL: 'scripted', OPENAI_API_KEY: '' });
const readReport = async (out: string) => JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as EvalReport;

/** A loopback address where nothing listens. */
async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

// The long run takes both cores: the tests here go one after another.
test.describe.configure({ mode: 'default' });

test('eval runs the whole fixture suite in two browsers and reports each task, naming what failed', async () => {
  test.setTimeout(240_000);
  const suite = loadSuite(suiteDir);
  expect(suite.tasks.length).toBeGreaterThanOrEqual(30);
  const model = await startModelServer();
  const script: Record<string, ScriptedReply[]> = {
    ...replies,
    // Two tasks fail on purpose: a wrong answer, and a step that never happens.
    'table-noah-role': [
      { tool: 'click', args: { target: 'the Next page button' } },
      { tool: 'finish', args: { success: true, answer: 'Noah Williams is an Editor.' } },
    ],
    'settings-digest': [
      { tool: 'click', args: { target: 'the Notifications tab' } },
      { tool: 'finish', args: { success: true, answer: 'The digest is now monthly.' } },
    ],
  };
  for (const task of suite.tasks) model.route(task.goal, ...(script[task.id] ?? []));
  const out = join(await mkdtemp(join(tmpdir(), 'webwright-eval-')), 'results');
  try {
    // Prices as a person would give them for a paid model: $2 and $8 per million tokens.
    const result = await runCli(['eval', '--suite', suiteDir, '--workers', '2', '--out', out, '--price-in', '2', '--price-out', '8'], modelEnv(model.baseURL), { timeoutMs: 230_000 });
    const total = suite.tasks.length;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`fixtures: ${total - 2}/${total} passed (${(((total - 2) / total) * 100).toFixed(1)}%) with scripted`);
    expect(result.stdout).toContain(`Report: ${join(out, 'report.md')}`);
    expect(result.stdout).toMatch(/✗ table-noah-role \(2 steps, [\d.]+ s\): answer contains "viewer" \(any case\); actual "Noah Williams is an Editor\."/);
    // Every scripted reply was asked for: each run went through all its steps.
    expect(model.pending()).toBe(0);

    const report = await readReport(out);
    expect(report).toMatchObject({ suite: 'fixtures', model: 'scripted', tasks: total, passed: total - 2, failed: 2 });
    expect(report.successRate).toBeCloseTo((total - 2) / total, 6);
    expect(report.meanSteps).toBeGreaterThan(1);
    expect(report.tokens.total).toBeGreaterThan(0);
    const costOf = (tokens: { prompt: number; completion: number }) => (tokens.prompt * 2 + tokens.completion * 8) / 1e6;
    expect(report.costUsd).toBeCloseTo(costOf(report.tokens), 9);
    expect(report.results.map((task) => task.id)).toEqual(suite.tasks.map((task) => task.id));
    const byId = new Map(report.results.map((task) => [task.id, task]));

    const noah = byId.get('table-noah-role');
    expect(noah).toMatchObject({ passed: false, status: 'finished', answer: 'Noah Williams is an Editor.', steps: 2, trace: 'traces/table-noah-role.json' });
    expect(noah?.checks.filter((check) => !check.held)).toEqual([{ description: 'answer contains "viewer" (any case)', expected: 'contains "viewer" (any case)', actual: '"Noah Williams is an Editor."', held: false }]);
    expect(noah?.lastStep).toMatch(/^finish \(success\): Noah Williams is an Editor\. → ok/);
    const digest = byId.get('settings-digest');
    expect(digest?.checks.filter((check) => !check.held).map(({ description, actual }) => ({ description, actual }))).toEqual([
      { description: '`input[name="freq"][value="monthly"]` checked', actual: 'not checked' },
      { description: '`input[name="freq"][value="weekly"]` not checked', actual: 'checked' },
    ]);
    expect(digest?.lastStep).toMatch(/^finish \(success\): The digest is now monthly\./);

    const markdown = await readFile(join(out, 'report.md'), 'utf8');
    expect(markdown).toContain(`| ${total} | ${total - 2} | ${(((total - 2) / total) * 100).toFixed(1)}% |`);
    expect(markdown).toMatch(/\| shop-add-hoodie \| pass \| 2 \| [\d,]+ \| \$0\.0\d{3} \| [\d.]+ s \| finish \(success\): The Green Hoodie is in your cart\. → ok.* \| \[trace\]\(traces\/shop-add-hoodie\.json\) \|/);
    const failures = markdown.slice(markdown.indexOf('## Failures'));
    expect(failures).toContain('### table-noah-role');
    expect(failures).toContain('- Check that did not hold: answer contains "viewer" (any case). Expected contains "viewer" (any case); actual "Noah Williams is an Editor.".');
    expect(failures).toMatch(/- Last step: finish \(success\): Noah Williams is an Editor\. → ok/);
    expect(failures).toContain('- Check that did not hold: `input[name="freq"][value="monthly"]` checked. Expected checked; actual not checked.');
    expect(failures).toMatch(/### settings-digest[\s\S]*- Last step: finish \(success\): The digest is now monthly\./);
    expect(failures).not.toContain('### shop-add-hoodie');

    for (const task of report.results.filter((entry) => entry.passed)) {
      expect(task.steps, task.id).toBeGreaterThan(0);
      expect(task.tokens.total, task.id).toBeGreaterThan(0);
      expect(task.costUsd, task.id).toBeCloseTo(costOf(task.tokens), 9);
      expect(task.wallMs, task.id).toBeGreaterThan(0);
      expect(task.checks.every((check) => check.held)).toBe(true);
      const trace = JSON.parse(await readFile(join(out, task.trace ?? 'missing'), 'utf8')) as Trace;
      expect(trace).toMatchObject({ kind: 'webwright-trace', version: 1, run: { goal: task.goal, stepCount: task.steps } });
      expect(trace.steps).toHaveLength(task.steps);
    }
    // The run followed the new tab, and the checks were read there.
    expect(byId.get('editing-help-tab')?.checks[0]).toMatchObject({ description: 'URL contains "/editing/next.html"', held: true, actual: expect.stringMatching(/\/editing\/next\.html"$/) });
    // Without approval the deletion was denied and the run stopped; the project is still there.
    expect(byId.get('dialogs-delete-unapproved')).toMatchObject({ passed: true, status: 'stopped', stopReason: expect.stringContaining('needed approval and was denied') });
    expect(byId.get('dialogs-delete')).toMatchObject({ passed: true, status: 'finished' });
  } finally {
    await model.close();
  }
});

test('bad input is refused with status 2 and an error that names the file and the field', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'webwright-suite-'));
  await writeFile(join(dir, 'suite.json'), JSON.stringify({ name: 'broken' }));
  const task = { id: 'open-page', goal: 'Open the page', startUrl: 'https://example.com/', checks: [{ kind: 'txet', selector: 'h1', equals: 'Example' }] };
  await writeFile(join(dir, 'open-page.json'), JSON.stringify(task));
  const env = modelEnv('http://127.0.0.1:9/v1');

  const unknownKind = await runCli(['eval', '--suite', dir], env);
  expect(unknownKind.code).toBe(2);
  expect(unknownKind.stderr.trim()).toBe(`${join(dir, 'open-page.json')}: checks[0].kind: unknown check kind "txet" (use one of ${checkKinds.join(', ')}).`);

  await writeFile(join(dir, 'open-page.json'), JSON.stringify({ ...task, goal: undefined, checks: [{ kind: 'text', selector: 'h1', equals: 'Example', contains: 'Ex' }] }));
  const twoFaults = await runCli(['eval', '--suite', dir], env);
  expect(twoFaults.code).toBe(2);
  expect(twoFaults.stderr).toContain(`${join(dir, 'open-page.json')}: goal: Invalid input: expected string, received undefined; checks[0]: a text check needs exactly one of "equals", "contains" or "matches", not equals and contains.`);

  await writeFile(join(dir, 'suite.json'), '{ "name": ');
  expect((await runCli(['eval', '--suite', dir], env)).stderr).toContain(`${join(dir, 'suite.json')}: not readable JSON`);

  const [missing, noSuite, noWorkers, noModel, typo] = await Promise.all([
    runCli(['eval', '--suite', join(dir, 'nope')], env),
    runCli(['eval'], env),
    runCli(['eval', '--suite', suiteDir, '--workers', '0'], env),
    runCli(['eval', '--suite', suiteDir], { ...process.env, OPENAI_BASE_URL: '', WEBWRIGHT_MODEL: '' }),
    runCli(['eval', '--suite', suiteDir, '--worker', '2'], env),
  ]);
  expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining(`No suite at ${join(dir, 'nope')}: the folder does not exist.`) });
  expect(noSuite).toMatchObject({ code: 2, stderr: expect.stringContaining('eval needs --suite <dir>') });
  expect(noWorkers).toMatchObject({ code: 2, stderr: expect.stringContaining('--workers must be a positive whole number, not "0".') });
  expect(noModel).toMatchObject({ code: 2, stderr: expect.stringContaining('Say which model to use') });
  expect(typo).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--worker'") });
});

test('an unreachable model fails each task with the run\'s reason, a page that does not load fails its task, and the report is still written', async () => {
  test.setTimeout(90_000);
  const dead = await deadAddress();
  const dir = await mkdtemp(join(tmpdir(), 'webwright-suite-'));
  await writeFile(join(dir, 'suite.json'), JSON.stringify({ name: 'offline', serve: join(root, 'test', 'fixtures', 'pages') }));
  await writeFile(join(dir, 'add-shirt.json'), JSON.stringify({ id: 'add-shirt', goal: 'Add the blue shirt to my cart.', startUrl: '{{site}}/shop/index.html', checks: [{ kind: 'text', selector: '#cart-count', equals: '1' }] }));
  await writeFile(join(dir, 'nowhere.json'), JSON.stringify({ id: 'nowhere', goal: 'Read the page.', startUrl: `${dead}/`, checks: [{ kind: 'answer', contains: 'page' }] }));
  const out = join(dir, 'results');
  const result = await runCli(['eval', '--suite', dir, '--out', out, '--workers', '2'], modelEnv(`${dead}/v1`));
  expect(result.code).toBe(1);
  expect(result.stdout).toContain('offline: 0/2 passed (0.0%) with scripted');

  const report = await readReport(out);
  const [shirt, nowhere] = report.results;
  expect(shirt).toMatchObject({ id: 'add-shirt', passed: false, status: 'failed', stopReason: expect.stringContaining(`Cannot reach the model at ${dead}/v1`), trace: 'traces/add-shirt.json' });
  expect(shirt?.checks).toEqual([
    { description: 'text of `#cart-count` equals "1"', expected: 'equals "1"', actual: '"0"', held: false },
    { description: 'run status finished', expected: 'finished', actual: '"failed"', held: false },
  ]);
  expect(existsSync(join(out, 'traces', 'add-shirt.json'))).toBe(true);
  expect(nowhere).toMatchObject({ id: 'nowhere', passed: false, steps: 0, error: expect.stringContaining('net::ERR_CONNECTION_REFUSED') });
  expect(nowhere?.checks.map((check) => check.actual)).toEqual(['(not checked)', '(not checked)']);
  expect(existsSync(join(out, 'traces', 'nowhere.json'))).toBe(false);
  const markdown = await readFile(join(out, 'report.md'), 'utf8');
  expect(markdown).toContain(`- Run failed: Cannot reach the model at ${dead}/v1`);
  expect(markdown).toMatch(/### nowhere[\s\S]*- Error: .*net::ERR_CONNECTION_REFUSED/);
});

test('a task whose browser dies or that outlasts its time fails, saying so, and the next runs in a fresh browser', async () => {
  test.skip(process.platform !== 'linux', 'finds the browser among the CLI\'s child processes with pgrep');
  const model = await startModelServer();
  const dir = await mkdtemp(join(tmpdir(), 'webwright-suite-'));
  const task = (id: string, goal: string, extra: object = {}) =>
    writeFile(join(dir, `${id}.json`), JSON.stringify({ id, goal, startUrl: '{{site}}/shop/cart.html', checks: [{ kind: 'text', selector: 'h1', equals: 'Shopping cart' }], ...extra }));
  await writeFile(join(dir, 'suite.json'), JSON.stringify({ name: 'rough', serve: join(root, 'test', 'fixtures', 'pages') }));
  await task('a-crash', 'Look at the cart while the browser goes down.');
  await task('b-slow', 'Think about the cart for a long time.', { timeoutSeconds: 1 });
  await task('c-quick', 'Glance at the cart.');
  model.route('while the browser goes down', { delayMs: 10_000, then: { tool: 'finish', args: { success: true } } });
  model.route('Think about the cart', { delayMs: 4_000, then: { tool: 'finish', args: { success: true } } });
  model.route('Glance at the cart', { tool: 'finish', args: { success: true, answer: 'Three lines.' } });
  const out = join(dir, 'results');
  try {
    const cli = spawn(process.execPath, [join(root, 'dist-node', 'cli.js'), 'eval', '--suite', dir, '--out', out], { env: modelEnv(model.baseURL) });
    const exited = new Promise<number | null>((resolve) => cli.on('exit', resolve));
    // Once the first run has asked the model, its browser is killed.
    await expect.poll(() => model.chatRequests().length, { timeout: 20_000 }).toBeGreaterThan(0);
    const children = (await promisify(execFile)('pgrep', ['-P', String(cli.pid)])).stdout.trim().split('\n').map(Number);
    const browsers = await Promise.all(children.map(async (pid) => ((await promisify(execFile)('ps', ['-o', 'args=', '-p', String(pid)])).stdout.includes('chrom') ? [pid] : [])));
    expect(browsers.flat()).toHaveLength(1);
    for (const pid of browsers.flat()) process.kill(pid, 'SIGKILL');
    expect(await exited).toBe(1);

    const [crash, slow, quick] = (await readReport(out)).results;
    expect(crash).toMatchObject({ id: 'a-crash', passed: false, steps: 0, error: 'The browser closed during the task: it crashed or was killed.' });
    expect(slow).toMatchObject({ passed: false, status: 'stopped', stopReason: 'Stopped after waiting 1 s for the run to end.' });
    expect(slow?.checks.map((check) => check.held)).toEqual([true, false]);
    expect(quick).toMatchObject({ passed: true, status: 'finished', answer: 'Three lines.' });
  } finally {
    await model.close();
  }
});

test('the suite shards across machines: two shards list disjoint halves that together are every task', async () => {
  const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
  const list = async (shard: string) => {
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'test', '-c', 'evals/playwright.config.ts', '--list', `--shard=${shard}`], { cwd: root });
    return [...stdout.matchAll(/^\s+suite\.spec\.ts:\d+:\d+ › (\S+)$/gm)].map((match) => match[1]);
  };
  const [first, second] = await Promise.all([list('1/2'), list('2/2')]);
  const all = loadSuite(suiteDir).tasks.map((task) => task.id);
  expect(first.length).toBeGreaterThan(0);
  expect(second.length).toBeGreaterThan(0);
  expect(first.filter((id) => second.includes(id))).toEqual([]);
  expect([...first, ...second].sort()).toEqual([...all].sort());
});
