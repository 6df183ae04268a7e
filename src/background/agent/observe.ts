import { isListed, UNTRUSTED } from '../../shared/injection.ts';
import type { Observation } from '../../shared/results.ts';
import { loadMasker } from '../settings-store.ts';
import { flatten, frameTree, stitch } from './frames.ts';

// The text the planner reads for a tab: the tabs of its window, the page's facts, then the
// outline of the page with cross-origin frames stitched in.

async function tabsLine(tabId: number, mark: (title: string) => string): Promise<string> {
  const tab = await chrome.tabs.get(tabId);
  // Our own pages (the panel opened as a tab) are not the person's tabs.
  const own = chrome.runtime.getURL('');
  const tabs = (await chrome.tabs.query({ windowId: tab.windowId })).filter((other) => !(other.url ?? other.pendingUrl ?? '').startsWith(own));
  if (tabs.length <= 1) return '';
  const entries = tabs.map((other) => `${other.index}: ${other.title || other.url || 'untitled'}${other.id === tabId ? `${mark(other.title ?? '')} (current)` : ''}`);
  return `Tabs: ${entries.join(' | ')}\n`;
}

export async function observeTab(tabId: number, options: { maxTokens?: number | undefined; full?: boolean | undefined } = {}): Promise<Observation> {
  const tree = await frameTree(tabId, options);
  const top = tree.observation;
  const { scroll } = top;
  const range = Math.max(1, scroll.height - scroll.viewportHeight);
  // The scroll line only where there is somewhere to scroll to.
  const scrollable = scroll.height > scroll.viewportHeight + 1;
  // A title that gives the agent orders is listed by the page; it is marked where it is printed.
  const mark = (title: string) => (title && isListed(title.replace(/\s+/g, ' ').trim(), top.injections) ? ` ${UNTRUSTED}` : '');
  const header = [`Page: ${top.title || '(untitled)'}${mark(top.title)} — ${top.url}`, ...(scrollable ? [`Scrolled ${Math.round((scroll.y / range) * 100)}% of ${scroll.height}px (viewport ${scroll.viewportWidth}x${scroll.viewportHeight})`] : [])].join('\n');
  const text = `${await tabsLine(tabId, mark)}${header}\n${stitch(tree)}`;
  const injections = flatten(tree).flatMap((node) => node.observation.injections);
  return (await loadMasker()).deep({ ...top, text, injections });
}
