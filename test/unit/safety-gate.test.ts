import { describe, expect, it } from 'vitest';
import { decide, type GateContext } from '../../src/background/safety/decide.ts';
import { covers, normalizeEntry, siteOf } from '../../src/background/safety/sites.ts';
import { Intent } from '../../src/shared/intent.ts';
import type { GroundReport } from '../../src/shared/results.ts';
import { Settings } from '../../src/shared/settings.ts';

// The gate as a pure function of (intent, grounded element, run sites, settings): one case per bypass.

const context = (safety: { blockedDomains?: string[]; allowedDomains?: string[] } = {}, extra: Partial<GateContext> = {}): GateContext => ({
  settings: Settings.parse({ safety }),
  sites: [],
  currentUrl: 'https://start.example.org/',
  ...extra,
});
const navigate = (url: string) => Intent.parse({ action: 'navigate', url });
const clickLink = (link: string, name = 'Read more'): [Intent, GroundReport] => [
  Intent.parse({ action: 'click', target: `the ${name} link` }),
  { kind: 'ok', message: 'found', element: { ref: 'e4', role: 'link', name, box: { x: 0, y: 0, width: 10, height: 10 }, link } } as GroundReport,
];

describe('sites come from the Public Suffix List, private domains included', () => {
  it('tells apart two people under one hosting domain', () => {
    expect(siteOf('alice.github.io')).toBe('alice.github.io');
    expect(siteOf('pages.alice.github.io')).toBe('alice.github.io');
    expect(siteOf('shop.example.co.uk')).toBe('example.co.uk');
    expect(decide(navigate('https://evil.github.io/'), undefined, context({}, { currentUrl: 'https://alice.github.io/', sites: ['alice.github.io'] })).kind).toBe('ask');
    expect(decide(navigate('https://alice.github.io/blog'), undefined, context({}, { currentUrl: 'https://alice.github.io/' })).kind).toBe('go');
  });
});

describe('list entries are normalised like the URLs they are compared with', () => {
  it.each([
    ['example.com', 'example.com'],
    ['EXAMPLE.com.', 'example.com'],
    ['https://example.com/some/path?q=1', 'example.com'],
    ['http://Example.com:8080', 'example.com'],
    ['example.com:8080', 'example.com'],
    ['*.example.com', 'example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['  shop.example.com  ', 'shop.example.com'],
  ])('"%s" stands for %s', (entry, host) => {
    expect(normalizeEntry(entry)).toBe(host);
  });

  it('an entry that names no host matches nothing', () => {
    expect(normalizeEntry('')).toBeUndefined();
    expect(normalizeEntry('not a host')).toBeUndefined();
    expect(covers('', 'example.com')).toBe(false);
  });

  it.each(['example.com', 'example.com.', 'https://example.com/login', '*.example.com', 'EXAMPLE.COM', 'http://example.com:8443/'])(
    'a blocked "%s" refuses example.com, its subdomains and their spellings',
    (entry) => {
      for (const url of ['https://example.com/', 'https://example.com./', 'https://EXAMPLE.com:8443/x', 'https://shop.example.com/cart', 'http://shop.example.com.:80/']) {
        expect(decide(navigate(url), undefined, context({ blockedDomains: [entry] })).kind, `${entry} → ${url}`).toBe('refuse');
      }
      expect(decide(navigate('https://notexample.com/'), undefined, context({ blockedDomains: [entry] })).kind).not.toBe('refuse');
    },
  );

  it('an entry in Unicode covers the punycode host and the reverse', () => {
    expect(decide(navigate('https://xn--bcher-kva.de/'), undefined, context({ blockedDomains: ['bücher.de'] })).kind).toBe('refuse');
    expect(decide(navigate('https://www.bücher.de/'), undefined, context({ blockedDomains: ['xn--bcher-kva.de'] })).kind).toBe('refuse');
  });

  it('a pasted URL in the allowed list counts as its host', () => {
    const allowed = context({ allowedDomains: ['https://docs.example.net/guide/start'] });
    expect(decide(navigate('https://docs.example.net/other'), undefined, allowed).kind).toBe('go');
    expect(decide(navigate('https://elsewhere.example.net/'), undefined, allowed).kind).toBe('ask');
  });

  it('a secret-site entry covers its subdomains however it was written', () => {
    expect(covers('*.Bank.example.', 'login.bank.example')).toBe(true);
    expect(covers('https://bank.example/signin', 'bank.example')).toBe(true);
    expect(covers('bank.example', 'bank.example.evil.example')).toBe(false);
  });
});

describe('addresses that hide where they go are refused or asked about', () => {
  it('a name before "@" asks, saying where the address really goes', () => {
    const verdict = decide(navigate('https://bank.example@evil.example/'), undefined, context({}, { sites: ['bank.example', 'evil.example'] }));
    expect(verdict).toMatchObject({ kind: 'ask', site: 'evil.example' });
    expect(verdict.kind === 'ask' && verdict.reason).toContain('goes to evil.example');
    expect(decide(navigate('https://bank.example@evil.example/'), undefined, context({ blockedDomains: ['evil.example'] })).kind).toBe('refuse');
  });

  it('navigating to a javascript: address is refused; clicking a javascript: link is judged like a button', () => {
    expect(decide(navigate('JavaScript:void(0)'), undefined, context()).kind).toBe('refuse');
    expect(decide(...clickLink('javascript:void(0)'), context()).kind).toBe('go');
    expect(decide(...clickLink('javascript:void(0)', 'Delete project'), context()).kind).toBe('ask');
  });

  it.each(['data:text/html,<script>alert(1)</script>', 'blob:https://start.example.org/1234', 'file:///etc/passwd', 'chrome://settings', 'about:blank', 'view-source:https://start.example.org/'])(
    '%s asks, by navigate and by a link',
    (url) => {
      expect(decide(navigate(url), undefined, context()).kind).toBe('ask');
      const [intent, report] = clickLink(url);
      expect(decide(intent, report, context({}, { currentUrl: 'file:///home/me/page.html' })).kind).toBe('ask');
    },
  );

  it('an address that cannot be read asks', () => {
    expect(decide(navigate('https://'), undefined, context()).kind).toBe('ask');
    expect(decide(navigate('http://exa mple.com/'), undefined, context()).kind).toBe('ask');
  });
});

describe('the rest of the gate', () => {
  it('a link to the current site or one the person named goes; one nobody named asks', () => {
    expect(decide(...clickLink('https://start.example.org/next'), context()).kind).toBe('go');
    expect(decide(...clickLink('https://shop.example/'), context({}, { sites: ['shop.example'] })).kind).toBe('go');
    expect(decide(...clickLink('https://lure.example/'), context()).kind).toBe('ask');
  });

  it('a consequential element asks, a plain one goes', () => {
    expect(decide(...clickLink('https://start.example.org/order', 'Place order'), context())).toMatchObject({ kind: 'ask', element: { ref: 'e4' } });
    expect(decide(Intent.parse({ action: 'type', target: 'the search box', text: 'socks' }), undefined, context()).kind).toBe('go');
  });
});
