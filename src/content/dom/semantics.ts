import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import type { CandidateStates } from '../../grounding/types.ts';
import { isButton, isDetails, isHTMLElement, isInput, isOption, isSelect, isTextArea } from './kinds.ts';

// Roles, names and states of elements, the way assistive technology sees them. Names come from
// dom-accessibility-api (the W3C accname algorithm); this module adds what a web agent needs on top.

const interactiveRoles = new Set([
  'button', 'link', 'textbox', 'searchbox', 'combobox', 'listbox', 'option', 'checkbox', 'radio', 'switch',
  'slider', 'spinbutton', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'treeitem', 'gridcell', 'scrollbar',
]);

/** Roles that open an indented block in the snapshot and scope the elements inside. */
export const structuralRoles = new Set([
  'banner', 'navigation', 'main', 'complementary', 'contentinfo', 'region', 'form', 'search', 'dialog', 'alertdialog',
  'menu', 'menubar', 'listbox', 'tablist', 'tabpanel', 'toolbar', 'radiogroup', 'group', 'table', 'grid', 'row', 'article',
  'list', 'tree', 'status', 'alert',
]);

export type StyleReader = (element: Element) => CSSStyleDeclaration;

/** One getComputedStyle per element per pass: the accname algorithm asks for the same styles many times. */
export function cachedStyles(): StyleReader {
  const cache = new WeakMap<Element, CSSStyleDeclaration>();
  return (element) => {
    let style = cache.get(element);
    if (!style) {
      style = getComputedStyle(element);
      cache.set(element, style);
    }
    return style;
  };
}

function isEditable(element: Element): boolean {
  return isHTMLElement(element) && element.isContentEditable && !(element.parentElement?.isContentEditable ?? false);
}

export function getElementRole(element: Element): string | null {
  const role = getRole(element);
  if (role === 'textbox' && isInput(element) && element.type === 'search') return 'searchbox';
  if (role) return role === 'presentation' || role === 'none' ? null : role;
  if (element.localName === 'summary') return 'button';
  if (isEditable(element)) return 'textbox';
  if (isInput(element) && element.type === 'password') return 'textbox';
  if (isInput(element) && ['date', 'time', 'datetime-local', 'month', 'week', 'color', 'file'].includes(element.type)) return 'textbox';
  return null;
}

/**
 * Is this an element a person would click, type into or choose from? Native controls and ARIA
 * widgets always; other elements when they are focusable, have an inline click handler, or show
 * a pointer cursor that their parent does not (the "div with onclick" of many real sites).
 */
export function isInteractive(element: Element, role: string | null, style: StyleReader): boolean {
  if (role && interactiveRoles.has(role)) return true;
  if (isInput(element)) return element.type !== 'hidden';
  if (isSelect(element) || isTextArea(element) || isButton(element)) return true;
  if (element.localName === 'summary' || isEditable(element)) return true;
  if (element.hasAttribute('onclick')) return true;
  // A link without an href is a script's control ("Prev" in a date picker), not text.
  if (element.localName === 'a' && (element.hasAttribute('title') || element.hasAttribute('data-handler') || (element.textContent ?? '').trim() !== '')) return true;
  if (isScrollableRegion(element, style)) return true;
  const tabindex = element.getAttribute('tabindex');
  if (tabindex !== null && Number(tabindex) >= 0 && element.localName !== 'iframe' && !(role && structuralRoles.has(role))) return true;
  if (style(element).cursor === 'pointer') {
    const parent = element.parentElement;
    return !parent || style(parent).cursor !== 'pointer' || isIcon(element, style);
  }
  // A row of icons (reply, retweet, like, more) is a toolbar even when only hovering shows a pointer.
  if (isIcon(element, style) && inIconRow(element, style)) return true;
  // The entries of a list laid over the page (an opened "More" menu) are what a person clicks.
  if (element.localName === 'li' && isFloatingList(element.parentElement, style) && (element.textContent ?? '').trim().length > 0) return true;
  return false;
}

function isFloatingList(list: Element | null, style: StyleReader): boolean {
  if (!list || (list.localName !== 'ul' && list.localName !== 'ol')) return false;
  const position = style(list).position;
  return position === 'absolute' || position === 'fixed';
}

/** At least two drawn icons within the icon's parent, or its grandparent when the parent is a small wrapper. */
function inIconRow(element: Element, style: StyleReader): boolean {
  const parent = element.parentElement;
  const row = parent && parent.children.length <= 2 ? parent.parentElement : parent;
  if (!row) return false;
  for (const other of row.querySelectorAll('span, i, img, svg, a, div')) if (other !== element && isIcon(other, style)) return true;
  return false;
}

