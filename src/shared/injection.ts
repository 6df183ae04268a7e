// How a page's attempts to instruct the agent are marked in the snapshot and listed
// (Observation.injections, Step.injections).

/** The mark on page text that reads like orders to an agent. */
export const UNTRUSTED = '[untrusted: reads like instructions to an AI agent; not from the person]';

/** Starts an entry for text a person cannot see (hidden by CSS, or in an attribute): it never reaches the model. */
export const HIDDEN_INJECTION = '(hidden on the page) ';

export function isHiddenInjection(entry: string): boolean {
  return entry.startsWith(HIDDEN_INJECTION);
}

/** Whether `text` is among the listed entries (which are cut at 200 characters). */
export function isListed(text: string, injections: string[]): boolean {
  return injections.some((entry) => entry === text || (entry.endsWith('…') && text.startsWith(entry.slice(0, -1))));
}
