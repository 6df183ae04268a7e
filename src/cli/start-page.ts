import type { Page } from 'playwright-core';

// Loading the page a command starts on. Playwright's navigation errors carry a call log meant for
// debugging Playwright; a person gets one line saying what went wrong with their URL.

const reasons: Record<string, string> = {
  ERR_NAME_NOT_RESOLVED: 'its host name does not resolve (check the spelling, or the network)',
  ERR_NAME_RESOLUTION_FAILED: 'its host name could not be looked up (check the network)',
  ERR_CONNECTION_REFUSED: 'nothing is listening at that address',
  ERR_CONNECTION_RESET: 'the connection was reset',
  ERR_CONNECTION_TIMED_OUT: 'the server did not answer in time',
  ERR_ADDRESS_UNREACHABLE: 'that address cannot be reached',
  ERR_INTERNET_DISCONNECTED: 'the computer is offline',
  ERR_CERT_AUTHORITY_INVALID: 'its certificate is not trusted',
  ERR_CERT_COMMON_NAME_INVALID: 'its certificate is for another host',
  ERR_CERT_DATE_INVALID: 'its certificate has expired or is not yet valid',
  ERR_SSL_PROTOCOL_ERROR: 'the secure connection failed',
  ERR_ABORTED: 'the navigation was cancelled (a download, or another navigation took over)',
  ERR_INVALID_URL: 'it is not a valid URL',
};

/** One line about a start URL that did not load, from Playwright's error (its call log dropped). */
export function describeLoadFailure(url: string, error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = /net::(ERR_[A-Z_]+)/.exec(text)?.[1];
  if (code) return `Could not load ${url}: ${reasons[code] ?? 'the browser could not open it'} (${code}).`;
  if (/invalid URL|Cannot navigate to/i.test(text)) return `Could not load ${url}: it is not a URL the browser can open.`;
  const timeout = /Timeout (\d+)ms exceeded/.exec(text)?.[1];
  if (timeout) return `Could not load ${url}: it did not finish loading within ${Math.round(Number(timeout) / 1000)} s.`;
  return `Could not load ${url}: ${text.split('\n')[0]?.replace(/^page\.goto: /, '') ?? 'unknown error'}`;
}

/** Opens the URL in the page; a failure to load is a value, and the page keeps Chrome's error page. */
export async function openStartPage(page: Page, url: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await page.goto(url);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: describeLoadFailure(url, error) };
  }
}
