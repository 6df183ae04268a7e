import { flatParent } from '../dom/deep.ts';
import { isHTMLElement } from '../dom/kinds.ts';
// The event sequences a person's pointer and keyboard produce, dispatched on real elements.

export interface Modifiers {
  ctrlKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export type MouseButton = 'left' | 'right' | 'middle';
const buttonCode: Record<MouseButton, number> = { left: 0, middle: 1, right: 2 };
const buttonsMask: Record<MouseButton, number> = { left: 1, middle: 4, right: 2 };

function viewOf(element: Element): Window {
  return element.ownerDocument.defaultView ?? window;
}

function mouseInit(element: Element, x: number, y: number, extra: MouseEventInit & Modifiers = {}): PointerEventInit {
  const view = viewOf(element);
  return {
    bubbles: true,
    cancelable: true,
    composed: true,
    view,
    clientX: x,
    clientY: y,
    screenX: x + view.screenX,
    screenY: y + view.screenY,
    pointerId: 1,
    pointerType: 'mouse',
    isPrimary: true,
    ...extra,
  };
}

function fire(target: Element, type: string, init: PointerEventInit, kind: 'pointer' | 'mouse'): boolean {
  const event = kind === 'pointer' ? new PointerEvent(type, init) : new MouseEvent(type, init);
  return target.dispatchEvent(event);
}

let hovered: WeakRef<Element> | undefined;

function chain(element: Element): Element[] {
  const list: Element[] = [];
  for (let current: Element | null = element; current; current = flatParent(current)) list.push(current);
  return list;
}

/**
 * Moves the pointer onto an element. Like a real pointer it leaves what it was over (mouseleave
 * on each element it left) and enters every element it is now inside (mouseenter does not bubble,
 * so menus that listen on a wrapper need their own event).
 */
export function pointerEnter(target: Element, x: number, y: number, modifiers: Modifiers = {}): void {
  const init = mouseInit(target, x, y, modifiers);
  const previous = hovered?.deref();
  const now = chain(target);
  if (previous && previous !== target && previous.isConnected) {
    const before = chain(previous);
    fire(previous, 'pointerout', init, 'pointer');
    fire(previous, 'mouseout', init, 'mouse');
    for (const element of before.filter((element) => !now.includes(element))) {
      fire(element, 'pointerleave', { ...init, bubbles: false }, 'pointer');
      fire(element, 'mouseleave', { ...init, bubbles: false }, 'mouse');
    }
  }
  const before = previous?.isConnected ? chain(previous) : [];
  fire(target, 'pointerover', init, 'pointer');
  fire(target, 'mouseover', init, 'mouse');
  for (const element of now.filter((element) => !before.includes(element)).reverse()) {
    fire(element, 'pointerenter', { ...init, bubbles: false }, 'pointer');
    fire(element, 'mouseenter', { ...init, bubbles: false }, 'mouse');
  }
  fire(target, 'pointermove', init, 'pointer');
  fire(target, 'mousemove', init, 'mouse');
  hovered = new WeakRef(target);
}

function focusableAncestor(element: Element): HTMLElement | null {
  for (let current: Element | null = element; current; current = current.parentElement ?? (current.getRootNode() as ShadowRoot).host ?? null) {
    if (isHTMLElement(current) && (current.tabIndex >= 0 || current.isContentEditable || current.matches('a[href], button, input, select, textarea, [tabindex]'))) {
      return current;
    }
  }
  return null;
}

/** A full click: pointer over, press, focus, release, click (and dblclick for count 2). */
export function pointerClick(target: Element, x: number, y: number, options: { button?: MouseButton; count?: number; modifiers?: Modifiers } = {}): void {
  const button = options.button ?? 'left';
  const count = options.count ?? 1;
  pointerEnter(target, x, y, options.modifiers);
  for (let detail = 1; detail <= count; detail++) {
    const down = mouseInit(target, x, y, { ...options.modifiers, button: buttonCode[button], buttons: buttonsMask[button], detail });
    const up = { ...down, buttons: 0 };
    fire(target, 'pointerdown', down, 'pointer');
    const proceed = fire(target, 'mousedown', down, 'mouse');
    if (proceed && button === 'left' && detail === 1) {
      const focusable = focusableAncestor(target);
      if (focusable && focusable.ownerDocument.activeElement !== focusable) focusable.focus({ preventScroll: true });
    }
    fire(target, 'pointerup', up, 'pointer');
    fire(target, 'mouseup', up, 'mouse');
    if (button === 'left') fire(target, 'click', up, 'mouse');
    else if (button === 'middle') fire(target, 'auxclick', up, 'mouse');
    else fire(target, 'contextmenu', up, 'mouse');
  }
  if (count === 2 && button === 'left') fire(target, 'dblclick', mouseInit(target, x, y, { ...options.modifiers, detail: 2 }), 'mouse');
}

export interface KeyInfo {
  key: string;
  code: string;
  keyCode: number;
}

export function keyEvent(target: Element, type: 'keydown' | 'keypress' | 'keyup', key: KeyInfo, modifiers: Modifiers = {}): boolean {
  const event = new KeyboardEvent(type, {
    bubbles: true,
    cancelable: true,
    composed: true,
    key: key.key,
    code: key.code,
    keyCode: key.keyCode,
    which: key.keyCode,
    charCode: type === 'keypress' ? key.key.length === 1 ? key.key.charCodeAt(0) : key.keyCode : 0,
    view: viewOf(target),
    ...modifiers,
  });
  return target.dispatchEvent(event);
}

export function fireInputEvents(target: Element, data: string | null, inputType = 'insertText'): void {
  target.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data, inputType }));
}

export function fireChange(target: Element): void {
  target.dispatchEvent(new Event('change', { bubbles: true }));
}
