import { toWebwrightError } from '../../shared/errors.ts';
import type { StepSummary } from '../../shared/protocol.ts';
import type { Run, Step } from '../../shared/run.ts';
import { listen, sendToBackground } from '../../shared/transport.ts';
import { createStore } from '../store.ts';
import { activeTab } from './active-tab.ts';

export interface RunState {
  run?: Run;
  /** Summaries: the inspector fetches a step in full (`run.step`) when it opens. */
  steps: StepSummary[];
  error?: string;
  busy: boolean;
}

export const runState = createStore<RunState>({ steps: [], busy: false });

function fail(error: unknown): void {
  runState.set((state) => ({ ...state, busy: false, error: toWebwrightError(error).message }));
}

/** A step that will not change again: it has its result, or never had an action to wait for. */
export function isSettled(step: StepSummary): boolean {
  return !step.intent || Boolean(step.result || step.error || step.interrupted);
}

/** Asks only for the steps not yet seen settled, and keeps the rest. */
async function pull(runId: string): Promise<void> {
  const known = runState.get().run?.id === runId ? runState.get().steps : [];
  const unsettled = known.findIndex((step) => !isSettled(step));
  const fromStep = unsettled === -1 ? known.length : unsettled;
  const { run, steps } = await sendToBackground('panel-to-background', 'run.steps', { runId, fromStep });
  runState.set((state) => {
    if (state.run !== undefined && state.run.id !== runId) return state;
    const kept = state.run?.id === runId ? state.steps.filter((step) => step.index < fromStep) : [];
    return { ...state, run, steps: [...kept, ...steps], busy: false };
  });
}

// One pull at a time: two at once would both ask from the same step and get it twice.
let pulling: Promise<void> | undefined;
let pullAgain = false;
let wanted = '';

async function refresh(runId: string): Promise<void> {
  wanted = runId;
  if (pulling) {
    pullAgain = true;
    return pulling;
  }
  pulling = (async () => {
    try {
      do {
        pullAgain = false;
        await pull(wanted);
      } while (pullAgain);
    } finally {
      pulling = undefined;
    }
  })();
  return pulling;
}

/** A step in full, screenshot included, for the inspector. */
export function loadStep(runId: string, index: number): Promise<Step> {
  return sendToBackground('panel-to-background', 'run.step', { runId, index });
}

export async function startRun(goal: string): Promise<void> {
  const tab = activeTab.get();
  runState.set({ steps: [], busy: true });
  try {
    const run = await sendToBackground('panel-to-background', 'run.start', { goal, ...(tab.status === 'ready' ? { tabId: tab.tab.tabId } : {}) });
    runState.set({ run, steps: [], busy: false });
  } catch (error) {
    fail(error);
  }
}

export async function control(op: 'pause' | 'resume' | 'stop'): Promise<void> {
  const run = runState.get().run;
  if (!run) return;
  try {
    await sendToBackground('panel-to-background', 'run.control', { runId: run.id, op });
    await refresh(run.id);
  } catch (error) {
    fail(error);
  }
}

export async function answer(text: string): Promise<void> {
  const run = runState.get().run;
  if (!run) return;
  try {
    await sendToBackground('panel-to-background', 'run.answer', { runId: run.id, answer: text });
    await refresh(run.id);
  } catch (error) {
    fail(error);
  }
}

/** Follows runs as the background reports them, and polls while one is going (a stopped worker sends nothing). */
export function followRuns(signal: AbortSignal): void {
  listen(
    {
      'background-to-panel': {
        'run.updated': ({ run }) => {
          if (runState.get().run?.id === run.id) void refresh(run.id).catch(fail);
          return {};
        },
      },
    },
    { signal },
  );
  const timer = setInterval(() => {
    const run = runState.get().run;
    if (run && !['finished', 'failed', 'stopped'].includes(run.status)) void refresh(run.id).catch(fail);
  }, 1000);
  signal.addEventListener('abort', () => clearInterval(timer));
}
