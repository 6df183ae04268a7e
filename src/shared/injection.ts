// How a page's attempts to instruct the agent are listed (Observation.injections, Step.injections).

/** Starts an entry for text a person cannot see (hidden by CSS, or in an attribute): it never reaches the model. */
export const HIDDEN_INJECTION = '(hidden on the page) ';

export function isHiddenInjection(entry: string): boolean {
  return entry.startsWith(HIDDEN_INJECTION);
}
