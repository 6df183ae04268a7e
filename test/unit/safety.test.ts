import { describe, expect, it } from 'vitest';
import { checkDomain } from '../../src/background/safety/domains.ts';
import { assessRisk } from '../../src/background/safety/risk.ts';
import { Intent } from '../../src/shared/intent.ts';

const click = (target: string, extra: Record<string, unknown> = {}) => Intent.parse({ action: 'click', target, ...extra });
const element = (name: string) => ({ name, role: 'button' });

describe('assessRisk', () => {
  it.each([
    ['Place order', 'payment'],
    ['Proceed to checkout', 'payment'],
    ['Pay $217.00', 'payment'],
    ['Delete project', 'deletion'],
    ['Close account', 'deletion'],
    ['Send message', 'publishing'],
    ['Post', 'publishing'],
    ['Change password', 'credentials'],
    ['提交订单', 'payment'],
    ['删除', 'deletion'],
    ['发布', 'publishing'],
    ['修改密码', 'credentials'],
  ])('a click on "%s" is %s', (name, kind) => {
    expect(assessRisk(click('the button'), element(name))?.kind).toBe(kind);
  });

  it.each(['Add to cart', '♡ Like 37', 'Save draft', 'Next page', 'Postcode', 'Sign in', 'Remove filter'])('a click on "%s" is not', (name) => {
    expect(assessRisk(click('the button'), element(name))).toBeUndefined();
  });

  it('judges by the element, not by the words around it', () => {
    expect(assessRisk(click("the Like button on Priya's post"), element('♡ Like'))).toBeUndefined();
    expect(assessRisk(click('the big blue button'), element('Place order'))?.kind).toBe('payment');
  });

  it('goes by the planner\'s words when nothing was grounded, and always by its own mark', () => {
    expect(assessRisk(click('Place order'), undefined)?.kind).toBe('payment');
    expect(assessRisk(click('Save draft', { sensitive: 'publishes the draft' }), element('Save draft'))).toEqual({ kind: 'marked', reason: 'publishes the draft' });
  });

  it('only steps that commit count: typing is not, typing and pressing Enter can be', () => {
    expect(assessRisk(Intent.parse({ action: 'type', target: 'Message', text: 'hi' }), { name: 'Send', role: 'textbox' })).toBeUndefined();
    expect(assessRisk(Intent.parse({ action: 'type', target: 'Message', text: 'hi', submit: true }), { name: 'Send a message', role: 'textbox' })?.kind).toBe('publishing');
    expect(assessRisk(Intent.parse({ action: 'hover', target: 'Delete' }), element('Delete'))).toBeUndefined();
  });
});

describe('checkDomain', () => {
  const safety = { blockedDomains: ['evil.test'], allowedDomains: ['shop.test'] };
  it('blocks a domain and its subdomains', () => {
    expect(checkDomain(Intent.parse({ action: 'navigate', url: 'https://evil.test/x' }), safety)).toEqual({ kind: 'blocked', host: 'evil.test' });
    expect(checkDomain(Intent.parse({ action: 'tab', op: 'open', url: 'sub.evil.test' }), safety)).toEqual({ kind: 'blocked', host: 'sub.evil.test' });
  });
  it('asks for sites outside a non-empty allowed list, and not for those inside', () => {
    expect(checkDomain(Intent.parse({ action: 'navigate', url: 'https://other.test' }), safety)).toEqual({ kind: 'ask', host: 'other.test' });
    expect(checkDomain(Intent.parse({ action: 'navigate', url: 'https://www.shop.test/cart' }), safety)).toEqual({ kind: 'ok' });
    expect(checkDomain(Intent.parse({ action: 'navigate', url: 'https://other.test' }), { blockedDomains: [], allowedDomains: [] })).toEqual({ kind: 'ok' });
  });
  it('leaves steps that open no URL alone', () => {
    expect(checkDomain(Intent.parse({ action: 'click', target: 'x' }), safety)).toEqual({ kind: 'ok' });
  });
});
