import { toWebwrightError } from '../../shared/errors.ts';
import { Trace, type Run } from '../../shared/run.ts';
import { sendToBackground } from '../../shared/transport.ts';
import { createStore } from '../store.ts';
import { activeTab } from './active-tab.ts';
import { runState } from './run.ts';

export interface HistoryState {
  runs: Run[];
  filter: string;
  error?: string;
}

export const historyState = createStore<HistoryState>({ runs: [], filter: '' });

function fail(error: unknown): void {
  historyState.set((state) => ({ ...state, error: toWebwrightError(error).message }));
}

export async function loadHistory(): Promise<void> {
  try {
    const runs = await sendToBackground('panel-to-background', 'run.list', {});
    historyState.set((state) => ({ ...state, runs, error: undefined }));
  } catch (error) {
    fail(error);
  }
}

export function setFilter(filter: string): void {
  historyState.set((state) => ({ ...state, filter }));
}

export function visibleRuns(state: HistoryState): Run[] {
  const words = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
  return state.runs.filter((run) => words.every((word) => `${run.goal} ${run.status} ${run.startUrl}`.toLowerCase().includes(word)));
}

/** Shows a past run in the task view. */
export async function openRun(runId: string): Promise<void> {
  try {
    const { run, steps } = await sendToBackground('panel-to-background', 'run.steps', { runId });
    runState.set({ run, steps, busy: false });
  } catch (error) {
    fail(error);
  }
}

export async function deleteRun(runId: string): Promise<void> {
  try {
    await sendToBackground('panel-to-background', 'run.delete', { runId });
    await loadHistory();
  } catch (error) {
    fail(error);
  }
}

/** Reads an exported trace file and stores it as a run of its own. */
export async function importRun(file: File): Promise<void> {
  try {
    const parsed = Trace.safeParse(JSON.parse(await file.text()));
    if (!parsed.success) throw new Error(`${file.name} is not a Webwright trace: ${parsed.error.issues[0]?.message ?? 'unknown format'}`);
    await sendToBackground('panel-to-background', 'run.import', { trace: parsed.data });
    await loadHistory();
  } catch (error) {
    fail(error);
  }
}

/** Replays a run on the panel's tab; the replay shows in the task view. */
export async function replay(runId: string): Promise<void> {
  try {
    const tab = activeTab.get();
    const run = await sendToBackground('panel-to-background', 'run.replay', { runId, ...(tab.status === 'ready' ? { tabId: tab.tab.tabId } : {}) });
    runState.set({ run, steps: [], busy: false });
  } catch (error) {
    fail(error);
  }
}

/** Downloads a run as a JSON trace (the API key is never in it). */
export async function exportRun(runId: string): Promise<void> {
  try {
    const trace = await sendToBackground('panel-to-background', 'run.export', { runId });
    const url = URL.createObjectURL(new Blob([JSON.stringify(trace, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `webwright-run-${new Date(trace.run.createdAt).toISOString().slice(0, 19).replace(/[:T]/g, '-')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    fail(error);
  }
}
