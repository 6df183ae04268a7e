import { isIFrame, isShadowRoot } from './kinds.ts';
// Reaching through open shadow roots and same-origin frames, as a person's pointer does.

/** The innermost element at a point of a document, entering open shadow roots and same-origin frames. */
export function deepElementFromPoint(doc: Document, x: number, y: number): Element | null {
  let element = doc.elementFromPoint(x, y);
  while (element?.shadowRoot) {
    const inner = element.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === element) break;
    element = inner;
  }
  if (isIFrame(element)) {
    const inner = frameDocument(element);
    if (inner) {
      const rect = element.getBoundingClientRect();
      return deepElementFromPoint(inner, x - rect.x - element.clientLeft, y - rect.y - element.clientTop) ?? element;
    }
  }
  return element;
}

/** A same-origin frame's document; null for a cross-origin one (or one that is still empty). */
export function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

/** The parent in the flat tree: through shadow roots to their host. */
export function flatParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return isShadowRoot(root) ? root.host : null;
}

export function containsDeep(ancestor: Element, node: Element): boolean {
  for (let current: Element | null = node; current; current = flatParent(current)) if (current === ancestor) return true;
  return false;
}

/** The focused element, inside shadow roots and same-origin frames. */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  for (;;) {
    if (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    else if (isIFrame(active) && active.contentDocument?.activeElement) active = active.contentDocument.activeElement;
    else return active;
  }
}

export function describeNode(element: Element): string {
  const id = element.id ? `#${element.id}` : '';
  const cls = typeof element.className === 'string' && element.className.trim() ? `.${element.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return `<${element.localName}${id}${cls}>${text ? ` "${text.length > 60 ? `${text.slice(0, 57)}...` : text}"` : ''}`;
}
