import { getDomain } from 'tldts';

// Hosts and sites (registrable domains) for the safety checks on where the agent goes, and the
// one normalisation every entry of the blocked, allowed and secret-site lists goes through, the
// same as the URL it is compared with. When in doubt nothing matches an allowed entry and the
// person is asked.

/** Lower case, no trailing dot, IDN as punycode: what the URL parser gives for a host. */
function canonicalHost(host: string): string | undefined {
  const bare = host.trim().toLowerCase().replace(/\.+$/, '');
  if (!bare || /[\s/?#@\\]/.test(bare)) return undefined;
  try {
    return new URL(`http://${bare}`).hostname || undefined;
  } catch {
    return undefined;
  }
}

const hasScheme = /^[a-z][a-z0-9+.-]*:/i;

export interface ParsedUrl {
  /** Lower case, without the trailing dot; undefined for URLs without a host (data:, file:, about:...). */
  host: string | undefined;
  /** "https", "data", "javascript"...; "https" for a bare "example.com/path". */
  scheme: string;
  /** What stood before an "@" in the authority: a way to make a URL look like another site's. */
  userinfo: boolean;
}

export function parseUrl(url: string): ParsedUrl | undefined {
  const text = url.trim();
  // "example.com/path" and "localhost:3000" are hosts written without a scheme.
  const withScheme = hasScheme.test(text) && !/^[a-z0-9.-]+:\d+(\/|$)/i.test(text) ? text : `https://${text}`;
  try {
    const parsed = new URL(withScheme);
    const scheme = parsed.protocol.replace(/:$/, '').toLowerCase();
    const host = parsed.hostname ? canonicalHost(parsed.hostname.replace(/^\[|\]$/g, '')) ?? parsed.hostname : undefined;
    return { host, scheme, userinfo: parsed.username !== '' || parsed.password !== '' };
  } catch {
    return undefined;
  }
}

export function hostOf(url: string): string | undefined {
  return parseUrl(url)?.host;
}

/**
 * A list entry as the host it stands for: "https://Example.com:8080/a" → "example.com",
 * "*.example.com" → "example.com", "bücher.de." → "xn--bcher-kva.de". Undefined when it names no host.
 */
export function normalizeEntry(entry: string): string | undefined {
  const text = entry.trim().replace(/^\*\./, '');
  if (!text) return undefined;
  return hasScheme.test(text) || /[/?#]/.test(text) ? parseUrl(text)?.host : canonicalHost(text.replace(/:\d+$/, ''));
}

/** An entry covers its host and every subdomain of it. */
export function covers(entry: string, host: string): boolean {
  const domain = normalizeEntry(entry);
  const target = canonicalHost(host);
  if (!domain || !target) return false;
  return target === domain || target.endsWith(`.${domain}`);
}

/**
 * The site a host belongs to, from the Public Suffix List with its private domains:
 * "shop.example.co.uk" → "example.co.uk", "alice.github.io" → "alice.github.io". IPs and single labels stay whole.
 */
export function siteOf(host: string): string {
  const canonical = canonicalHost(host) ?? host;
  return getDomain(canonical, { allowPrivateDomains: true }) ?? canonical;
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
