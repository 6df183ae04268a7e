import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { WebwrightError } from '../../shared/errors.ts';
import type { Run, Step } from '../../shared/run.ts';
import { afterStep, transition, type RunEvent, type Transition } from './state.ts';

// Runs and steps in IndexedDB. A run is written after every step, so a stopped worker loses
// nothing that was done.

interface Schema extends DBSchema {
  runs: { key: string; value: Run; indexes: { byStatus: string; byCreated: number } };
  steps: { key: [string, number]; value: Step; indexes: { byRun: string } };
}

let database: Promise<IDBPDatabase<Schema>> | undefined;

function db(): Promise<IDBPDatabase<Schema>> {
  database ??= openDB<Schema>('webwright', 1, {
    upgrade(upgrade) {
      const runs = upgrade.createObjectStore('runs', { keyPath: 'id' });
      runs.createIndex('byStatus', 'status');
      runs.createIndex('byCreated', 'createdAt');
      const steps = upgrade.createObjectStore('steps', { keyPath: ['runId', 'index'] });
      steps.createIndex('byRun', 'runId');
    },
  });
  return database;
}

export async function getRun(id: string): Promise<Run | undefined> {
  return (await db()).get('runs', id);
}

export async function runsWithStatus(status: Run['status']): Promise<Run[]> {
  return (await db()).getAllFromIndex('runs', 'byStatus', status);
}

export async function listRuns(): Promise<Run[]> {
  const runs = await (await db()).getAllFromIndex('runs', 'byCreated');
  return runs.reverse();
}

/**
 * Applies one event to the stored run, in one transaction. A refused event writes nothing and
 * comes back as the reason.
 */
export async function changeRun(runId: string, event: RunEvent): Promise<Transition> {
  const tx = (await db()).transaction('runs', 'readwrite');
  const next = transition(await tx.store.get(runId), event);
  if (next.ok) await tx.store.put(next.run);
  await tx.done;
  return next;
}

/**
 * Writes a step and the run after its events in one transaction: both or neither. The events
 * apply to the run as stored, so a pause or stop that came in meanwhile is kept (see afterStep).
 */
export async function recordStep(step: Step, events: RunEvent[] = [{ type: 'step' }]): Promise<Run> {
  const tx = (await db()).transaction(['steps', 'runs'], 'readwrite');
  const runs = tx.objectStore('runs');
  const stored = await runs.get(step.runId);
  const next = stored ? afterStep(stored, events) : ({ ok: false, error: `There is no run ${step.runId}; it may have been deleted.` } as const);
  if (!next.ok) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new WebwrightError('bad-message', `Step ${step.index + 1} of run ${step.runId} could not be recorded: ${next.error}`);
  }
  await Promise.all([tx.objectStore('steps').put(step), runs.put(next.run), tx.done]);
  return next.run;
}

/** Stores a run and its steps as they are, for an imported trace. */
export async function importRun(run: Run, steps: Step[]): Promise<void> {
  const tx = (await db()).transaction(['steps', 'runs'], 'readwrite');
  await Promise.all([...steps.map((step) => tx.objectStore('steps').put(step)), tx.objectStore('runs').put(run), tx.done]);
}

export async function getSteps(runId: string, from = 0): Promise<Step[]> {
  const range = IDBKeyRange.bound([runId, from], [runId, Number.MAX_SAFE_INTEGER]);
  return (await db()).getAll('steps', range);
}

export async function deleteRun(id: string): Promise<void> {
  const tx = (await db()).transaction(['steps', 'runs'], 'readwrite');
  const steps = await tx.objectStore('steps').index('byRun').getAllKeys(id);
  await Promise.all([...steps.map((key) => tx.objectStore('steps').delete(key)), tx.objectStore('runs').delete(id), tx.done]);
}
