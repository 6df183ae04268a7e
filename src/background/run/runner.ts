import { WebwrightError } from '../../shared/errors.ts';
import { terminalStatuses, type Run, type Step } from '../../shared/run.ts';
import { Budgets, ModelSettings, type Settings } from '../../shared/settings.ts';
import type { z } from 'zod';
import { loadMasker, loadSettings, runApiKey, setRunApiKey } from '../settings-store.ts';
import { introducedSites } from '../safety/domains.ts';
import { broadcastRun } from './events.ts';
import { runStep } from './step.ts';
import { getRun, getSteps, putRun, runsWithStatus } from './store.ts';

// Runs as a state machine kept in IndexedDB. A worker that stops loses only what it held in
// memory; when it wakes, every run still marked running is driven on from its last step.

const active = new Map<string, AbortController>();
const KEEPALIVE = 'webwright-runs';

export interface RunOverrides {
  model?: Partial<z.input<typeof ModelSettings>>;
  budgets?: Partial<z.input<typeof Budgets>>;
}

function randomMarker(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function startRun(input: { id?: string; goal: string; tabId: number; startUrl: string; overrides?: RunOverrides; apiKey?: string }): Promise<Run> {
  const settings: Settings = await loadSettings();
  const masker = await loadMasker();
  const now = Date.now();
  const run: Run = {
    id: input.id ?? crypto.randomUUID(),
    // A secret pasted into the goal is never shown to the model or kept.
    goal: masker.text(input.goal),
    tabId: input.tabId,
    startUrl: input.startUrl,
    status: 'running',
    createdAt: now,
    updatedAt: now,
    notes: [],
    stepCount: 0,
    usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
    answers: [],
    model: ModelSettings.parse({ ...settings.model, ...input.overrides?.model }),
    budgets: Budgets.parse({ ...settings.budgets, ...input.overrides?.budgets }),
    sites: introducedSites([input.startUrl, input.goal]),
    marker: randomMarker(),
  };
  if (input.apiKey !== undefined) await setRunApiKey(run.id, input.apiKey);
  await putRun(run);
  broadcastRun(run);
  void drive(run.id);
  return run;
}

async function update(runId: string, change: (run: Run) => Run): Promise<Run> {
  const run = await getRun(runId);
  if (!run) throw new WebwrightError('no-tab', `There is no run ${runId}.`);
  const next = { ...change(run), updatedAt: Date.now() };
  await putRun(next);
  broadcastRun(next);
  return next;
}

export async function controlRun(runId: string, op: 'pause' | 'resume' | 'stop', reason = 'Stopped by the person.'): Promise<Run> {
  const current = await getRun(runId);
  if (!current) throw new WebwrightError('no-tab', `There is no run ${runId}.`);
  if (terminalStatuses.includes(current.status)) return current;
  if (op === 'resume') {
    if (current.status !== 'paused') return current;
    const run = await update(runId, (r) => ({ ...r, status: 'running' }));
    void drive(runId);
    return run;
  }
  active.get(runId)?.abort();
  return update(runId, (r) =>
    op === 'pause' ? { ...r, status: 'paused' } : { ...r, status: 'stopped', stopReason: reason, endedAt: Date.now(), question: undefined },
  );
}

export async function answerRun(runId: string, answer: string): Promise<Run> {
  const current = await getRun(runId);
  if (current?.status !== 'waiting-user' || !current.question) throw new WebwrightError('bad-message', 'That run is not waiting for an answer.');
  const question = current.question.question;
  const confirm = current.question.kind === 'confirm' && current.pending;
  const masker = await loadMasker();
  const decision = /^(approve|yes|ok|允许|同意)/i.test(answer.trim()) ? ('approve' as const) : ('deny' as const);
  const run = await update(runId, (r) => ({
    ...r,
    status: 'running',
    question: undefined,
    ...(confirm && r.pending ? { pending: { ...r.pending, decision } } : { answers: [...r.answers, { question, answer: masker.text(answer) }], sites: [...new Set([...r.sites, ...introducedSites([answer])])] }),
  }));
  void drive(runId);
  return run;
}

/** Drives a run step by step until it is no longer running. One driver per run per worker life. */
export async function drive(runId: string): Promise<void> {
  if (active.has(runId)) return;
  const controller = new AbortController();
  active.set(runId, controller);
  await chrome.alarms.create(KEEPALIVE, { periodInMinutes: 0.5 });
  try {
    for (;;) {
      const run = await getRun(runId);
      if (run?.status !== 'running' || controller.signal.aborted) return;
      const steps: Step[] = await getSteps(runId);
      const apiKey = await runApiKey(runId);
      await runStep({ run, steps, apiKey, signal: controller.signal });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await update(runId, (r) => (terminalStatuses.includes(r.status) ? r : { ...r, status: 'failed', stopReason: `Webwright failed: ${message}`, endedAt: Date.now() }));
  } finally {
    active.delete(runId);
    if (active.size === 0) await chrome.alarms.clear(KEEPALIVE);
  }
}

/** Picks up runs that were running when the worker stopped. */
export async function resumeRunning(): Promise<void> {
  for (const run of await runsWithStatus('running')) void drive(run.id);
}

export function listenForKeepAlive(): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === KEEPALIVE) void resumeRunning();
  });
}
