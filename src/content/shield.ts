import { fieldValue, holdsTypedSecret, isSecretField } from './dom/semantics.ts';
import { isElementNode } from './dom/kinds.ts';
import { OVERLAY_ATTRIBUTE } from './overlay.ts';

// Before a screenshot, secret fields and any stored secret showing on the page are covered with
// opaque boxes, so the picture never holds them; the boxes go as soon as it is taken. They live in
// a closed shadow root and ignore the pointer, like the highlight.

let shown: HTMLElement | undefined;

function* deepNodes(root: Node): Generator<Node> {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    yield node;
    if (isElementNode(node) && node.shadowRoot) yield* deepNodes(node.shadowRoot);
  }
}

function textRects(node: Text, values: readonly string[]): DOMRect[] {
  const text = node.data;
  const rects: DOMRect[] = [];
  for (const value of values) {
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length)) {
      const range = node.ownerDocument.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + value.length);
      rects.push(...Array.from(range.getClientRects()));
    }
  }
  return rects;
}

/** Where the secrets are on screen: secret fields whatever they hold, and the given values anywhere. */
export function secretRects(doc: Document, values: readonly string[]): DOMRect[] {
  const view = doc.defaultView ?? window;
  const rects: DOMRect[] = [];
  const root = doc.body ?? doc.documentElement;
  for (const node of deepNodes(root)) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (values.length) rects.push(...textRects(node as Text, values));
      continue;
    }
    const element = node as Element;
    if (element.hasAttribute(OVERLAY_ATTRIBUTE)) continue;
    const value = fieldValue(element);
    if (value === undefined) continue;
    if (isSecretField(element) || holdsTypedSecret(element) || values.some((secret) => value.includes(secret))) rects.push(element.getBoundingClientRect());
  }
  return rects.filter((rect) => rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < view.innerHeight && rect.left < view.innerWidth);
}

export function showShield(doc: Document, values: readonly string[]): number {
  hideShield();
  const rects = secretRects(doc, values);
  if (!rects.length) return 0;
  const host = doc.createElement('webwright-shield');
  host.setAttribute(OVERLAY_ATTRIBUTE, '');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'all:initial;position:fixed;inset:0;pointer-events:none;z-index:2147483647';
  const shadow = host.attachShadow({ mode: 'closed' });
  for (const rect of rects) {
    const box = doc.createElement('div');
    box.style.cssText = `position:fixed;left:${rect.left - 2}px;top:${rect.top - 2}px;width:${rect.width + 4}px;height:${rect.height + 4}px;background:#5f6368;pointer-events:none`;
    shadow.append(box);
  }
  doc.documentElement.append(host);
  shown = host;
  return rects.length;
}

export function hideShield(): void {
  shown?.remove();
  shown = undefined;
}
