import { WebwrightError } from '../../shared/errors.ts';
import type { Run, Step } from '../../shared/run.ts';
import { Budgets, ModelSettings, type Settings } from '../../shared/settings.ts';
import type { z } from 'zod';
import { loadMasker, loadSettings, runApiKey, setRunApiKey } from '../settings-store.ts';
import { introducedSites } from '../safety/domains.ts';
import { broadcastRun } from './events.ts';
import { transition, type RunEvent, type Transition } from './state.ts';
import { runStep } from './step.ts';
import { changeRun, getRun, getSteps, runsWithStatus } from './store.ts';

// Runs as a state machine kept in IndexedDB (the table is in state.ts). A worker that stops
// loses only what it held in memory; when it wakes, every run still marked running is driven on
// from its last step.

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

/** Applies an event to the stored run and tells the side panel; a refused event changes nothing. */
async function apply(runId: string, event: RunEvent): Promise<Transition> {
  const next = await changeRun(runId, event);
  if (next.ok) broadcastRun(next.run);
  return next;
}

export async function startRun(input: { id?: string; goal: string; tabId: number; startUrl: string; overrides?: RunOverrides; apiKey?: string }): Promise<Run> {
  const settings: Settings = await loadSettings();
  const masker = await loadMasker();
  const id = input.id ?? crypto.randomUUID();
  const start: RunEvent = {
    type: 'start',
    run: {
      id,
      // A secret pasted into the goal is never shown to the model or kept.
      goal: masker.text(input.goal),
      tabId: input.tabId,
      startUrl: input.startUrl,
      createdAt: Date.now(),
      notes: [],
      stepCount: 0,
      usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
      answers: [],
      model: ModelSettings.parse({ ...settings.model, ...input.overrides?.model }),
      budgets: Budgets.parse({ ...settings.budgets, ...input.overrides?.budgets }),
      sites: introducedSites([input.startUrl, input.goal]),
      marker: randomMarker(),
    },
  };
  if (input.apiKey !== undefined) await setRunApiKey(id, input.apiKey);
  const started = await apply(id, start);
  if (!started.ok) throw new WebwrightError('bad-message', `Run ${id} was not started: ${started.error}`);
  void drive(id);
  return started.run;
}

/** Pause, resume or stop. An op that does not apply (stopping a finished run) leaves the run as it is. */
export async function controlRun(runId: string, op: 'pause' | 'resume' | 'stop', reason = 'Stopped by the person.'): Promise<Run> {
  const next = await apply(runId, op === 'stop' ? { type: 'stop', reason } : { type: op });
  if (!next.ok) {
    const current = await getRun(runId);
    if (!current) throw new WebwrightError('no-tab', `There is no run ${runId}.`);
    return current;
  }
  if (op === 'resume') void drive(runId);
  else active.get(runId)?.abort();
  return next.run;
}

export async function answerRun(runId: string, answer: string): Promise<Run> {
  const current = await getRun(runId);
  if (current?.status !== 'waiting-user') throw new WebwrightError('bad-message', 'That run is not waiting for an answer.');
  let event: RunEvent;
  if (current.question.kind === 'confirm' && current.pending) {
    event = { type: /^(approve|yes|ok|允许|同意)/i.test(answer.trim()) ? 'approve' : 'deny' };
  } else {
    const masker = await loadMasker();
    event = { type: 'answer', question: current.question.question, answer: masker.text(answer), sites: introducedSites([answer]) };
  }
  const next = await apply(runId, event);
  if (!next.ok) throw new WebwrightError('bad-message', next.error);
  void drive(runId);
  return next.run;
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
    // A run that already ended refuses this, and keeps its own ending.
    await apply(runId, { type: 'fail', reason: `Webwright failed: ${message}` });
  } finally {
    active.delete(runId);
    if (active.size === 0) await chrome.alarms.clear(KEEPALIVE);
  }
}

/** Picks up runs that were running when the worker stopped. */
export async function resumeRunning(): Promise<void> {
  for (const run of await runsWithStatus('running')) {
    if (transition(run, { type: 'worker-restarted' }).ok) void drive(run.id);
  }
}

export function listenForKeepAlive(): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === KEEPALIVE) void resumeRunning();
  });
}
