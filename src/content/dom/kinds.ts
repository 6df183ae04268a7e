// Type checks that hold across frames. Elements of a same-origin frame belong to that frame's
// realm, so `instanceof HTMLInputElement` (this realm's class) is false for them.

const HTML = 'http://www.w3.org/1999/xhtml';

export function isElementNode(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

export function isShadowRoot(node: Node | null | undefined): node is ShadowRoot {
  return node?.nodeType === 11 && 'host' in node;
}

export function isHTMLElement(node: Node | null | undefined): node is HTMLElement {
  return isElementNode(node) && node.namespaceURI === HTML;
}

const tagCheck =
  <T extends HTMLElement>(tag: string) =>
  (node: Node | null | undefined): node is T =>
    isHTMLElement(node) && node.localName === tag;

export const isInput = tagCheck<HTMLInputElement>('input');
export const isSelect = tagCheck<HTMLSelectElement>('select');
export const isTextArea = tagCheck<HTMLTextAreaElement>('textarea');
export const isButton = tagCheck<HTMLButtonElement>('button');
export const isIFrame = tagCheck<HTMLIFrameElement>('iframe');
export const isSlot = tagCheck<HTMLSlotElement>('slot');
export const isLabel = tagCheck<HTMLLabelElement>('label');
export const isOption = tagCheck<HTMLOptionElement>('option');
export const isDetails = tagCheck<HTMLDetailsElement>('details');
export const isDialog = tagCheck<HTMLDialogElement>('dialog');

/** Elements whose content is never read as page text: not rendered, or drawn rather than written. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'head', 'meta', 'link', 'title', 'svg', 'canvas', 'math', 'datalist']);
