import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as run } from '../support/cli.ts';
import { expect, test } from '../support/fixtures.ts';

async function planFile(content: unknown): Promise<{ plan: string; trace: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'webwright-plan-'));
  const plan = join(dir, 'plan.json');
  await writeFile(plan, typeof content === 'string' ? content : JSON.stringify(content));
  return { plan, trace: join(dir, 'trace.json') };
}

test('replay carries out a plan with no model, writes the trace, and exits 0', async ({ server }) => {
  const { plan, trace } = await planFile([
    { action: 'type', target: 'the Post body editor', text: 'Replayed' },
    { action: 'click', target: 'Save draft' },
    { action: 'click', target: 'Continue to the next step' },
  ]);
  const result = await run(['replay', '--url', server.url('/editing/index.html'), '--plan', plan, '--trace', trace]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('✓ 3/3 click "Continue to the next step" → ok');
  expect(result.stdout).toContain('All 3 steps succeeded.');
  const written = JSON.parse(await readFile(trace, 'utf8')) as { ok: boolean; steps: { result: { ok: boolean; effect?: { kind: string } } }[] };
  expect(written.ok).toBe(true);
  expect(written.steps).toHaveLength(3);
  expect(written.steps[2]?.result.effect?.kind).toBe('navigated');
});

test('replay stops at the first step that fails and exits non-zero', async ({ server }) => {
  const { plan, trace } = await planFile({ steps: [{ intent: { action: 'click', target: 'Save draft' } }, { intent: { action: 'click', target: 'the Publish button' } }, { intent: { action: 'reload' } }] });
  const result = await run(['replay', '--url', server.url('/editing/index.html'), '--plan', plan, '--trace', trace]);
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/✗ 2\/3 click "the Publish button" → not-found/);
  expect(result.stdout).toContain('Stopped at step 2 of 3 (1 not run).');
  const written = JSON.parse(await readFile(trace, 'utf8')) as { ok: boolean; steps: unknown[] };
  expect(written).toMatchObject({ ok: false });
  expect(written.steps).toHaveLength(2);
});

test('a plan that is not valid is refused before a browser starts, naming the bad step', async ({ server }) => {
  const bad = await planFile([{ action: 'click', target: 'Save draft' }, { action: 'type', target: 'Notes' }]);
  const result = await run(['replay', '--url', server.url('/editing/index.html'), '--plan', bad.plan]);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/Step 2 of .*plan\.json is not a valid intent \(text: /);
  const broken = await planFile('{ not json');
  expect((await run(['replay', '--url', server.url('/'), '--plan', broken.plan])).stderr).toMatch(/Cannot read the plan/);
});

test('usage, unknown commands and a missing display get plain answers', async () => {
  const usage = await run([]);
  expect(usage.code).toBe(2);
  expect(usage.stdout).toContain('replay --url <url> --plan <file.json>');
  expect((await run(['fly'])).stderr).toContain('Unknown command "fly"');
  const headed = await run(['open', '--headed'], { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' });
  expect(headed.code).toBe(1);
  expect(headed.stderr).toContain('There is no display');
  expect(headed.stderr).toContain('npm run agent -- open --url');
});

test('the harness is exported as built JavaScript and drives a page end to end', async ({ harness, server, page }) => {
  const resolved = createRequire(import.meta.url).resolve('webwright/harness');
  expect(resolved).toMatch(/dist-node[/\\]harness\.js$/);
  const module = (await import(resolved)) as Record<string, unknown>;
  expect(typeof module.launch).toBe('function');
  await page.goto(server.url('/editing/index.html'));
  const replayed = await harness.replay(page, [
    { action: 'click', target: 'Save draft' },
    { action: 'click', target: 'Save draft' },
  ]);
  // The button was renamed by the first click, so the second finds nothing and replay stops.
  expect(replayed.ok).toBe(false);
  expect(replayed.results.map((r) => r.kind)).toEqual(['ok', 'not-found']);
});

test('--help on every command prints that command\'s usage and exits 0', async () => {
  for (const command of ['open', 'run', 'replay', 'eval']) {
    const { code, stdout } = await run([command, '--help']);
    expect(code, command).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: npm run agent -- ${command} `));
    expect(stdout).not.toContain('Unknown option');
  }
});
