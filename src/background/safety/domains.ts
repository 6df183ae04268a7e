import type { Intent } from '../../shared/intent.ts';
import type { Settings } from '../../shared/settings.ts';

// Allowed and blocked sites from the settings, for the steps that open a URL.

function hostOf(url: string): string | undefined {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

const covers = (domain: string, host: string) => host === domain || host.endsWith(`.${domain}`);

export type DomainVerdict = { kind: 'ok' } | { kind: 'blocked'; host: string } | { kind: 'ask'; host: string };

export function checkDomain(intent: Intent, safety: Settings['safety']): DomainVerdict {
  const url = intent.action === 'navigate' ? intent.url : intent.action === 'tab' && intent.op === 'open' ? intent.url : undefined;
  if (!url) return { kind: 'ok' };
  const host = hostOf(url);
  if (!host) return { kind: 'ok' };
  if (safety.blockedDomains.some((domain) => covers(domain, host))) return { kind: 'blocked', host };
  if (safety.allowedDomains.length > 0 && !safety.allowedDomains.some((domain) => covers(domain, host))) return { kind: 'ask', host };
  return { kind: 'ok' };
}
