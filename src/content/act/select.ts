import { textMatch } from '../../grounding/match.ts';
import { getName, cachedStyles, isHiddenSelect } from '../dom/semantics.ts';
import { sleep, waitActionable } from './actionable.ts';
import { fireChange, fireInputEvents, pointerClick } from './events.ts';
import { editableTarget, fillField } from './text-input.ts';
import { elementLabel, notActionable, type ActionDefinition, type Outcome } from './types.ts';
import { isSelect } from '../dom/kinds.ts';

// Choosing options in native selects, ARIA listboxes and comboboxes (including autocompletes
// that only show their options once something is typed).

function bestOption<T>(options: T[], wanted: string, texts: (option: T) => string[]): T | undefined {
  let best: { option: T; score: number } | undefined;
  for (const option of options) {
    const score = Math.max(...texts(option).map((text) => (text.trim().toLowerCase() === wanted.trim().toLowerCase() ? 1.01 : textMatch(wanted, text))));
    if (!best || score > best.score) best = { option, score };
  }
  return best && best.score >= 0.6 ? best.option : undefined;
}

function selectNative(select: HTMLSelectElement, wanted: string[], label: string): Outcome {
  const options = [...select.options].filter((option) => !option.disabled);
  const chosen: HTMLOptionElement[] = [];
  for (const want of wanted) {
    const option = bestOption(options, want, (o) => [o.label, o.text, o.value]);
    if (!option) {
      const list = options.map((o) => `"${o.label || o.text}"`).slice(0, 15).join(', ');
      return { kind: 'not-found', message: `${label} has no option like "${want}". Its options: ${list}.` };
    }
    chosen.push(option);
  }
  if (!select.multiple && chosen.length > 1) return { kind: 'unsupported', message: `${label} takes one option; choose one of ${wanted.map((w) => `"${w}"`).join(', ')}.` };
  select.focus({ preventScroll: true });
  for (const option of select.options) option.selected = select.multiple ? chosen.includes(option) : option === chosen[0];
  fireInputEvents(select, null);
  fireChange(select);
  return { kind: 'ok', message: `Chose ${chosen.map((o) => `"${o.label || o.text}"`).join(', ')} in ${label}.` };
}

function optionsOf(root: ParentNode): Element[] {
  return [...root.querySelectorAll('[role="option"], [role="menuitemradio"], [role="menuitem"]')].filter((option) => option.checkVisibility());
}

function popupOf(element: Element): ParentNode {
  const doc = element.ownerDocument;
  const ids = `${element.getAttribute('aria-controls') ?? ''} ${element.getAttribute('aria-owns') ?? ''}`.trim().split(/\s+/).filter(Boolean);
  for (const id of ids) {
    const popup = (element.getRootNode() as Document | ShadowRoot).getElementById?.(id) ?? doc.getElementById(id);
    if (popup) return popup;
  }
  return doc;
}

async function pickFromPopup(element: Element, wanted: string[], label: string): Promise<Outcome> {
  const style = cachedStyles();
  for (const want of wanted) {
    let option: Element | undefined;
    for (let attempt = 0; attempt < 20 && !option; attempt++) {
      option = bestOption(optionsOf(popupOf(element)), want, (o) => [getName(o, 'option', style), o.textContent ?? '']);
      if (!option) await sleep(50);
    }
    if (!option) {
      const seen = optionsOf(popupOf(element)).map((o) => `"${(o.textContent ?? '').trim()}"`).slice(0, 12);
      return { kind: 'not-found', message: `No option like "${want}" appeared for ${label}.${seen.length ? ` Options shown: ${seen.join(', ')}.` : ''}` };
    }
    const ready = await waitActionable(option);
    if (!ready.ok) return { kind: 'not-actionable', message: `The option "${want}" is there but ${ready.message.toLowerCase()}` };
    pointerClick(ready.target, ready.x, ready.y);
  }
  return { kind: 'ok', message: `Chose ${wanted.map((w) => `"${w}"`).join(', ')} in ${label}.` };
}

/** The items of an opened custom dropdown: options, or the entries of the list it drew. */
function drawnItems(root: Element): Element[] {
  return [...root.querySelectorAll('[role="option"], li, [data-value]')].filter((item) => item.checkVisibility() && !item.querySelector('li, [role="option"]'));
}

/** As a person does: open the drawn dropdown, click the entry, then check the real select followed. */
async function pickFromCustom(element: Element, native: HTMLSelectElement, wanted: string[], label: string): Promise<Outcome> {
  if (native.multiple || wanted.length > 1) return { kind: 'unsupported', message: `${label} takes one option; choose one of ${wanted.map((w) => `"${w}"`).join(', ')}.` };
  const want = wanted[0] ?? '';
  if (!bestOption([...native.options], want, (o) => [o.label, o.text, o.value])) {
    const list = [...native.options].map((o) => `"${o.label || o.text}"`).filter((o) => o !== '""').slice(0, 15).join(', ');
    return { kind: 'not-found', message: `${label} has no option like "${want}". Its options: ${list}.` };
  }
  const ready = await waitActionable(element);
  if (!ready.ok) return { kind: 'not-actionable', message: ready.message };
  pointerClick(ready.target, ready.x, ready.y);
  let item: Element | undefined;
  for (let attempt = 0; attempt < 20 && !item; attempt++) {
    item = bestOption(drawnItems(element), want, (o) => [o.textContent ?? '']);
    if (!item) await sleep(50);
  }
  if (!item) return { kind: 'not-found', message: `${label} opened, but no entry like "${want}" showed in it.` };
  const itemReady = await waitActionable(item);
  if (!itemReady.ok) return { kind: 'not-actionable', message: `The entry "${want}" is there but ${itemReady.message.toLowerCase()}` };
  pointerClick(itemReady.target, itemReady.x, itemReady.y);
  const now = native.selectedOptions[0];
  if (now && bestOption([now], want, (o) => [o.label, o.text, o.value])) return { kind: 'ok', message: `Chose "${want}" in ${label}.` };
  return { kind: 'no-effect', message: `Clicked "${want}" in ${label}, but the dropdown still holds "${now?.text ?? ''}".` };
}

export const select: ActionDefinition<'select'> = {
  action: 'select',
  element: 'required',
  expectsChange: true,
  async run(context) {
    const { intent, element, located } = context;
    if (!element) return { kind: 'not-found', message: 'No dropdown to choose from.' };
    const label = elementLabel(context);
    const wanted = Array.isArray(intent.option) ? intent.option : [intent.option];
    const native = isSelect(element) ? element : element.querySelector('select');
    if (native && native !== element && isHiddenSelect(native)) return pickFromCustom(element, native, wanted, label);
    if (native) {
      const ready = await waitActionable(native);
      if (!ready.ok) return notActionable(ready, located);
      return selectNative(native, wanted, label);
    }
    const role = element.getAttribute('role');
    if (role === 'listbox' || role === 'radiogroup' || role === 'menu') return pickFromPopup(element, wanted, label);
    if (role === 'option' || role === 'radio') {
      return { kind: 'unsupported', message: `${label} is itself an option; click it, or select from its list.` };
    }
    const ready = await waitActionable(element);
    if (!ready.ok) return notActionable(ready, located);
    pointerClick(ready.target, ready.x, ready.y);
    await sleep(50);
    if (optionsOf(popupOf(element)).length === 0) {
      // An autocomplete shows options only for what is typed.
      const field = editableTarget(element);
      if (field && wanted[0]) fillField(field, wanted[0], { clear: true });
    }
    return pickFromPopup(element, wanted, label);
  },
};
