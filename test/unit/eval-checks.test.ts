import { describe, expect, it } from 'vitest';
import { describeCheck, evaluateCheck, judge, matchText } from '../../src/cli/eval/checks.ts';
import { Check } from '../../src/cli/eval/suite.ts';
import type { Trace } from '../../src/shared/run.ts';

// The rules that decide whether a check holds, and how a check reads in the report.

const check = (input: unknown) => Check.parse(input);

describe('matchText', () => {
  it('compares whole text trimmed, part of it, or a pattern; any case when asked', () => {
    expect(matchText({ equals: '2 products' }, '  2 products ')).toBe(true);
    expect(matchText({ equals: '2 products' }, '2 Products')).toBe(false);
    expect(matchText({ equals: '2 products', ignoreCase: true }, '2 Products')).toBe(true);
    expect(matchText({ contains: '$195.30' }, 'The total is now $195.30.')).toBe(true);
    expect(matchText({ contains: 'viewer' }, 'a Viewer')).toBe(false);
    expect(matchText({ contains: 'viewer', ignoreCase: true }, 'a Viewer')).toBe(true);
    expect(matchText({ matches: '\\b(2|two)\\b', ignoreCase: true }, 'There are Two')).toBe(true);
    expect(matchText({ matches: '#docs$' }, 'http://x/#docs/more')).toBe(false);
    expect(matchText({ equals: '' }, '')).toBe(true);
  });
});

describe('judge', () => {
  it('decides each kind of check on the value seen', () => {
    expect(judge(check({ kind: 'text', selector: 'h1', equals: 'Checkout' }), 'Checkout')).toBe(true);
    expect(judge(check({ kind: 'text', selector: 'h1', equals: 'Checkout' }), undefined)).toBe(false);
    expect(judge(check({ kind: 'checked', selector: '#f-red' }), true)).toBe(true);
    expect(judge(check({ kind: 'checked', selector: '#f-red', equals: false }), true)).toBe(false);
    expect(judge(check({ kind: 'exists', selector: 'li' }), 3)).toBe(true);
    expect(judge(check({ kind: 'exists', selector: 'li' }), 0)).toBe(false);
    expect(judge(check({ kind: 'not-exists', selector: 'li' }), 0)).toBe(true);
    expect(judge(check({ kind: 'visible', selector: '#done' }), false)).toBe(false);
    expect(judge(check({ kind: 'hidden', selector: '#done' }), false)).toBe(true);
    expect(judge(check({ kind: 'count', selector: 'li', equals: 4 }), 4)).toBe(true);
    expect(judge(check({ kind: 'count', selector: 'li', min: 2, max: 3 }), 4)).toBe(false);
    expect(judge(check({ kind: 'count', selector: 'li', min: 2 }), 40)).toBe(true);
    expect(judge(check({ kind: 'status', equals: 'stopped' }), 'stopped')).toBe(true);
    expect(judge(check({ kind: 'success' }), undefined)).toBe(false);
  });
});

describe('describeCheck', () => {
  it('says each check in words, selectors as code', () => {
    expect(describeCheck(check({ kind: 'text', selector: '#cart-count', equals: '1' }))).toBe('text of `#cart-count` equals "1"');
    expect(describeCheck(check({ kind: 'text', frame: '#newsletter-frame', selector: '#nl-msg', contains: 'list' }))).toBe('text of `#nl-msg` in frame `#newsletter-frame` contains "list"');
    expect(describeCheck(check({ kind: 'attribute', selector: 'html', name: 'data-consent', matches: 'true' }))).toBe('data-consent of `html` matches /true/');
    expect(describeCheck(check({ kind: 'checked', selector: '#sms', equals: false }))).toBe('`#sms` not checked');
    expect(describeCheck(check({ kind: 'count', selector: 'li', min: 2, max: 5 }))).toBe('count of `li` between 2 and 5');
    expect(describeCheck(check({ kind: 'answer', contains: 'viewer', ignoreCase: true }))).toBe('answer contains "viewer" (any case)');
    expect(describeCheck(check({ kind: 'status', equals: 'finished' }))).toBe('run status finished');
  });
});

describe('evaluateCheck', () => {
  const trace = { kind: 'webwright-trace', version: 1, run: { status: 'finished', success: true, answer: 'It costs $102 a night.' }, steps: [] } as unknown as Trace;

  it('reads the answer and the outcome from the run, and says when the page is gone', async () => {
    expect(await evaluateCheck(check({ kind: 'answer', contains: '$102' }), undefined, trace)).toEqual({ description: 'answer contains "$102"', expected: 'contains "$102"', actual: '"It costs $102 a night."', held: true });
    expect(await evaluateCheck(check({ kind: 'success', equals: false }), undefined, trace)).toMatchObject({ actual: 'true', held: false });
    expect(await evaluateCheck(check({ kind: 'text', selector: 'h1', equals: 'x' }), undefined, trace)).toMatchObject({ actual: "(the run's tab is closed)", held: false });
    const silent = { ...trace, run: { status: 'stopped' } } as unknown as Trace;
    expect(await evaluateCheck(check({ kind: 'answer', contains: 'x' }), undefined, silent)).toMatchObject({ actual: '(no answer)', held: false });
  });
});
