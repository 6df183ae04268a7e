import { WebwrightError } from '../../shared/errors.ts';
import type { RefBy } from '../../shared/escalation.ts';
import { isPageIntent, type Intent, type PageIntent } from '../../shared/intent.ts';
import type { ActResult, GroundReport } from '../../shared/results.ts';
import { requestFrame } from '../router.ts';
import { pickFrame } from './choose-frame.ts';
import { flatten, frameTree, type FrameNode } from './frames.ts';
import { runBrowserIntent } from './browser-intents.ts';
import { waitForLoad } from './load.ts';
import { secretsFor } from './secrets.ts';
import { loadMasker } from '../settings-store.ts';

// Carrying out one intent in a tab: browser-level intents here, page intents in the right
// frame's content script, with navigation and new tabs noticed even when the page dies mid-step.

function frameOfRef(ref: string | undefined): number | undefined {
  const match = ref ? /^f(\d+):/.exec(ref) : null;
  return match ? Number(match[1]) : undefined;
}

function shiftBox<T extends { box?: { x: number; y: number; width: number; height: number } | undefined }>(item: T, offset: { x: number; y: number }): T {
  return item.box ? { ...item, box: { ...item.box, x: item.box.x + offset.x, y: item.box.y + offset.y } } : item;
}

function qualify(report: GroundReport, node: FrameNode): GroundReport {
  const ref = (value: string) => `${node.prefix}${value}`;
  return {
    ...report,
    element: report.element ? { ...shiftBox(report.element, node.offset), ref: ref(report.element.ref) } : undefined,
    candidates: report.candidates.map((candidate) => ({ ...shiftBox(candidate, node.offset), ref: ref(candidate.ref) })),
  };
}

export interface GroundOptions {
  /** Who named the intent's ref; the grounding model's pick is held to the words more loosely. */
  refBy?: RefBy | undefined;
}

/** Where a page intent should run: the frame its ref names, else the frame whose elements fit best. */
async function chooseFrame(tabId: number, intent: PageIntent, options: GroundOptions): Promise<{ node?: FrameNode; report?: GroundReport; frameId: number }> {
  const named = frameOfRef(intent.ref);
  if (named !== undefined) return { frameId: named };
  if (intent.target === undefined) return { frameId: 0 };
  // A page with no frames needs no frame tree (which would observe every frame first).
  const frames = await chrome.webNavigation.getAllFrames({ tabId }).catch(() => null);
  if (!frames || frames.length <= 1) return { frameId: 0 };
  const nodes = flatten(await frameTree(tabId));
  if (nodes.length === 1) return { frameId: 0 };
  const reports = await Promise.all(
    nodes.map(async (node) => ({ node, report: qualify(await requestFrame({ tabId, frameId: node.frameId }, 'page.ground', { intent, refBy: options.refBy }), node) })),
  );
  const chosen = pickFrame(reports);
  return { ...chosen, frameId: chosen.node?.frameId ?? 0 };
}

async function groundReport(tabId: number, intent: Intent, options: GroundOptions): Promise<GroundReport> {
  if (!isPageIntent(intent)) throw new WebwrightError('bad-message', `"${intent.action}" names no element to ground.`);
  const named = frameOfRef(intent.ref);
  if (named !== undefined) return requestFrame({ tabId, frameId: named }, 'page.ground', { intent, refBy: options.refBy });
  const { report } = await chooseFrame(tabId, intent, options);
  return report ?? requestFrame({ tabId, frameId: 0 }, 'page.ground', { intent, refBy: options.refBy });
}

// Whatever comes back from a page passes the masker: a stored secret shown by the page (or typed
// and echoed) is put back as its reference before anything records it.

export async function groundInTab(tabId: number, intent: Intent, options: GroundOptions = {}): Promise<GroundReport> {
  return (await loadMasker()).deep(await groundReport(tabId, intent, options));
}

export async function actInTab(tabId: number, intent: Intent, options: GroundOptions = {}): Promise<ActResult> {
  return (await loadMasker()).deep(await act(tabId, intent, options));
}

