import { describe, expect, it } from 'vitest';
import { Run, RunBase } from '../../src/shared/run.ts';
import { Intent } from '../../src/shared/intent.ts';
import { afterStep, runEventTypes, transition, type RunEvent, type RunEventType } from '../../src/background/run/state.ts';

// The run state machine over every pair of status and event: an allowed event gives exactly the
// expected run (and one the stored schema accepts); any other gives a reason and leaves the run
// as it was.

const NOW = 5_000;
const base: RunBase = RunBase.parse({
  id: 'r1',
  goal: 'Buy the blue shirt',
  tabId: 7,
  startUrl: 'http://127.0.0.1/shop/',
  createdAt: 1_000,
  updatedAt: 2_000,
  notes: ['size M'],
  stepCount: 3,
  answers: [],
  model: { baseURL: 'http://127.0.0.1:1/v1', model: 'scripted' },
  budgets: {},
  sites: ['127.0.0.1'],
  marker: 'abc123',
});
const intent = Intent.parse({ action: 'click', target: 'the "Pay" button' });
const pending = { intent, reason: 'it pays' };
const question = { question: 'Which size?', kind: 'choice' as const, options: ['M', 'L'] };
const confirm = { question: 'Approve this step?', kind: 'confirm' as const, options: ['Approve', 'Deny'] };

const runs = {
  none: undefined,
  running: { ...base, status: 'running' },
  'running, approved step': { ...base, status: 'running', pending: { ...pending, decision: 'approve' } },
  paused: { ...base, status: 'paused' },
  'waiting for an answer': { ...base, status: 'waiting-user', question },
  'waiting for approval': { ...base, status: 'waiting-user', question: confirm, pending },
  finished: { ...base, status: 'finished', endedAt: 3_000, stopReason: 'The task is done.', success: true, answer: '$12' },
  failed: { ...base, status: 'failed', endedAt: 3_000, stopReason: 'Could not read the page.' },
  stopped: { ...base, status: 'stopped', endedAt: 3_000, stopReason: 'Stopped by the person.' },
} satisfies Record<string, Run | undefined>;
type Name = keyof typeof runs;

const events: Record<RunEventType, RunEvent> = {
  start: { type: 'start', run: { ...base, stepCount: 0, notes: [] } },
  step: { type: 'step', changes: { stepCount: 4, notes: ['size M', 'blue'], loopWarning: 'repeat' } },
  ask: { type: 'ask', question: confirm, pending },
  answer: { type: 'answer', question: 'Which size?', answer: 'M', sites: ['example.com'] },
  approve: { type: 'approve' },
  deny: { type: 'deny' },
  pause: { type: 'pause' },
  resume: { type: 'resume' },
  stop: { type: 'stop', reason: 'Stopped by the person.' },
  finish: { type: 'finish', success: true, reason: 'The task is done.', answer: 'It costs $12.' },
  fail: { type: 'fail', reason: 'Webwright failed: boom' },
  'budget-spent': { type: 'budget-spent', reason: 'Step budget reached.' },
  'worker-restarted': { type: 'worker-restarted' },
};

const moved = { ...base, updatedAt: NOW };
const stepped = { ...moved, stepCount: 4, notes: ['size M', 'blue'], loopWarning: 'repeat' };
const ending = (reason: string) => ({ ...moved, endedAt: NOW, stopReason: reason });

