import type { Effect } from '../../shared/results.ts';
import { deepActiveElement, describeNode } from '../dom/deep.ts';
import { getSafeValue, getStates } from '../dom/semantics.ts';
import { isElementNode, isInput } from '../dom/kinds.ts';

// What an action changed: the page's URL, the element's value or state, focus, and the DOM.

interface Before {
  url: string;
  title: string;
  value: string | undefined;
  checked: boolean | 'mixed' | undefined;
  expanded: boolean | undefined;
  focus: Element | null;
  scrollX: number;
  scrollY: number;
}

const QUIET_MS = 80;
const SETTLE_MAX_MS = 700;

export class EffectWatcher {
  private readonly before: Before;
  private readonly observer: MutationObserver;
  private added = 0;
  private removed = 0;
  private attributes = 0;
  private readonly addedTexts: string[] = [];
  private lastMutation = Date.now();
  private leaving = false;
  private readonly onLeave = () => {
    this.leaving = true;
  };

  constructor(
    private readonly doc: Document,
    private readonly element: Element | undefined,
  ) {
    const view = doc.defaultView ?? window;
    this.before = {
      url: doc.URL,
      title: doc.title,
      value: element ? getSafeValue(element) : undefined,
      checked: element ? getStates(element, element.getAttribute('role')).checked : undefined,
      expanded: element ? getStates(element, element.getAttribute('role')).expanded : undefined,
      focus: deepActiveElement(doc),
      scrollX: view.scrollX,
      scrollY: view.scrollY,
    };
    this.observer = new MutationObserver((records) => {
      this.lastMutation = Date.now();
      for (const record of records) {
        if (record.type === 'childList') {
          this.added += record.addedNodes.length;
          this.removed += record.removedNodes.length;
          for (const node of record.addedNodes) {
            const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
            if (text && this.addedTexts.length < 3 && node.isConnected && (isElementNode(node) ? node.checkVisibility() : true)) this.addedTexts.push(text.length > 80 ? `${text.slice(0, 77)}...` : text);
          }
        } else if (record.type === 'attributes' || record.type === 'characterData') this.attributes++;
      }
    });
    this.observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    view.addEventListener('pagehide', this.onLeave);
    view.addEventListener('beforeunload', this.onLeave);
  }

  /** Waits for the page to go quiet (bounded), then says what changed. */
  async finish(options: { quietMs?: number } = {}): Promise<Effect> {
    const start = Date.now();
    const quiet = options.quietMs ?? QUIET_MS;
    while (!this.leaving && Date.now() - start < SETTLE_MAX_MS && Date.now() - this.lastMutation < quiet) {
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    if (Date.now() - start < quiet && !this.leaving) await new Promise((resolve) => setTimeout(resolve, quiet - (Date.now() - start)));
    this.observer.disconnect();
    const view = this.doc.defaultView ?? window;
    view.removeEventListener('pagehide', this.onLeave);
    view.removeEventListener('beforeunload', this.onLeave);
    return this.describe();
  }

  private describe(): Effect {
    const details: string[] = [];
    const { before, element, doc } = this;
    if (this.leaving) return { kind: 'navigated', summary: 'The page started to navigate away.', details: [] };
    if (doc.URL !== before.url) details.push(`URL is now ${doc.URL}`);
    if (doc.title !== before.title) details.push(`title is now "${doc.title}"`);
    if (element?.isConnected) {
      const value = getSafeValue(element);
      if (value !== before.value && value !== undefined) details.push(`value is now "${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`);
      else if (value === undefined && before.value === undefined && isInput(element) && element.value !== '' && !['checkbox', 'radio'].includes(element.type)) details.push('the (hidden) value changed');
      const states = getStates(element, element.getAttribute('role'));
      if (states.checked !== before.checked && states.checked !== undefined) details.push(states.checked === true ? 'now checked' : states.checked === false ? 'now unchecked' : 'now mixed');
      if (states.expanded !== before.expanded && states.expanded !== undefined) details.push(states.expanded ? 'now expanded' : 'now collapsed');
    } else if (element) details.push('the element was removed');
    const focus = deepActiveElement(doc);
    if (focus !== before.focus && focus && focus !== doc.body) details.push(`focus moved to ${describeNode(focus)}`);
    const view = doc.defaultView ?? window;
    if (view.scrollY !== before.scrollY || view.scrollX !== before.scrollX) details.push(`page scrolled to ${Math.round(view.scrollY)}`);
    if (this.added + this.removed > 0) {
      details.push(`${this.added} node${this.added === 1 ? '' : 's'} added, ${this.removed} removed${this.addedTexts.length ? ` (new text: ${this.addedTexts.map((t) => `"${t}"`).join(', ')})` : ''}`);
    } else if (this.attributes > 0 && details.length === 0) details.push(`${this.attributes} attribute change${this.attributes === 1 ? '' : 's'}`);
    if (details.length === 0) return { kind: 'none', summary: 'Nothing changed on the page.', details };
    const effect: Effect = { kind: doc.URL !== before.url ? 'navigated' : 'changed', summary: details.join('; '), details };
    if (doc.URL !== before.url) effect.url = doc.URL;
    return effect;
  }
}
