import { describe, expect, it } from 'vitest';
import { checkDestination, introducedSites } from '../../src/background/safety/domains.ts';
import { siteOf } from '../../src/background/safety/sites.ts';
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

describe('checkDestination', () => {
  const safety = { blockedDomains: ['evil.test'], allowedDomains: [] };
  const at = (url: string, sites: string[] = [], allowed: string[] = []) => checkDestination(url, { safety: { ...safety, allowedDomains: allowed }, sites, currentUrl: 'https://www.shop.test/item/3' });
  it('never opens a blocked domain or its subdomains, even one the person named', () => {
    expect(at('https://evil.test/x', ['evil.test'])).toEqual({ kind: 'blocked', host: 'evil.test' });
    expect(at('sub.evil.test')).toEqual({ kind: 'blocked', host: 'sub.evil.test' });
  });
  it('goes without asking to the site it is on, to sites the person brought up, and to allowed sites', () => {
    expect(at('https://shop.test/cart')).toEqual({ kind: 'ok' });
    expect(at('https://checkout.shop.test/pay')).toEqual({ kind: 'ok' });
    expect(at('https://docs.example.co.uk/a', ['example.co.uk'])).toEqual({ kind: 'ok' });
    expect(at('https://maps.other.test', [], ['other.test'])).toEqual({ kind: 'ok' });
  });
  it('asks before a site nobody brought up, saying why', () => {
    const verdict = at('https://lure.test/win');
    expect(verdict).toMatchObject({ kind: 'ask', host: 'lure.test', site: 'lure.test' });
    expect(verdict.kind === 'ask' && verdict.reason).toMatch(/neither your goal nor you brought up lure\.test/);
    expect(at('http://localhost:8080/x', ['127.0.0.1'])).toMatchObject({ kind: 'ask', host: 'localhost' });
  });
  it('with an allowed list, asks for anything outside it, even a site the goal named', () => {
    expect(at('https://named.test', ['named.test'], ['allowed.test'])).toMatchObject({ kind: 'ask', reason: expect.stringMatching(/not among the sites you allowed/) });
  });
  it('lets no URL without a host through silently', () => {
    expect(at('javascript:void(0)').kind).toBe('refuse');
    expect(at('mailto:a@b.test').kind).toBe('ask');
  });
});

describe('introducedSites', () => {
  it('finds the sites in the start URL, the goal and answers, not file names', () => {
    expect(introducedSites(['https://www.shop.test/index.html', 'Compare it with the price on amazon.co.uk and http://127.0.0.1:4000/a, then read notes.txt'])).toEqual(['shop.test', 'amazon.co.uk', '127.0.0.1']);
    expect(siteOf('a.b.example.com')).toBe('example.com');
    expect(siteOf('localhost')).toBe('localhost');
  });
});
