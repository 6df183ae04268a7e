import type { DecidedStep, PendingStep, Question, Run, RunBase, RunStatus } from '../../shared/run.ts';

// Every change of a run's status, as one table. Pure: no chrome.*, no store. A refused event is
// a value saying why, and the run it was offered to stays as it was.

/** What recording a step changes on its run besides the status. */
export type StepChanges = Partial<Pick<RunBase, 'stepCount' | 'usage' | 'notes' | 'tabId' | 'sites'>> & { loopWarning?: string | undefined };

export type RunEvent =
  | { type: 'start'; run: Omit<RunBase, 'updatedAt'> }
  /** A step was written. `settled` says it carried out (or refused) the decided pending step. */
  | { type: 'step'; changes?: StepChanges; settled?: boolean }
  | { type: 'ask'; question: Question; pending?: PendingStep }
  | { type: 'answer'; question: string; answer: string; sites?: string[] }
  | { type: 'approve' }
  | { type: 'deny' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop'; reason: string }
  | { type: 'finish'; success: boolean; reason: string; answer?: string }
  | { type: 'fail'; reason: string }
  | { type: 'budget-spent'; reason: string }
  | { type: 'worker-restarted' };

export type RunEventType = RunEvent['type'];
export const runEventTypes: RunEventType[] = ['start', 'step', 'ask', 'answer', 'approve', 'deny', 'pause', 'resume', 'stop', 'finish', 'fail', 'budget-spent', 'worker-restarted'];

export type Transition = { ok: true; run: Run } | { ok: false; error: string };

const refuse = (error: string): Transition => ({ ok: false, error });
const ok = (run: Run): Transition => ({ ok: true, run });

const said: Record<RunStatus, string> = {
  running: 'a running run',
  paused: 'a paused run',
  'waiting-user': 'a run waiting for the person',
  finished: 'a finished run',
  failed: 'a failed run',
  stopped: 'a stopped run',
};

/** The fields every status keeps, without the ones that belong to one status. */
function base(run: Run): RunBase {
  const { id, goal, tabId, startUrl, createdAt, updatedAt, notes, stepCount, usage, answers, model, budgets, sites, marker, loopWarning } = run;
  return { id, goal, tabId, startUrl, createdAt, updatedAt, notes, stepCount, usage, answers, model, budgets, sites, marker, ...(loopWarning === undefined ? {} : { loopWarning }) };
}

function withChanges(run: RunBase, changes: StepChanges = {}): RunBase {
  const next: RunBase = { ...run, ...changes };
  if (next.loopWarning === undefined) delete next.loopWarning;
  return next;
}

function ending(run: Run, reason: string, now: number) {
  // A step waiting for approval stays on the ended run: the trace says what it was waiting on.
  const pending = 'pending' in run ? run.pending : undefined;
  return { ...base(run), updatedAt: now, endedAt: now, stopReason: reason, ...(pending ? { pending } : {}) };
}

function decide(run: Run, decision: DecidedStep['decision'], now: number): Transition {
  if (run.status !== 'waiting-user') return refuse(`There is no step to ${decision} on ${said[run.status]}.`);
  if (!run.pending) return refuse('That run is waiting for an answer to its question, not for an Approve or Deny.');
  return ok({ ...base(run), updatedAt: now, status: 'running', pending: { ...run.pending, decision } });
}

function recordStep(run: Run, event: Extract<RunEvent, { type: 'step' }>, now: number): Transition {
  // A pause or stop the person asked for while the step was under way: the step is still recorded.
  if (run.status !== 'running' && run.status !== 'paused' && run.status !== 'stopped') return refuse(`A step cannot be recorded on ${said[run.status]}.`);
  const changed = { ...withChanges(base(run), event.changes), updatedAt: now };
  if (run.status === 'stopped') return ok({ ...changed, status: 'stopped', endedAt: run.endedAt, stopReason: run.stopReason, ...(run.pending ? { pending: run.pending } : {}) });
  const pending = event.settled ? undefined : run.pending;
  return ok({ ...changed, status: run.status, ...(pending ? { pending } : {}) });
}

/** The run after `event`, or why the event does not apply to it. `undefined` is a run not yet started. */
export function transition(run: Run | undefined, event: RunEvent, now = Date.now()): Transition {
  if (!run) return event.type === 'start' ? ok({ ...event.run, updatedAt: now, status: 'running' }) : refuse('There is no such run.');
  switch (event.type) {
    case 'start':
      return refuse('That run has already started.');
    case 'step':
      return recordStep(run, event, now);
    case 'ask':
      if (run.status !== 'running') return refuse(`Only a running run can ask the person; this is ${said[run.status]}.`);
      return ok({ ...base(run), updatedAt: now, status: 'waiting-user', question: event.question, ...(event.pending ? { pending: event.pending } : {}) });
    case 'answer': {
      if (run.status !== 'waiting-user') return refuse('That run is not waiting for an answer.');
      if (run.pending) return refuse('That run is waiting for an Approve or Deny, not an answer.');
      const answers = [...run.answers, { question: event.question, answer: event.answer }];
      return ok({ ...base(run), updatedAt: now, status: 'running', answers, sites: [...new Set([...run.sites, ...(event.sites ?? [])])] });
    }
    case 'approve':
    case 'deny':
      return decide(run, event.type, now);
    case 'pause':
      if (run.status === 'running') return ok({ ...base(run), updatedAt: now, status: 'paused', ...(run.pending ? { pending: run.pending } : {}) });
      // A question being paused is dropped: on resume the planner sees its step and goes on from there.
      if (run.status === 'waiting-user') return ok({ ...base(run), updatedAt: now, status: 'paused' });
      return refuse(`Cannot pause ${said[run.status]}.`);
    case 'resume':
      if (run.status !== 'paused') return refuse(`Only a paused run can be resumed; this is ${said[run.status]}.`);
      return ok({ ...base(run), updatedAt: now, status: 'running', ...(run.pending ? { pending: run.pending } : {}) });
    case 'stop':
      if (isEnded(run.status)) return refuse(`Cannot stop ${said[run.status]}.`);
      return ok({ ...ending(run, event.reason, now), status: 'stopped' });
    case 'finish':
      if (run.status !== 'running') return refuse(`Only a running run can finish; this is ${said[run.status]}.`);
      return ok({ ...ending(run, event.reason, now), status: 'finished', success: event.success, ...(event.answer ? { answer: event.answer } : {}) });
    case 'fail':
      if (isEnded(run.status)) return refuse(`Cannot fail ${said[run.status]}.`);
      return ok({ ...ending(run, event.reason, now), status: 'failed' });
    case 'budget-spent':
      if (run.status !== 'running') return refuse(`Only a running run spends its budget; this is ${said[run.status]}.`);
      return ok({ ...ending(run, event.reason, now), status: 'stopped' });
    case 'worker-restarted':
      // Only a running run had a driver to lose; the others wait for the person as they were.
      if (run.status !== 'running') return refuse(`Nothing to pick up on ${said[run.status]}.`);
      return ok(run);
  }
}

export function isEnded(status: RunStatus): status is 'finished' | 'failed' | 'stopped' {
  return status === 'finished' || status === 'failed' || status === 'stopped';
}

/**
 * The stored run after a step's events. The person may have paused or stopped the run while the
 * step was under way: their call wins, and the step's own idea of the status (asking, finishing)
 * is dropped. Any other refusal is returned, since it means a bug.
 */
export function afterStep(stored: Run, events: RunEvent[], now = Date.now()): Transition {
  let run = stored;
  for (const event of events) {
    const next = transition(run, event, now);
    if (next.ok) run = next.run;
    else if (stored.status !== 'paused' && stored.status !== 'stopped') return next;
  }
  return ok(run);
}
