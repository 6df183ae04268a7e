import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escalationReason, type EscalationReason } from '../src/shared/escalation.ts';
import { projectRoot } from './options.ts';

// MiniWoB++ through the harness act(): the shared runner (see its README) is started as it is meant
// to be used, with --project pointing at bench/miniwob/, the project's harness passed through with
// each pick's confidence kept. Its --out JSON gives MiniWoB's own verdict per episode and the act()
// result of every intent; from those come the per-task table and the share of intents that would
// have been put to the grounding model (src/shared/escalation.ts).

const wrapper = fileURLToPath(new URL('./miniwob/', import.meta.url));

interface RunnerStep {
  intent: { action: string; target?: string };
  result: { ok: boolean; kind: string; message?: string; element?: { role: string; name: string; confidence?: number } } | null;
}

interface RunnerOutput {
  seeds: number[];
  tasks: Record<string, { success: number; episodes: number }>;
  total: { success: number; episodes: number; rate: number };
  seconds: number;
  episodes: { task: string; seed: number; success: boolean; steps: RunnerStep[] }[];
}

export interface EscalatedIntent {
  task: string;
  seed: number;
  target: string;
  reason: EscalationReason;
  confidence?: number;
}

export interface MiniwobRun {
  ran: true;
  seeds: string;
  tasks: { task: string; success: number; episodes: number }[];
  total: { success: number; episodes: number; rate: number };
  seconds: number;
  /** The runner's FAIL lines: task, seed, instruction and why. */
  failures: string[];
  intents: {
    /** Intents with a target in words: those the grounder resolved. */
    grounded: number;
    escalated: number;
    byReason: Record<EscalationReason, number>;
    /** ok answers that carried no confidence: the low-confidence count cannot see them. */
    okWithoutConfidence: number;
    /** Every act() result kind among grounded intents. */
    kinds: Record<string, number>;
    /** The first of the escalated intents, to look at. */
    examples: EscalatedIntent[];
  };
}

export type MiniwobResult = MiniwobRun | { ran: false; reason: string };

const EXAMPLES = 100;

function runRunner(dir: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(dir, 'run.mjs'), ...args], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      // Failures shown as they happen: a long run is not silent.
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('FAIL ') || line.startsWith('MiniWoB++:')) console.log(`  ${line}`);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function summariseEscalation(episodes: RunnerOutput['episodes']): MiniwobRun['intents'] {
  const byReason: Record<EscalationReason, number> = { 'not-found': 0, ambiguous: 0, 'low-confidence': 0 };
  const kinds: Record<string, number> = {};
  const examples: EscalatedIntent[] = [];
  let grounded = 0;
  let escalated = 0;
  let okWithoutConfidence = 0;
  for (const episode of episodes) {
    for (const step of episode.steps) {
      if (typeof step.intent.target !== 'string') continue;
      grounded++;
      const kind = step.result?.kind ?? 'no result';
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      const confidence = step.result?.element?.confidence;
      if (kind === 'ok' && confidence === undefined) okWithoutConfidence++;
      const reason = escalationReason({ kind, confidence });
      if (!reason) continue;
      escalated++;
      byReason[reason]++;
      if (examples.length < EXAMPLES) examples.push({ task: episode.task, seed: episode.seed, target: step.intent.target, reason, ...(confidence === undefined ? {} : { confidence }) });
    }
  }
  return { grounded, escalated, byReason, okWithoutConfidence, kinds, examples };
}

export async function measureMiniwob(dir: string, options: { seeds: string; tasks?: string; extensionPath: string }): Promise<MiniwobResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'webwright-bench-miniwob-'));
  const out = join(scratch, 'miniwob.json');
  try {
    const args = ['--project', wrapper, '--seeds', options.seeds, ...(options.tasks ? ['--tasks', options.tasks] : []), '--out', out];
    const { code, stdout, stderr } = await runRunner(dir, args, { ...process.env, WEBWRIGHT_BENCH_DIST: options.extensionPath });
    if (code !== 0) return { ran: false, reason: `the runner could not run (exit ${code}): ${(stderr.trim() || stdout.trim()).split('\n')[0] ?? ''}` };
    const output = JSON.parse(readFileSync(out, 'utf8')) as RunnerOutput;
    return {
      ran: true,
      seeds: options.seeds,
      tasks: Object.entries(output.tasks).map(([task, entry]) => ({ task, ...entry })),
      total: output.total,
      seconds: Math.round(output.seconds),
      failures: stdout.split('\n').filter((line) => line.startsWith('FAIL ')),
      intents: summariseEscalation(output.episodes),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
