import { containsDeep, deepElementFromPoint, describeNode, flatParent } from '../dom/deep.ts';
import { isInput, isLabel, isSelect, isTextArea } from '../dom/kinds.ts';

// Before acting, wait (bounded) until the element is what a person could act on: attached,
// visible, enabled, not moving, and the topmost thing at its centre.

export interface Ready {
  ok: true;
  /** What receives the pointer: the topmost element at the point, inside the element or the label standing in for a hidden input. */
  target: Element;
  /** The centre, in the coordinates of the target's own document. */
  x: number;
  y: number;
}

export interface NotReady {
  ok: false;
  reason: 'detached' | 'hidden' | 'disabled' | 'moving' | 'covered';
  message: string;
  cover?: Element;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isTiny(rect: DOMRect): boolean {
  return rect.width * rect.height < 4;
}

/** Custom checkboxes and switches hide the real input; a person clicks its label. */
export function pointerTarget(element: Element): Element {
  if (isInput(element) || isSelect(element) || isTextArea(element)) {
    const style = getComputedStyle(element);
    if (isTiny(element.getBoundingClientRect()) || style.opacity === '0' || style.visibility === 'hidden') {
      const label = [...(element.labels ?? [])].find((candidate) => candidate.checkVisibility() && !isTiny(candidate.getBoundingClientRect()));
      if (label) return label;
    }
  }
  return element;
}

function isDisabled(element: Element): boolean {
  return element.matches(':disabled') || element.closest('[aria-disabled="true"]') !== null;
}

function inViewport(rect: DOMRect, view: Window): boolean {
  return rect.top >= 0 && rect.left >= 0 && rect.bottom <= view.innerHeight && rect.right <= view.innerWidth;
}

/** The outermost thing that covers: a fixed banner or an overlay, rather than one of its spans. */
function coverRoot(hit: Element): Element {
  let root = hit;
  for (let current: Element | null = hit; current && current !== current.ownerDocument.body; current = flatParent(current)) {
    const position = getComputedStyle(current).position;
    if (position === 'fixed' || position === 'sticky' || current.matches('dialog, [role="dialog"], [role="alertdialog"]')) root = current;
  }
  return root;
}

/** The next animation frame; hidden documents paint no frames, so a timer stands in for them there. */
function nextFrame(view: Window): Promise<void> {
  return new Promise((resolve) => {
    if (view.document.visibilityState === 'hidden') {
      setTimeout(resolve, 16);
      return;
    }
    // Occluded or throttled windows may hold frames back; never wait on them forever.
    const fallback = setTimeout(resolve, 100);
    view.requestAnimationFrame(() => {
      clearTimeout(fallback);
      resolve();
    });
  });
}

function sameBox(a: DOMRect, b: DOMRect): boolean {
  return Math.abs(a.x - b.x) <= 1 && Math.abs(a.y - b.y) <= 1 && Math.abs(a.width - b.width) <= 1 && Math.abs(a.height - b.height) <= 1;
}

/**
 * What a person's pointer would reach at a point of the element: the topmost element there, when
 * it is the element or inside it (a tab's inner link carries the handler), or the element's
 * ancestor when the element itself lets pointer events through. Anything else covers it.
 */
function receiver(target: Element, hit: Element | null): Element | 'covered' {
  if (!hit || hit === target || containsDeep(target, hit)) return hit ?? target;
  if (isLabel(target) && target.control && (hit === target.control || containsDeep(target.control, hit))) return hit;
  if (containsDeep(hit, target) && getComputedStyle(target).pointerEvents === 'none') return hit;
  return 'covered';
}

const SPOTS = [0.5, 0.25, 0.75, 0.1, 0.9];

/** Where the aimed point is covered but part of the element shows, a person points at that part. */
function openPoint(target: Element, rect: DOMRect): { target: Element; x: number; y: number } | undefined {
  for (const fy of SPOTS) {
    for (const fx of SPOTS) {
      const x = rect.left + rect.width * fx;
      const y = rect.top + rect.height * fy;
      const hit = deepElementFromPoint(target.ownerDocument, x, y);
      if (!hit) continue;
      const reached = receiver(target, hit);
      if (reached !== 'covered') return { target: reached, x, y };
    }
  }
  return undefined;
}

/** A point inside the element as a share of its width and height (the centre is 0.5, 0.5). */
export interface Aim {
  fx: number;
  fy: number;
}

export async function waitActionable(element: Element, options: { timeoutMs?: number; needsHit?: boolean; needsEnabled?: boolean; aim?: Aim | undefined } = {}): Promise<Ready | NotReady> {
  const deadline = Date.now() + (options.timeoutMs ?? 3000);
  let scrolled = false;
  let clippedScroll = false;
  for (;;) {
    const state = await check();
    if (state.ok || Date.now() > deadline || state.reason === 'detached') return state;
    await nextFrame(element.ownerDocument.defaultView ?? window);
  }

  // Playwright's order: stable first, then visible, enabled, and receiving the pointer.
  async function check(): Promise<Ready | NotReady> {
    if (!element.isConnected) return detached();
    const target = pointerTarget(element);
    const view = target.ownerDocument.defaultView ?? window;
    if (!inViewport(target.getBoundingClientRect(), view) && !scrolled) {
      target.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      scrolled = true;
    }
    const before = target.getBoundingClientRect();
    await nextFrame(view);
    if (!element.isConnected) return detached();
    const rect = target.getBoundingClientRect();
    if (!sameBox(before, rect)) return { ok: false, reason: 'moving', message: 'The element kept moving (an animation did not settle).' };
    if (!target.checkVisibility({ visibilityProperty: true }) || isTiny(rect)) {
      return { ok: false, reason: 'hidden', message: 'The element is hidden (not displayed, or zero size). It may appear after opening a menu, tab or section.' };
    }
    if (options.needsEnabled !== false && isDisabled(element)) {
      return { ok: false, reason: 'disabled', message: 'The element is disabled. Something else on the page may need doing first (fill a required field, accept terms).' };
    }
    const x = rect.left + Math.min(rect.width * (options.aim?.fx ?? 0.5), Math.max(1, rect.width - 1));
    const y = rect.top + Math.min(rect.height * (options.aim?.fy ?? 0.5), Math.max(1, rect.height - 1));
    if (options.needsHit === false) return { ok: true, target, x, y };
    const hit = deepElementFromPoint(target.ownerDocument, x, y);
    const reached = receiver(target, hit);
    if (reached !== 'covered') return { ok: true, target: reached, x, y };
    const open = openPoint(target, rect);
    if (open) return { ok: true, ...open };
    // Clipped inside a scrolling list (the entry of an opened dropdown): bring it into the list's view.
    if (hit && containsDeep(hit, target) && !clippedScroll) {
      clippedScroll = true;
      target.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
      return { ok: false, reason: 'covered', message: 'The element is clipped by the list around it.' };
    }
    const cover = coverRoot(hit ?? target);
    return { ok: false, reason: 'covered', message: `The element is covered by ${describeNode(cover)}.`, cover };
  }
}

function detached(): NotReady {
  return { ok: false, reason: 'detached', message: 'The element went away (the page changed under it). Observe the page again.' };
}

export { sleep };
