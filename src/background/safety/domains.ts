import type { Settings } from '../../shared/settings.ts';
import { covers, domainsIn, hostOf, parseUrl, siteOf } from './sites.ts';

// Where a step may take the agent. Blocked sites are never opened. A site the person brought up
// (the start page, the goal, an answer, an approved step), the site of the page the agent is on,
// and the allowed sites in the settings are open; anywhere else, a page may be luring the agent,
// so the person decides. What cannot be told apart from a site (no host, a host behind another
// name) is never let through silently.

export type DomainVerdict =
  | { kind: 'ok' }
  | { kind: 'blocked'; host: string }
  | { kind: 'refuse'; reason: string }
  | { kind: 'ask'; host: string; site: string; reason: string };

/** The sites named in texts the person wrote (or the URL they started on). */
export function introducedSites(texts: string[]): string[] {
  return [...new Set(texts.flatMap((text) => domainsIn(text)).map(siteOf))];
}

// Schemes that load a page from somewhere other than a web site.
const local: Record<string, string> = {
  file: 'it opens a file on this computer',
  data: 'it opens a page written into the link itself (data:), which can pass for any site',
  blob: 'it opens content made by a page (blob:), which can pass for any site',
  chrome: 'it opens a browser settings page',
  'chrome-extension': "it opens an extension's page",
  'view-source': 'it opens a page in the source viewer',
  filesystem: 'it opens a file stored by a page',
  about: 'it opens a browser page',
};

export function checkDestination(url: string, context: { safety: Settings['safety']; sites: string[]; currentUrl: string }): DomainVerdict {
  const parsed = parseUrl(url);
  if (!parsed) return { kind: 'ask', host: url, site: url, reason: `"${url}" is not an address Webwright can check` };
  if (parsed.scheme === 'javascript') return { kind: 'refuse', reason: 'a javascript: link runs code in the page instead of opening one' };
  const { host } = parsed;
  if (parsed.scheme !== 'http' && parsed.scheme !== 'https') {
    return { kind: 'ask', host: host ?? `${parsed.scheme}:`, site: host ?? `${parsed.scheme}:`, reason: local[parsed.scheme] ?? `it is a ${parsed.scheme}: address, not a web site` };
  }
  if (!host) return { kind: 'ask', host: url, site: url, reason: 'the address names no host' };
  const { safety } = context;
  if (safety.blockedDomains.some((domain) => covers(domain, host))) return { kind: 'blocked', host };
  const site = siteOf(host);
  // "https://bank.example@evil.example/" goes to evil.example: the part before "@" only misleads.
  if (parsed.userinfo) return { kind: 'ask', host, site, reason: `the address puts a name before "@", so it looks like another site but goes to ${host}` };
  if (safety.allowedDomains.some((domain) => covers(domain, host))) return { kind: 'ok' };
  const current = hostOf(context.currentUrl);
  if (current && siteOf(current) === site) return { kind: 'ok' };
  if (safety.allowedDomains.length > 0) return { kind: 'ask', host, site, reason: `${host} is not among the sites you allowed` };
  if (context.sites.includes(site)) return { kind: 'ok' };
  return { kind: 'ask', host, site, reason: `neither your goal nor you brought up ${host}; a page may be luring the agent there` };
}
