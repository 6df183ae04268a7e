import { describe, expect, it } from 'vitest';
import { ground, MATCH_THRESHOLD, MODEL_REF_FLOOR } from '../../src/grounding/resolve.ts';
import { box, candidate, expectKind, expectOk, page } from './grounding-data.ts';

// A ref the grounding model chose: the words need fit it only in part, never not at all, and it
// never overrules an element the words fit much better.

const form = () =>
  page([
    candidate({ index: 0, name: 'Save changes', box: box(20, 400) }),
    candidate({ index: 1, name: 'Discard', box: box(160, 400) }),
    candidate({ index: 2, role: 'link', tag: 'a', name: 'Help centre', box: box(20, 20) }),
  ]);

describe('ground: a ref the grounding model chose', () => {
  it('has a floor below the words alone, for the near misses of a not-found', () => {
    expect(MODEL_REF_FLOOR).toBeGreaterThan(0);
    expect(MODEL_REF_FLOOR).toBeLessThan(MATCH_THRESHOLD);
  });

  it('takes a near miss of a not-found, where a planner ref to it is refused', () => {
    const words = expectKind(ground(form(), { target: 'save all changes now' }), 'not-found');
    const nearMiss = words.candidates[0];
    expect(nearMiss?.candidate.index).toBe(0);
    expect(nearMiss?.score).toBeGreaterThanOrEqual(MODEL_REF_FLOOR);
    expect(nearMiss?.score).toBeLessThan(MATCH_THRESHOLD);

    expectKind(ground(form(), { target: 'save all changes now', ref: 'e1', refIndex: 0 }), 'stale-ref');
    expectKind(ground(form(), { target: 'save all changes now', ref: 'e1', refIndex: 0, refBy: 'planner' }), 'stale-ref');
    const picked = expectOk(ground(form(), { target: 'save all changes now', ref: 'e1', refIndex: 0, refBy: 'grounding-model' }));
    expect(picked.chosen.candidate.index).toBe(0);
    expect(picked.message).toBe('Chose [e1] button "Save changes", the grounding model\'s pick, which the words fit only in part.');
  });

  it('refuses a pick the words do not fit at all, naming what it is', () => {
    const result = expectKind(ground(form(), { target: 'save all changes now', ref: 'e2', refIndex: 1, refBy: 'grounding-model' }), 'stale-ref');
    expect(result.message).toContain('[e2] button "Discard", which does not fit "save all changes now"');
  });

  it('does not let a weak pick overrule an element the words fit far better', () => {
    const strong = expectOk(ground(form(), { target: 'the Save changes button' }));
    expect(strong.chosen.candidate.index).toBe(0);
    expectKind(ground(form(), { target: 'the Save changes button', ref: 'e2', refIndex: 1, refBy: 'grounding-model' }), 'stale-ref');
  });

  it('takes a pick the words fit well with the same message as any ref', () => {
    const result = expectOk(ground(form(), { target: 'the Save changes button', ref: 'e1', refIndex: 0, refBy: 'grounding-model' }));
    expect(result.message).toBe('Chose [e1] button "Save changes".');
  });

  it('keeps the usual floor for a point, whoever gave it', () => {
    expectKind(ground(form(), { target: 'save all changes now', point: [30, 500], pointIndex: 0, refBy: 'grounding-model' }), 'stale-ref');
  });
});
