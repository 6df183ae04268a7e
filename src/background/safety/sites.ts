// Hosts and sites (registrable domains, roughly) for the safety checks on where the agent goes.

export function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`);
    return parsed.hostname ? parsed.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** A domain covers itself and its subdomains. */
export const covers = (domain: string, host: string) => host === domain || host.endsWith(`.${domain}`);

// Second-level labels under which registrations happen (example.co.uk, example.com.cn).
const secondLevel = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'ne', 'or', 'go']);

/** The site a host belongs to: "shop.example.co.uk" → "example.co.uk"; IPs and single labels stay whole. */
export function siteOf(host: string): string {
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return host;
  const labels = host.split('.');
  const keep = labels.length >= 3 && (labels.at(-1)?.length ?? 0) === 2 && secondLevel.has(labels.at(-2) ?? '') ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Domains written in a text: bare ("example.com") or in URLs. */
export function domainsIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\b(?:[a-z][a-z0-9+.-]*:\/\/)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}|localhost|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?\b/gi)) {
    const host = match[1]?.toLowerCase();
    // "index.html" or "e.g." are not domains; a dotted name whose last label is a file type is skipped.
    if (host && !/\.(html?|php|aspx?|jsp|js|css|png|jpe?g|gif|svg|pdf|json|txt|md)$/.test(host)) found.add(host);
  }
  return [...found];
}
