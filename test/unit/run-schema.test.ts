import { describe, expect, it } from 'vitest';
import { Intent } from '../../src/shared/intent.ts';
import { Run, Trace } from '../../src/shared/run.ts';
import { isOffPage, offPageOutcome } from '../../src/background/run/off-page.ts';

// Runs as stored and exported: fields belong to their status, and traces written before that
// still import.

const base = {
  id: 'r1',
  goal: 'Pay the bill',
  tabId: 1,
  startUrl: 'http://127.0.0.1/shop/',
  createdAt: 1,
  updatedAt: 2,
  model: { baseURL: 'http://127.0.0.1:1/v1', model: 'scripted' },
  budgets: {},
  marker: 'abc',
};
const pending = { intent: { action: 'click', target: 'the "Pay" button' }, reason: 'it pays' };
const confirm = { question: 'Approve this step?', kind: 'confirm', options: ['Approve', 'Deny'] };

describe('the run schema', () => {
  it('drops what an earlier version left from another status', () => {
    // A run paused or failed while it waited kept its question; a stopped one keeps the step it waited on.
    const stopped = Run.parse({ ...base, status: 'stopped', endedAt: 3, stopReason: 'Stopped by the person.', pending, question: confirm });
    expect(stopped).toMatchObject({ pending: { reason: 'it pays' } });
    expect(stopped).not.toHaveProperty('question');
    expect(Run.parse({ ...base, status: 'paused', question: confirm })).not.toHaveProperty('question');
    const running = Run.parse({ ...base, status: 'running', question: confirm, pending });
    expect(running).not.toHaveProperty('question');
    expect(running).not.toHaveProperty('pending');
    const decided = Run.parse({ ...base, status: 'running', pending: { ...pending, decision: 'approve' } });
    expect(decided).toMatchObject({ status: 'running', pending: { decision: 'approve' } });
  });

  it('gives an ended run written without an end its last update', () => {
    const finished = Run.parse({ ...base, status: 'finished' });
    expect(finished).toMatchObject({ status: 'finished', endedAt: 2, stopReason: '' });
    expect(finished.success).toBeUndefined();
  });

  it('imports an earlier version 1 trace of a run waiting for approval', () => {
    const trace = Trace.parse({ kind: 'webwright-trace', version: 1, run: { ...base, status: 'waiting-user', question: confirm, pending: { ...pending, decision: undefined } }, steps: [] });
    expect(trace.run).toMatchObject({ status: 'waiting-user', question: confirm, pending: { reason: 'it pays' } });
  });

  it('refuses a waiting run without its question, and a pending step with no intent', () => {
    expect(Run.safeParse({ ...base, status: 'waiting-user' }).success).toBe(false);
    expect(Run.safeParse({ ...base, status: 'waiting-user', question: confirm, pending: { reason: 'it pays' } }).success).toBe(false);
  });

  it('writes back what it reads', () => {
    const run = Run.parse({ ...base, status: 'waiting-user', question: confirm, pending });
    expect(Run.parse(JSON.parse(JSON.stringify(run)))).toEqual(run);
  });
});

describe('the intents that never touch the page', () => {
  const offPage = (input: unknown) => {
    const intent = Intent.parse(input);
    if (!isOffPage(intent)) throw new Error(`${intent.action} touches the page`);
    return intent;
  };
  const run = Run.parse({ ...base, status: 'running', notes: ['first'] });

  it('finish ends the run with its answer', () => {
    expect(offPageOutcome(offPage({ action: 'finish', success: true, answer: '$12' }), run)).toEqual({
      result: { ok: true, kind: 'ok', message: 'Finished.' },
      event: { type: 'finish', success: true, reason: 'The task is done.', answer: '$12' },
    });
    expect(offPageOutcome(offPage({ action: 'finish', success: false }), run).event).toEqual({ type: 'finish', success: false, reason: 'The agent could not do the task.' });
  });

  it('note keeps the content for the final answer', () => {
    expect(offPageOutcome(offPage({ action: 'note', content: 'size M' }), run)).toEqual({ result: { ok: true, kind: 'ok', message: 'Noted.' }, changes: { notes: ['first', 'size M'] } });
  });

  it('ask_user puts the question to the person', () => {
    expect(offPageOutcome(offPage({ action: 'ask_user', question: 'Which size?', kind: 'choice', options: ['M', 'L'] }), run)).toEqual({
      result: { ok: true, kind: 'ok', message: 'Waiting for the person to answer.' },
      event: { type: 'ask', question: { question: 'Which size?', kind: 'choice', options: ['M', 'L'] } },
    });
  });
});