async function act(tabId: number, intent: Intent, options: GroundOptions): Promise<ActResult> {
  if (!isPageIntent(intent)) return runBrowserIntent(tabId, intent);
  const chosen = await chooseFrame(tabId, intent, options);
  const { frameId, node } = chosen;
  // Acting grounds with the planner's rule; a grounding model's pick is grounded here first, by
  // its own, and the frame keeps that result for the action that follows at once.
  const report = chosen.report ?? (options.refBy === 'grounding-model' ? await requestFrame({ tabId, frameId }, 'page.ground', { intent, refBy: options.refBy }) : undefined);
  if (report && report.kind !== 'ok') {
    return { ok: false, kind: report.kind, message: report.message, candidates: report.candidates };
  }
  const secrets = await secretsFor(intent, async () => (await chrome.webNavigation.getFrame({ tabId, frameId }).catch(() => null))?.url);
  if (!secrets.ok) return { ok: false, kind: 'error', message: secrets.message };
  const before = await chrome.tabs.get(tabId);
  const opened: number[] = [];
  const onCreated = (tab: chrome.tabs.Tab) => {
    if (tab.openerTabId === tabId && tab.id !== undefined) opened.push(tab.id);
  };
  chrome.tabs.onCreated.addListener(onCreated);
  try {
    let result: ActResult;
    try {
      result = await requestFrame({ tabId, frameId }, 'page.act', { intent, ...(Object.keys(secrets.values).length ? { secrets: secrets.values } : {}) });
    } catch (error) {
      // The page went away while acting: that is the action's effect, not a failure.
      if (!(error instanceof WebwrightError) || !['no-response', 'no-receiver', 'no-tab'].includes(error.kind)) throw error;
      await waitForLoad(tabId);
      const after = await chrome.tabs.get(tabId).catch(() => undefined);
      if (!after) return { ok: true, kind: 'ok', message: 'The tab closed while acting.', effect: { kind: 'navigated', summary: 'the tab closed', details: [] } };
      const url = after.url ?? '';
      return { ok: true, kind: 'ok', message: `The page navigated while acting; it is now ${url}.`, effect: { kind: 'navigated', summary: `navigated to ${url}`, url, details: [] } };
    }
    // Refs from a frame other than the top are qualified with it, as in the stitched snapshot.
    const prefix = node?.prefix ?? (frameId === 0 ? '' : `f${frameId}:`);
    if (result.element) result = { ...result, ref: `${prefix}${result.ref ?? ''}`, element: { ...shiftBox(result.element, node?.offset ?? { x: 0, y: 0 }), ref: `${prefix}${result.element.ref}` } };
    if (result.effect?.kind === 'navigated' || result.effect?.kind === 'none') await waitForLoad(tabId, { onlyIfLoading: result.effect.kind === 'none' });
    const after = await chrome.tabs.get(tabId).catch(() => undefined);
    if (result.effect?.kind === 'navigated' && !result.effect.url && after?.url) {
      result = { ...result, effect: { ...result.effect, url: after.url, summary: `navigated to ${after.url}` } };
    }
    if (after?.url && before.url && after.url !== before.url && result.effect?.kind !== 'navigated') {
      result = { ...result, kind: result.kind === 'no-effect' ? 'ok' : result.kind, effect: { kind: 'navigated', summary: `navigated to ${after.url}`, url: after.url, details: [] } };
    }
    if (opened.length > 0) {
      const tab = await chrome.tabs.get(opened[0] ?? -1).catch(() => undefined);
      const url = tab?.pendingUrl ?? tab?.url ?? '';
      const effect = { kind: 'new-tab' as const, summary: `opened a new tab${url ? ` at ${url}` : ''}`, url, details: [], ...(opened[0] !== undefined ? { tabId: opened[0] } : {}) };
      result = { ...result, kind: result.kind === 'no-effect' ? 'ok' : result.kind, message: `${result.message} It opened a new tab${url ? ` (${url})` : ''}.`, effect };
    }
    return result;
  } finally {
    chrome.tabs.onCreated.removeListener(onCreated);
  }
}

