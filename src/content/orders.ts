import { findInstructions } from '../grounding/injection.ts';
import { HIDDEN_INJECTION } from '../shared/injection.ts';
import { isInput, SKIPPED_TAGS } from './dom/kinds.ts';
import { collapse } from './dom/semantics.ts';

// Text that tries to give the agent orders where a person cannot see it: in hidden subtrees, in
// attributes that are never shown. It never reaches the model; it is listed so the trace flags it.

const scannedAttributes = new Set(['title', 'aria-label', 'aria-description', 'alt']);
/** Characters of a hidden subtree's text read for orders to the agent. */
const HIDDEN_SCAN_LIMIT = 20_000;

export interface OrderScanner {
  /** Orders found in text a person cannot see. */
  readonly hidden: string[];
  noteHidden(text: string): void;
  /** A subtree that is not rendered at all. */
  scanHidden(element: Element): void;
  /** Attributes that are never shown, or shown only where they are an element's name (then they are checked there). */
  scanAttributes(element: Element): void;
}

export function createOrderScanner(): OrderScanner {
  const hidden: string[] = [];
  const noteHidden = (text: string) => {
    const found = findInstructions(text);
    if (found) hidden.push(found);
  };
  return {
    hidden,
    noteHidden,
    scanHidden(element) {
      if (isInput(element) && element.type === 'hidden') {
        noteHidden(element.value);
        return;
      }
      const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const parts: string[] = [];
      let length = 0;
      for (let node = walker.nextNode(); node && length < HIDDEN_SCAN_LIMIT; node = walker.nextNode()) {
        if (SKIPPED_TAGS.has(node.parentElement?.localName ?? '')) continue;
        parts.push(node.textContent ?? '');
        length += node.textContent?.length ?? 0;
      }
      if (parts.length) noteHidden(collapse(parts.join(' ')));
    },
    scanAttributes(element) {
      for (const name of element.getAttributeNames()) {
        if (!name.startsWith('data-') && !scannedAttributes.has(name)) continue;
        const value = element.getAttribute(name) ?? '';
        if (value.length >= 12) noteHidden(value);
      }
    },
  };
}

/**
 * Everything a page says to the agent: what the snapshot shows and marks first, then what is
 * hidden from people (prefixed with HIDDEN_INJECTION) unless the same words are also shown.
 */
export function listInjections(shown: string[], hidden: string[]): string[] {
  const hiddenMarks = hidden.filter((text) => !shown.some((mark) => mark.includes(text))).map((text) => `${HIDDEN_INJECTION}${text}`);
  return [...new Set([...shown, ...hiddenMarks])];
}
