import type { PageIntent } from '../shared/intent.ts';
import type { Located } from './locate.ts';
import { OVERLAY_ATTRIBUTE } from './overlay.ts';

// The worker grounds a step to judge it (where a link goes, whether it pays) and then asks for it
// to be carried out. When nothing in the page changed in between, the element found the first
// time is the one to act on: grounding again would cost as much and could only agree.

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
  let version = 0;
  let kept: { key: string; located: Located; version: number; at: number } | undefined;
  const observer = new MutationObserver((records) => {
    if (!records.every(ours)) version++;
  });
  observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect());
  return {
    keep(intent: PageIntent, located: Located): void {
      kept = located.result.kind === 'ok' ? { key: keyOf(intent), located, version, at: Date.now() } : undefined;
    },
    /** What the same intent grounded to, if the page has not changed since (taken once). */
    take(intent: PageIntent): Located | undefined {
      observer.takeRecords().forEach((record) => {
        if (!ours(record)) version++;
      });
      const found = kept;
      kept = undefined;
      if (!found || found.key !== keyOf(intent) || found.version !== version || Date.now() - found.at > FRESH_MS) return undefined;
      return found.located.element?.isConnected ? found.located : undefined;
    },
  };
}
