import { fireChange, fireInputEvents, keyEvent } from './events.ts';
import { isHTMLElement, isInput, isLabel, isTextArea } from '../dom/kinds.ts';

// Putting text into fields so that every framework notices: the browser's own editing commands
// where they work (they fire beforeinput and input like real typing), the prototype's value
// setter where they do not (React and Vue track values through instance setters).

export type TextControl = HTMLInputElement | HTMLTextAreaElement;

const setterTypes = new Set(['date', 'time', 'datetime-local', 'month', 'week', 'color', 'range']);
const noSelectionTypes = new Set(['email', 'number', 'date', 'time', 'datetime-local', 'month', 'week', 'color', 'range']);

export function isTextControl(element: Element): element is TextControl {
  if (isTextArea(element)) return true;
  return isInput(element) && !['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'hidden'].includes(element.type);
}

/** The field itself, or the one inside a wrapper such as a combobox container or a label. */
export function editableTarget(element: Element): Element | undefined {
  if (isTextControl(element) || (isHTMLElement(element) && element.isContentEditable)) return element;
  if (isLabel(element) && element.control && isTextControl(element.control)) return element.control;
  const inner = (element.shadowRoot ?? element).querySelector('input:not([type=hidden]), textarea, [contenteditable=""], [contenteditable="true"]');
  return inner ?? undefined;
}

export function setNativeValue(control: TextControl, value: string): void {
  // The control's own realm: a same-origin frame has its own classes.
  const realm = (control.ownerDocument.defaultView ?? window) as typeof globalThis;
  const prototype = isTextArea(control) ? realm.HTMLTextAreaElement.prototype : realm.HTMLInputElement.prototype;
  // The prototype's setter, not the instance's: frameworks wrap the instance one to track values.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(control, value);
  else control.value = value;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Dates and times in the forms models write them, to what date and time inputs accept. */
export function normaliseForType(type: string, text: string): string {
  const trimmed = text.trim();
  if (type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const parsed = new Date(trimmed.replace(/(\d+)(st|nd|rd|th)\b/, '$1'));
    if (!Number.isNaN(parsed.getTime())) return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
  }
  if (type === 'time') {
    const match = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(trimmed);
    if (match) {
      let hours = Number(match[1]);
      const meridiem = match[4]?.toLowerCase().replace(/\./g, '');
      if (meridiem === 'pm' && hours < 12) hours += 12;
      if (meridiem === 'am' && hours === 12) hours = 0;
      return `${pad(hours)}:${match[2] ?? '00'}${match[3] ? `:${match[3]}` : ''}`;
    }
  }
  if (type === 'datetime-local') {
    const parsed = new Date(trimmed);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed) && !Number.isNaN(parsed.getTime())) {
      return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}T${pad(parsed.getHours())}:${pad(parsed.getMinutes())}`;
    }
  }
  return trimmed;
}

function insertText(target: Element, text: string): boolean {
  const doc = target.ownerDocument;
  // execCommand is deprecated but remains the one way to edit as the user would.
  return doc.execCommand('insertText', false, text);
}

function insertWithSetter(control: TextControl, text: string): void {
  let start = control.value.length;
  let end = start;
  try {
    start = control.selectionStart ?? start;
    end = control.selectionEnd ?? end;
  } catch {
    // email and number inputs have no selection API
  }
  setNativeValue(control, control.value.slice(0, start) + text + control.value.slice(end));
  try {
    control.setSelectionRange(start + text.length, start + text.length);
  } catch {
    // as above
  }
  fireInputEvents(control, text);
}

function keyFor(char: string) {
  const upper = char.toUpperCase();
  const code = /[a-z]/i.test(char) ? `Key${upper}` : /\d/.test(char) ? `Digit${char}` : char === ' ' ? 'Space' : '';
  return { key: char, code, keyCode: upper.charCodeAt(0) };
}

/** Types like a person: key down, key press, the text going in, key up, one character at a time. */
export function typeCharacters(target: Element, text: string): void {
  const chars = [...text];
  // Past a hundred characters nobody's handlers care about each key; insert the rest at once.
  const keyed = chars.slice(0, 100);
  const rest = chars.slice(100).join('');
  for (const char of keyed) {
    const info = char === '\n' ? { key: 'Enter', code: 'Enter', keyCode: 13 } : keyFor(char);
    if (!keyEvent(target, 'keydown', info)) {
      keyEvent(target, 'keyup', info);
      continue;
    }
    keyEvent(target, 'keypress', info);
    const inserted = insertText(target, char);
    if (!inserted && isTextControl(target)) insertWithSetter(target, char);
    keyEvent(target, 'keyup', info);
  }
  if (rest && !insertText(target, rest) && isTextControl(target)) insertWithSetter(target, rest);
}

export function clearField(target: Element): void {
  if (isTextControl(target)) {
    if (target.value === '') return;
    if (!noSelectionTypes.has(target.type)) target.select();
    else target.select?.();
    if (!target.ownerDocument.execCommand('delete') || target.value !== '') {
      setNativeValue(target, '');
      fireInputEvents(target, null, 'deleteContentBackward');
    }
    return;
  }
  const selection = target.ownerDocument.getSelection();
  selection?.selectAllChildren(target);
  target.ownerDocument.execCommand('delete');
}

export function placeCaretAtEnd(target: Element): void {
  if (isTextControl(target)) {
    try {
      target.setSelectionRange(target.value.length, target.value.length);
    } catch {
      // no selection API on this input type
    }
    return;
  }
  const selection = target.ownerDocument.getSelection();
  selection?.selectAllChildren(target);
  selection?.collapseToEnd();
}

/** Fills a field: typing where typing works, the value setter for date, time, colour and range inputs. */
export function fillField(target: Element, text: string, options: { clear: boolean }): void {
  if (isInput(target) && setterTypes.has(target.type)) {
    setNativeValue(target, normaliseForType(target.type, text));
    fireInputEvents(target, null, 'insertReplacementText');
    fireChange(target);
    return;
  }
  if (options.clear) clearField(target);
  else placeCaretAtEnd(target);
  const clean = isInput(target) ? text.replace(/[\r\n]+/g, ' ') : text;
  typeCharacters(target, clean);
  if (isTextControl(target)) fireChange(target);
}
