import type { IntentOf } from '../../shared/intent.ts';
import type { ActResult } from '../../shared/results.ts';
import type { Run } from '../../shared/run.ts';
import type { RunEvent, StepChanges } from './state.ts';

// The intents that never touch the page, as a table: what each records as the step's result,
// what it changes on the run, and the status event it brings. Pure.

export const offPageActions = ['finish', 'note', 'ask_user'] as const;
export type OffPageAction = (typeof offPageActions)[number];

export interface OffPageOutcome {
  result: ActResult;
  changes?: StepChanges;
  event?: RunEvent;
}

const done = (message: string): ActResult => ({ ok: true, kind: 'ok', message });

export const offPage: { [A in OffPageAction]: (intent: IntentOf<A>, run: Run) => OffPageOutcome } = {
  finish: (intent) => ({
    result: done(intent.success ? 'Finished.' : 'Gave up.'),
    event: {
      type: 'finish',
      success: intent.success,
      reason: intent.success ? 'The task is done.' : `The agent could not do the task${intent.answer ? `: ${intent.answer}` : '.'}`,
      ...(intent.answer ? { answer: intent.answer } : {}),
    },
  }),
  note: (intent, run) => ({ result: done('Noted.'), changes: { notes: [...run.notes, intent.content] } }),
  ask_user: (intent) => ({
    result: done('Waiting for the person to answer.'),
    event: { type: 'ask', question: { question: intent.question, kind: intent.kind, ...(intent.options ? { options: intent.options } : {}) } },
  }),
};

export function isOffPage(intent: { action: string }): intent is IntentOf<OffPageAction> {
  return (offPageActions as readonly string[]).includes(intent.action);
}

export function offPageOutcome(intent: IntentOf<OffPageAction>, run: Run): OffPageOutcome {
  // Each handler takes its own intent; the union is split by action here, once.
  const handle = offPage[intent.action] as (intent: IntentOf<OffPageAction>, run: Run) => OffPageOutcome;
  return handle(intent, run);
}
