import { describe, expect, it } from 'vitest';
import { Trace } from '../../src/shared/run.ts';

// The escalation a step records is optional: traces written before it still import.

const run = {
  id: 'r1',
  goal: 'Apply my promo code',
  tabId: 1,
  startUrl: 'http://127.0.0.1/shop/cart.html',
  status: 'finished',
  createdAt: 1,
  updatedAt: 2,
  model: { baseURL: 'http://127.0.0.1:1/v1', model: 'scripted' },
  budgets: {},
  marker: 'abc',
};
const step = { runId: 'r1', index: 0, startedAt: 1, url: 'http://127.0.0.1/shop/cart.html', observation: '- [e25] button "Apply"', messages: [] };
const escalation = {
  reason: 'not-found',
  model: 'grounder',
  candidates: [
    { ref: 'e25', near: 'words', label: 'button "Apply"' },
    { ref: 'e24', near: 'place', label: 'textbox value="SAVE10"' },
  ],
  answer: '{"ref": "e25"}',
  chosen: 'e25',
  outcome: 'chosen',
  summary: 'No element fit the target well by its words; the grounding model chose [e25].',
};

describe('a trace with and without escalations', () => {
  it('imports a version 1 trace written before escalations were recorded', () => {
    const parsed = Trace.parse({ kind: 'webwright-trace', version: 1, run, steps: [step] });
    expect(parsed.steps[0]?.escalation).toBeUndefined();
  });

  it('keeps a step\'s escalation through export and import', () => {
    const parsed = Trace.parse({ kind: 'webwright-trace', version: 1, run, steps: [{ ...step, escalation }] });
    expect(Trace.parse(JSON.parse(JSON.stringify(parsed))).steps[0]?.escalation).toEqual(escalation);
  });

  it('refuses a malformed escalation, naming where it is', () => {
    const result = Trace.safeParse({ kind: 'webwright-trace', version: 1, run, steps: [{ ...step, escalation: { ...escalation, outcome: 'guessed' } }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['steps', 0, 'escalation', 'outcome']);
  });
});
