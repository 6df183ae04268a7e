import type { Settings } from '../../shared/settings.ts';
import { covers, domainsIn, hostOf, siteOf } from './sites.ts';

// Where a step may take the agent. Blocked sites are never opened. A site the person brought up
// (the start page, the goal, an answer, an approved step), the site of the page the agent is on,
// and the allowed sites in the settings are open; anywhere else, a page may be luring the agent,
// so the person decides.

export type DomainVerdict = { kind: 'ok' } | { kind: 'blocked'; host: string } | { kind: 'ask'; host: string; site: string; reason: string };

/** The sites named in texts the person wrote (or the URL they started on). */
export function introducedSites(texts: string[]): string[] {
  return [...new Set(texts.flatMap((text) => domainsIn(text)).map(siteOf))];
}

export function checkDestination(url: string, context: { safety: Settings['safety']; sites: string[]; currentUrl: string }): DomainVerdict {
  const host = hostOf(url);
  if (!host) return { kind: 'ok' };
  const { safety } = context;
  if (safety.blockedDomains.some((domain) => covers(domain, host))) return { kind: 'blocked', host };
  if (safety.allowedDomains.some((domain) => covers(domain, host))) return { kind: 'ok' };
  const site = siteOf(host);
  const current = hostOf(context.currentUrl);
  if (current && siteOf(current) === site) return { kind: 'ok' };
  if (safety.allowedDomains.length > 0) return { kind: 'ask', host, site, reason: `${host} is not among the sites you allowed` };
  if (context.sites.includes(site)) return { kind: 'ok' };
  return { kind: 'ask', host, site, reason: `neither your goal nor you brought up ${host}; a page may be luring the agent there` };
}
