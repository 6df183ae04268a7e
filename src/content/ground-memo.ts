import type { PageIntent } from '../shared/intent.ts';
import type { Located } from './locate.ts';
import { OVERLAY_ATTRIBUTE } from './overlay.ts';

// The worker grounds a step to judge it (where a link goes, whether it pays) and then asks for it
// to be carried out. When nothing in the page changed in between, the element found the first
// time is the one to act on: grounding again would cost as much and could only agree. The page is
// watched only while such a result is kept, so an idle tab pays nothing.

const FRESH_MS = 5_000;

function keyOf(intent: PageIntent): string {
  return JSON.stringify([intent.action, intent.target, intent.ref, intent.point]);
}

/** Mutations made by our own overlays (highlight, marks, shield) do not change the page. */
function ours(record: MutationRecord): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  if (nodes.length && nodes.every((node) => node instanceof Element && node.hasAttribute(OVERLAY_ATTRIBUTE))) return true;
  return record.target instanceof Element && record.target.closest(`[${OVERLAY_ATTRIBUTE}]`) !== null;
}

export function createGroundMemo(doc: Document, signal: AbortSignal) {
  let kept: { key: string; located: Located; changed: boolean } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (kept && !records.every(ours)) {
      kept.changed = true;
      observer.disconnect();
    }
  });
  const forget = () => {
    observer.disconnect();
    clearTimeout(timer);
    kept = undefined;
  };
  signal.addEventListener('abort', forget);
  return {
    keep(intent: PageIntent, located: Located): void {
      forget();
      if (located.result.kind !== 'ok') return;
      kept = { key: keyOf(intent), located, changed: false };
      observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
      timer = setTimeout(forget, FRESH_MS);
    },
    /** What the same intent grounded to, if the page has not changed since (taken once). */
    take(intent: PageIntent): Located | undefined {
      const found = kept;
      if (found && !found.changed && !observer.takeRecords().every(ours)) found.changed = true;
      forget();
      if (!found || found.changed || found.key !== keyOf(intent)) return undefined;
      return found.located.element?.isConnected ? found.located : undefined;
    },
  };
}
