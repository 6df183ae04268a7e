import { describe, expect, it } from 'vitest';
import { choicePrompt, parseChoice } from '../../src/background/planner/choose.ts';

describe('the grounding model\'s answer', () => {
  const refs = ['e12', 'e15', 'f3:e2'];
  it('takes a candidate ref, as JSON or bare, brackets or not', () => {
    expect(parseChoice('{"ref": "e15"}', refs)).toEqual({ verdict: 'chosen', ref: 'e15' });
    expect(parseChoice('```json\n{"ref": "[f3:e2]"}\n```', refs)).toEqual({ verdict: 'chosen', ref: 'f3:e2' });
    expect(parseChoice('It is e12, the one under Blue Shirt.', refs)).toEqual({ verdict: 'chosen', ref: 'e12' });
  });
  it('tells a "none of them" apart from an answer it cannot use, saying which', () => {
    expect(parseChoice('{"ref": null}', refs)).toMatchObject({ verdict: 'rejected', why: expect.stringMatching(/none of the candidates/) });
    expect(parseChoice('{"ref": "e99"}', refs)).toMatchObject({ verdict: 'unusable', why: expect.stringMatching(/"e99", which is not among the candidates/) });
    expect(parseChoice('e12 or e15', refs)).toMatchObject({ verdict: 'unusable', why: expect.stringMatching(/more than one/) });
    expect(parseChoice('e2', refs)).toMatchObject({ verdict: 'unusable', why: expect.stringMatching(/no usable answer/) });
    expect(parseChoice('', refs).ref).toBeUndefined();
  });
  it('fences the page outline with the run\'s marker and lists the candidates, with why each is there', () => {
    const candidates = [
      { ref: 'e12', near: 'words' as const },
      { ref: 'e15', near: 'place' as const },
    ];
    const [system, user] = choicePrompt({ target: 'Add to cart', reason: 'ambiguous', candidates, outline: '- [e12] button "Add to cart"', marker: 'abc123' });
    expect(system?.content).toContain('<<page abc123>>');
    expect(user?.content).toContain('Candidates: e12 (near in words), e15 (near in place)');
    expect(user?.content).toContain('Several elements fit');
    expect(user?.content).toContain('<<page abc123>>\n- [e12] button "Add to cart"\n<</page abc123>>');
  });
  it('says why it is asked: nothing fits, or the best fit is doubtful and which it is', () => {
    const candidates = [{ ref: 'e4', near: 'words' as const }];
    expect(choicePrompt({ target: 'x', reason: 'not-found', candidates, outline: '', marker: 'm' })[1]?.content).toContain('No element fits the description well enough');
    expect(choicePrompt({ target: 'x', reason: 'low-confidence', candidates, pick: '[e4]', outline: '', marker: 'm' })[1]?.content).toContain('The best fit, [e4], is doubtful. Confirm it by naming it, or choose another.');
  });
});
