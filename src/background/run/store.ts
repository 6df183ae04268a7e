import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Run, Step } from '../../shared/run.ts';

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

export async function putRun(run: Run): Promise<void> {
  await (await db()).put('runs', run);
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
 * Writes a step and its run in one transaction: both or neither. A pause or stop the person
 * asked for while the step was under way wins over the step's idea that the run goes on.
 */
export async function putStep(step: Step, run: Run): Promise<Run> {
  const tx = (await db()).transaction(['steps', 'runs'], 'readwrite');
  const runs = tx.objectStore('runs');
  const stored = await runs.get(run.id);
  const next =
    stored && stored.status !== 'running' && run.status === 'running'
      ? { ...run, status: stored.status, stopReason: stored.stopReason, endedAt: stored.endedAt, question: stored.question }
      : run;
  await Promise.all([tx.objectStore('steps').put(step), runs.put(next), tx.done]);
  return next;
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