// Every allowed pair and the run it gives. A pair missing here must be refused.
const allowed: Partial<Record<Name, Partial<Record<RunEventType, Run>>>> = {
  none: { start: { ...base, stepCount: 0, notes: [], updatedAt: NOW, status: 'running' } },
  running: {
    step: { ...stepped, status: 'running' },
    ask: { ...moved, status: 'waiting-user', question: confirm, pending },
    pause: { ...moved, status: 'paused' },
    stop: { ...ending('Stopped by the person.'), status: 'stopped' },
    finish: { ...ending('The task is done.'), status: 'finished', success: true, answer: 'It costs $12.' },
    fail: { ...ending('Webwright failed: boom'), status: 'failed' },
    'budget-spent': { ...ending('Step budget reached.'), status: 'stopped' },
    'worker-restarted': runs.running,
  },
  'running, approved step': {
    step: { ...stepped, status: 'running', pending: { ...pending, decision: 'approve' } },
    ask: { ...moved, status: 'waiting-user', question: confirm, pending },
    pause: { ...moved, status: 'paused', pending: { ...pending, decision: 'approve' } },
    stop: { ...ending('Stopped by the person.'), status: 'stopped', pending: { ...pending, decision: 'approve' } },
    finish: { ...ending('The task is done.'), status: 'finished', success: true, answer: 'It costs $12.', pending: { ...pending, decision: 'approve' } },
    fail: { ...ending('Webwright failed: boom'), status: 'failed', pending: { ...pending, decision: 'approve' } },
    'budget-spent': { ...ending('Step budget reached.'), status: 'stopped', pending: { ...pending, decision: 'approve' } },
    'worker-restarted': runs['running, approved step'],
  },
  paused: {
    step: { ...stepped, status: 'paused' },
    resume: { ...moved, status: 'running' },
    stop: { ...ending('Stopped by the person.'), status: 'stopped' },
    fail: { ...ending('Webwright failed: boom'), status: 'failed' },
  },
  'waiting for an answer': {
    answer: { ...moved, status: 'running', answers: [{ question: 'Which size?', answer: 'M' }], sites: ['127.0.0.1', 'example.com'] },
    pause: { ...moved, status: 'paused' },
    stop: { ...ending('Stopped by the person.'), status: 'stopped' },
    fail: { ...ending('Webwright failed: boom'), status: 'failed' },
  },
  'waiting for approval': {
    approve: { ...moved, status: 'running', pending: { ...pending, decision: 'approve' } },
    deny: { ...moved, status: 'running', pending: { ...pending, decision: 'deny' } },
    pause: { ...moved, status: 'paused' },
    // The step it waited on stays in the trace of the ended run.
    stop: { ...ending('Stopped by the person.'), status: 'stopped', pending },
    fail: { ...ending('Webwright failed: boom'), status: 'failed', pending },
  },
  // A step under way when the person pressed Stop is still recorded; the run stays stopped.
  stopped: { step: { ...stepped, status: 'stopped', endedAt: 3_000, stopReason: 'Stopped by the person.' } },
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

describe('transition, every status and event', () => {
  for (const name of Object.keys(runs) as Name[]) {
    for (const type of runEventTypes) {
      const expected = allowed[name]?.[type];
      it(`${type} on ${name === 'none' ? 'no run' : `a ${name} run`}: ${expected ? `gives ${expected.status}` : 'is refused'}`, () => {
        const run = deepFreeze(structuredClone(runs[name]));
        const before = structuredClone(run);
        const next = transition(run, events[type], NOW);
        if (expected) {
          expect(next).toEqual({ ok: true, run: expected });
          if (next.ok) expect(Run.parse(next.run)).toEqual(next.run);
        } else {
          expect(next.ok).toBe(false);
          if (!next.ok) expect(next.error).toMatch(/\w+/);
        }
        expect(run).toEqual(before);
      });
    }
  }

  it('a refusal says why in words', () => {
    expect(transition(runs.finished, { type: 'pause' }, NOW)).toEqual({ ok: false, error: 'Cannot pause a finished run.' });
    expect(transition(runs['waiting for approval'], events.answer, NOW)).toEqual({ ok: false, error: 'That run is waiting for an Approve or Deny, not an answer.' });
  });

  it('a step that carried out the approved step settles it', () => {
    expect(transition(runs['running, approved step'], { type: 'step', settled: true }, NOW)).toEqual({ ok: true, run: { ...moved, status: 'running' } });
  });

  it('a step that clears the loop warning leaves no warning behind', () => {
    const warned: Run = { ...runs.running, loopWarning: 'repeat' };
    const next = transition(warned, { type: 'step', changes: { loopWarning: undefined } }, NOW);
    expect(next.ok && 'loopWarning' in next.run).toBe(false);
  });
});

describe('afterStep: a step written over the run as stored', () => {
  const ask: RunEvent[] = [events.step, events.ask];

  it('applies the step and its ending to a run still running', () => {
    expect(afterStep(runs.running, [events.step, events.finish], NOW)).toEqual({ ok: true, run: { ...ending('The task is done.'), stepCount: 4, notes: ['size M', 'blue'], loopWarning: 'repeat', status: 'finished', success: true, answer: 'It costs $12.' } });
  });

  it('keeps a pause or stop that came in meanwhile, and still records the step', () => {
    expect(afterStep(runs.paused, ask, NOW)).toEqual({ ok: true, run: { ...stepped, status: 'paused' } });
    expect(afterStep(runs.stopped, [events.step, events.finish], NOW)).toEqual({ ok: true, run: { ...stepped, status: 'stopped', endedAt: 3_000, stopReason: 'Stopped by the person.' } });
  });

  it('returns any other refusal, which is a bug', () => {
    expect(afterStep(runs.finished, ask, NOW).ok).toBe(false);
    expect(afterStep(runs.running, [events.step, events.resume], NOW).ok).toBe(false);
  });
});
