import type { Page } from '@playwright/test';

// An independent count of the visible interactive elements in the viewport, made with Playwright
// rather than the extension: native interactive elements and ARIA widget roles, in every frame
// (same- and cross-origin) and every open shadow root, that are visible (checkVisibility), have a
// non-zero size, and lie inside both their frame's viewport and the top viewport, each widened
// vertically by `margin` pixels.

/** The band the Observer lists in full: the viewport and 100 px above and below (viewportMargin in src/content/model.ts). */
export const OBSERVER_MARGIN = 0;

interface CountArgs {
  offset: { x: number; y: number };
  viewport: { width: number; height: number };
  margin: number;
}

// Runs inside the page: it must be self-contained.
function countInFrame({ offset, viewport, margin }: CountArgs): number {
  const roles = ['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'combobox', 'textbox', 'searchbox', 'slider', 'spinbutton', 'listbox', 'treeitem', 'gridcell'];
  const selector = [
    'a[href]',
    'area[href]',
    'button',
    'input:not([type="hidden"])',
    'select',
    'textarea',
    'summary',
    '[contenteditable=""]',
    '[contenteditable="true"]',
    ...roles.map((role) => `[role="${role}"]`),
  ].join(',');
  const found = new Set<Element>();
  const visit = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll(selector)) found.add(element);
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  visit(document);
  let count = 0;
  for (const element of found) {
    if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) continue;
    if (rect.right <= 0 || rect.bottom <= -margin || rect.left >= window.innerWidth || rect.top >= window.innerHeight + margin) continue;
    const left = rect.left + offset.x;
    const top = rect.top + offset.y;
    if (left + rect.width <= 0 || top + rect.height <= -margin || left >= viewport.width || top >= viewport.height + margin) continue;
    count++;
  }
  return count;
}

export async function countVisibleInteractive(page: Page, margin = 0): Promise<number> {
  const viewport = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
  let total = 0;
  for (const frame of page.frames()) {
    let offset = { x: 0, y: 0 };
    if (frame !== page.mainFrame()) {
      const owner = await frame.frameElement();
      const box = await owner.boundingBox();
      if (!box) continue; // a frame that is not rendered shows nothing
      const border = await owner.evaluate((element) => (element instanceof Element ? { x: element.clientLeft, y: element.clientTop } : { x: 0, y: 0 }));
      offset = { x: box.x + border.x, y: box.y + border.y };
    }
    total += await frame.evaluate(countInFrame, { offset, viewport, margin });
  }
  return total;
}

/** The refs a snapshot lists: [e12], or [f3:e12] inside a frame. */
export function listedRefs(text: string): number {
  return new Set(text.match(/\[(?:f\d+:)?e\d+\]/g) ?? []).size;
}
