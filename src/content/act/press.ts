import { deepActiveElement } from '../dom/deep.ts';
import { waitActionable } from './actionable.ts';
import { fireChange, fireInputEvents, keyEvent, pointerClick, type KeyInfo, type Modifiers } from './events.ts';
import { parseChord } from './keys.ts';
import { isTextControl, typeCharacters } from './text-input.ts';
import { elementLabel, notActionable, type ActionDefinition } from './types.ts';
import { isDialog, isHTMLElement, isInput, isSelect, isTextArea } from '../dom/kinds.ts';

// Synthetic key events do not make the browser act, so the default action of each key a person
// relies on (submit on Enter, toggle on Space, move focus on Tab...) is carried out here, unless
// the page's own handler cancelled the key.

const ENTER: KeyInfo = { key: 'Enter', code: 'Enter', keyCode: 13 };

function clickElement(element: Element): void {
  const rect = element.getBoundingClientRect();
  pointerClick(element, rect.left + rect.width / 2, rect.top + rect.height / 2);
}

const tabbableSelector = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable="true"]';

function tabbables(doc: Document): HTMLElement[] {
  const all = [...doc.querySelectorAll<HTMLElement>(tabbableSelector)].filter((element) => element.tabIndex >= 0 && !element.matches(':disabled') && element.checkVisibility());
  const positive = all.filter((element) => element.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex);
  return [...positive, ...all.filter((element) => element.tabIndex === 0)];
}

function moveFocus(from: Element, backwards: boolean): void {
  const list = tabbables(from.ownerDocument);
  if (list.length === 0) return;
  const at = list.indexOf(from as HTMLElement);
  const next = at < 0 ? list[backwards ? list.length - 1 : 0] : list[(at + (backwards ? -1 : 1) + list.length) % list.length];
  next?.focus();
}

function defaultAction(target: Element, key: KeyInfo, modifiers: Modifiers): void {
  const doc = target.ownerDocument;
  const command = modifiers.ctrlKey || modifiers.metaKey;
  switch (key.key) {
    case 'Enter':
      if (isInput(target) && target.form && isTextControl(target)) target.form.requestSubmit();
      else if (isTextArea(target) || (isHTMLElement(target) && target.isContentEditable)) {
        doc.execCommand(isTextArea(target) ? 'insertLineBreak' : 'insertParagraph');
      } else if (target.matches('a[href], button, summary, [role="button"], [role="link"], [role="menuitem"], [role="option"], [role="tab"]')) clickElement(target);
      return;
    case ' ':
      if (target.matches('button, summary, input[type=checkbox], input[type=radio], [role="button"], [role="checkbox"], [role="switch"], [role="radio"], [role="menuitem"], [role="option"], [role="tab"]')) clickElement(target);
      else if (isTextControl(target) || (isHTMLElement(target) && target.isContentEditable)) typeCharacters(target, ' ');
      return;
    case 'Tab':
      moveFocus(target, modifiers.shiftKey === true);
      return;
    case 'Escape': {
      const dialog = doc.querySelector('dialog:modal');
      if (isDialog(dialog)) dialog.requestClose();
      return;
    }
    case 'Backspace':
    case 'Delete':
      doc.execCommand(key.key === 'Backspace' ? 'delete' : 'forwardDelete');
      return;
    case 'ArrowDown':
    case 'ArrowUp':
      if (isSelect(target)) {
        const step = key.key === 'ArrowDown' ? 1 : -1;
        target.selectedIndex = Math.min(target.options.length - 1, Math.max(0, target.selectedIndex + step));
        fireInputEvents(target, null);
        fireChange(target);
        return;
      }
      break;
    default:
      break;
  }
  if (command && key.key.toLowerCase() === 'a') {
    if (isTextControl(target)) target.select();
    else doc.getSelection()?.selectAllChildren(isHTMLElement(target) && target.isContentEditable ? target : doc.body);
    return;
  }
  if (!command && !modifiers.altKey && key.key.length === 1 && (isTextControl(target) || (isHTMLElement(target) && target.isContentEditable))) {
    doc.execCommand('insertText', false, key.key);
    return;
  }
  const scrollKeys: Record<string, number> = { PageDown: 0.9, PageUp: -0.9, ArrowDown: 0.1, ArrowUp: -0.1, ' ': 0.9 };
  const amount = scrollKeys[key.key];
  const view = doc.defaultView ?? window;
  if (amount !== undefined && !isTextControl(target)) view.scrollBy({ top: amount * view.innerHeight, behavior: 'instant' });
  if (key.key === 'Home' && !isTextControl(target)) view.scrollTo({ top: 0, behavior: 'instant' });
  if (key.key === 'End' && !isTextControl(target)) view.scrollTo({ top: doc.documentElement.scrollHeight, behavior: 'instant' });
}

export function pressKey(target: Element, key: KeyInfo, modifiers: Modifiers = {}): void {
  const proceed = keyEvent(target, 'keydown', key, modifiers);
  const printable = key.key.length === 1 || key.key === 'Enter';
  if (proceed && printable && !modifiers.ctrlKey && !modifiers.metaKey) keyEvent(target, 'keypress', key, modifiers);
  if (proceed) defaultAction(target, key, modifiers);
  keyEvent(target, 'keyup', key, modifiers);
}

export function pressEnter(target: Element): void {
  pressKey(target, ENTER);
}

export const press: ActionDefinition<'press'> = {
  action: 'press',
  element: 'optional',
  expectsChange: true,
  async run(context) {
    const { intent, element, located, doc } = context;
    const chord = parseChord(intent.key);
    if (typeof chord === 'string') return { kind: 'unsupported', message: chord };
    let target = element;
    if (target) {
      const ready = await waitActionable(target, { needsHit: false });
      if (!ready.ok) return notActionable(ready, located);
      if (isHTMLElement(target)) target.focus({ preventScroll: true });
    } else target = deepActiveElement(doc) ?? doc.body;
    pressKey(target, chord.key, chord.modifiers);
    return { kind: 'ok', message: `Pressed ${intent.key} on ${element ? elementLabel(context) : 'the focused element'}.` };
  },
};
