import { describe, expect, it } from 'vitest';
import { choicePrompt, parseChoice } from '../../src/background/planner/choose.ts';

describe('the grounding model\'s answer', () => {
  const refs = ['e12', 'e15', 'f3:e2'];
  it('takes a candidate ref, as JSON or bare, brackets or not', () => {
    expect(parseChoice('{"ref": "e15"}', refs)).toEqual({ ref: 'e15' });
    expect(parseChoice('```json\n{"ref": "[f3:e2]"}\n```', refs)).toEqual({ ref: 'f3:e2' });
    expect(parseChoice('It is e12, the one under Blue Shirt.', refs)).toEqual({ ref: 'e12' });
  });
  it('refuses a ref that is not a candidate, none, several or nothing usable, saying which', () => {
    expect(parseChoice('{"ref": "e99"}', refs).why).toMatch(/"e99", which is not among the candidates/);
    expect(parseChoice('{"ref": null}', refs).why).toMatch(/fits none of them alone/);
    expect(parseChoice('e12 or e15', refs).why).toMatch(/more than one/);
    expect(parseChoice('e2', refs).why).toMatch(/no usable answer/);
    expect(parseChoice('', refs).ref).toBeUndefined();
  });
  it('fences the page outline with the run\'s marker and lists the candidates', () => {
    const [system, user] = choicePrompt({ target: 'Add to cart', refs, outline: '- [e12] button "Add to cart"', marker: 'abc123' });
    expect(system?.content).toContain('<<page abc123>>');
    expect(user?.content).toContain('Candidates: e12, e15, f3:e2');
    expect(user?.content).toContain('<<page abc123>>\n- [e12] button "Add to cart"\n<</page abc123>>');
  });
});
