import { toWebwrightError } from '../../shared/errors.ts';
import type { Run, Step } from '../../shared/run.ts';
import { listen, sendToBackground } from '../../shared/transport.ts';
import { createStore } from '../store.ts';
import { activeTab } from './active-tab.ts';

export interface RunState {
  run?: Run;
  steps: Step[];
  error?: string;
  busy: boolean;
}

export const runState = createStore<RunState>({ steps: [], busy: false });

function fail(error: unknown): void {
  runState.set((state) => ({ ...state, busy: false, error: toWebwrightError(error).message }));
}

async function refresh(runId: string): Promise<void> {
  const { run, steps } = await sendToBackground('panel-to-background', 'run.get', { runId });
  runState.set((state) => ({ ...state, run, steps, busy: false }));
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