/** Icons drawn by CSS or an image are their own controls, even inside a clickable row (a mail thread's trash and star). */
const ICON_SIZE = 40;

export function isIcon(element: Element, style: StyleReader): boolean {
  // Cheapest checks first: this runs for elements that nothing else made interactive.
  if (element.children.length > 1) return false;
  const rect = element.getBoundingClientRect();
  if (rect.width > ICON_SIZE || rect.height > ICON_SIZE || rect.width < 6 || rect.height < 6) return false;
  if ((element.textContent ?? '').trim() !== '') return false;
  const css = style(element);
  const drawn = ['img', 'svg', 'i'].includes(element.localName) || css.content.startsWith('url(') || css.backgroundImage !== 'none' || element.querySelector('svg, img') !== null;
  return drawn && getHints(element) !== undefined;
}

/** A native select kept out of sight while a script draws the dropdown a person uses. */
export function isHiddenSelect(select: HTMLSelectElement): boolean {
  const tiny = (element: Element) => {
    const rect = element.getBoundingClientRect();
    return rect.width * rect.height < 4;
  };
  if (!select.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || tiny(select)) return true;
  // Clipped to nothing by a wrapper with overflow hidden, the usual way such scripts hide it.
  for (let parent = select.parentElement, depth = 0; parent && depth < 3; parent = parent.parentElement, depth++) {
    if (tiny(parent) && getComputedStyle(parent).overflow !== 'visible') return true;
  }
  return false;
}

/** A region with its own scrollbar: the planner can scroll it by name. */
export function isScrollableRegion(element: Element, style: StyleReader): boolean {
  if (element === element.ownerDocument.scrollingElement || element === element.ownerDocument.body) return false;
  const css = style(element);
  const overflowing = /(auto|scroll)/.test(css.overflowY) && element.scrollHeight > element.clientHeight + 20;
  return overflowing || (/(auto|scroll)/.test(css.overflowX) && element.scrollWidth > element.clientWidth + 20);
}

/** Clickable only by a pointer cursor, an inline handler or a tabindex: no role, no native control. */
export function isWeakInteractive(element: Element, role: string | null): boolean {
  // A grid cell is clickable in itself only when it holds no control of its own.
  if (role === 'gridcell') return true;
  if (role && interactiveRoles.has(role)) return false;
  if (isInput(element) || isSelect(element) || isTextArea(element) || isButton(element)) return false;
  if (element.localName === 'summary' || element.localName === 'a' || isEditable(element)) return false;
  return true;
}

export function getName(element: Element, role: string | null, style: StyleReader): string {
  let name: string;
  try {
    name = computeAccessibleName(element, { getComputedStyle: style, computedStyleSupportsPseudoElements: true });
  } catch {
    name = '';
  }
  // A clickable list item (a suggestion, a menu entry) is known by its text, which accname leaves out.
  // A list item's collapsed sublist (a file tree's closed folder) is not part of what it says: innerText leaves hidden text out.
  if (!name && role === 'listitem' && isHTMLElement(element)) name = element.innerText.slice(0, 80);
  // innerText keeps the break between blocks ("Reply" and "Forward" side by side are two words).
  if (!name && (role === null || role === 'generic') && isHTMLElement(element)) name = element.innerText.slice(0, 80);
  if (!name && (role === null || role === 'generic' || role === 'gridcell' || role === 'option')) name = getText(element, 80);
  return collapse(name);
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function getText(element: Element, limit = 160): string {
  const text = collapse(element.textContent ?? '');
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

const secretName = /(pass(word|code|phrase)?|pwd|card.?(num|no)|cc.?(num|no|csc|cvc)|cvc|cvv|csc|security.?code|otp|one.?time|verification.?code|pin(code)?$|iban|ssn)/i;

/** Fields whose value must never leave the page: passwords, payment cards, one-time codes. */
export function isSecretField(element: Element): boolean {
  if (!(isInput(element) || isTextArea(element))) return false;
  if (isInput(element) && element.type === 'password') return true;
  const autocomplete = element.getAttribute('autocomplete') ?? '';
  if (/cc-(number|csc|exp)|one-time-code|current-password|new-password/.test(autocomplete)) return true;
  const words = [element.name, element.id, element.getAttribute('aria-label') ?? '', element.placeholder].join(' ');
  return secretName.test(words);
}

/** What a field holds as a person reads it (selected labels for a select); secret fields included. */
export function fieldValue(element: Element): string | undefined {
  if (isSelect(element)) {
    return collapse([...element.selectedOptions].map((option) => option.label || option.text).join(', '));
  }
  if (isInput(element)) {
    if (['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file'].includes(element.type)) return undefined;
    return element.value;
  }
  if (isTextArea(element)) return element.value;
  if (isHTMLElement(element) && element.isContentEditable) return collapse(element.innerText);
  const role = element.getAttribute('role');
  if (role === 'slider' || role === 'spinbutton') return element.getAttribute('aria-valuetext') ?? element.getAttribute('aria-valuenow') ?? undefined;
  return undefined;
}

// Fields a stored secret was typed into, with what they held then: the page may reformat a value
// (spaces in a card number) past recognition, so such a field is never shown, whatever it holds.
const typedSecrets = new WeakMap<Element, { reference: string; value: string | undefined }>();

export function markSecretTyped(element: Element, reference: string): void {
  typedSecrets.set(element, { reference, value: fieldValue(element) });
}

export function holdsTypedSecret(element: Element): boolean {
  return typedSecrets.has(element);
}

/** The value shown to the model: none for secret fields, whatever their content. */
export function getSafeValue(element: Element): string | undefined {
  if (isSecretField(element)) return undefined;
  const typed = typedSecrets.get(element);
  if (typed) return typed.value === fieldValue(element) ? typed.reference : undefined;
  return fieldValue(element);
}

function ariaBool(element: Element, attribute: string): boolean | undefined {
  const value = element.getAttribute(attribute);
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

export function getStates(element: Element, role: string | null): CandidateStates {
  const states: CandidateStates = {};
  const ariaChecked = element.getAttribute('aria-checked');
  if (ariaChecked === 'mixed') states.checked = 'mixed';
  else if (ariaChecked === 'true' || ariaChecked === 'false') states.checked = ariaChecked === 'true';
  else if (isInput(element) && (element.type === 'checkbox' || element.type === 'radio')) {
    states.checked = element.indeterminate ? 'mixed' : element.checked;
  } else if (role === 'switch' || role === 'checkbox' || role === 'radio' || role === 'menuitemcheckbox') states.checked = false;
  if (element.matches(':disabled') || element.closest('[aria-disabled="true"]') !== null) states.disabled = true;
  const expanded = ariaBool(element, 'aria-expanded');
  if (expanded !== undefined) states.expanded = expanded;
  else if (element.localName === 'summary' && isDetails(element.parentElement)) states.expanded = element.parentElement.open;
  const selected = ariaBool(element, 'aria-selected');
  if (selected !== undefined) states.selected = selected;
  else if (isOption(element)) states.selected = element.selected;
  if (element.getAttribute('aria-current') && element.getAttribute('aria-current') !== 'false') states.selected = true;
  const pressed = ariaBool(element, 'aria-pressed');
  if (pressed !== undefined) states.pressed = pressed;
  if ((element as HTMLInputElement).required === true || element.getAttribute('aria-required') === 'true') states.required = true;
  if (element.getAttribute('aria-invalid') === 'true' || element.matches(':user-invalid')) states.invalid = true;
  const editable = role === 'textbox' || role === 'searchbox' || role === 'spinbutton' || (role === 'combobox' && !(isSelect(element)));
  if (editable) {
    states.editable = true;
    const value = fieldValue(element);
    states.empty = (value ?? '').length === 0;
  }
  return states;
}

/** id, name and class words, and the icon names inside: "btn-trash" helps find "the trash icon". */
export function getHints(element: Element): string | undefined {
  const parts = [element.id, element.getAttribute('name') ?? '', typeof element.className === 'string' ? element.className : '', isInput(element) && !['text', 'submit', 'button'].includes(element.type) ? element.type : ''];
  const icon = element.querySelector('i[class], svg use, svg title, span[class*="icon"], img[alt]');
  if (icon) parts.push(icon.getAttribute('class') ?? '', icon.getAttribute('href') ?? icon.getAttribute('xlink:href') ?? '', icon.textContent ?? '', icon.getAttribute('alt') ?? '');
  const words = parts
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[#_\-.:/]+/g, ' ')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 1 && !/^(fa|fas|far|btn|icon|icons|svg|mdi|js|is|has|ng|css|\d+)$/.test(word));
  return words.length > 0 ? [...new Set(words)].join(' ') : undefined;
}
