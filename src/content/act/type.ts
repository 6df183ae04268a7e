import { getSafeValue, isSecretField } from '../dom/semantics.ts';
import { waitActionable } from './actionable.ts';
import { pointerClick } from './events.ts';
import { pressEnter } from './press.ts';
import { editableTarget, fillField, isTextControl } from './text-input.ts';
import { elementLabel, notActionable, type ActionDefinition } from './types.ts';
import { isHTMLElement, isInput } from '../dom/kinds.ts';

export const type: ActionDefinition<'type'> = {
  action: 'type',
  element: 'required',
  expectsChange: true,
  async run(context) {
    const { intent, element, located } = context;
    if (!element) return { kind: 'not-found', message: 'No field to type into.' };
    const label = elementLabel(context);
    const field = editableTarget(element);
    if (!field) return { kind: 'unsupported', message: `${label} is not a text field or editor; type into a field, or use select or click for it.` };
    const ready = await waitActionable(field);
    if (!ready.ok) return notActionable(ready, located);
    if (isTextControl(field) && field.readOnly) return { kind: 'not-actionable', message: `${label} is read-only. It may be filled by a picker: click it and choose instead.` };
    pointerClick(ready.target, ready.x, ready.y);
    if (isHTMLElement(field)) field.focus({ preventScroll: true });
    fillField(field, intent.text, { clear: intent.clear });
    const secret = isSecretField(field);
    const value = isTextControl(field) ? field.value : getSafeValue(field) ?? '';
    let message = `Typed into ${label}.`;
    if (!secret && isTextControl(field) && !value.includes(intent.text.replace(/[\r\n]+/g, isInput(field) ? ' ' : '\n').trim())) {
      message = `Typed into ${label}, but it now holds "${value}" (the page reformatted or limited the input).`;
    }
    if (intent.submit) {
      pressEnter(field);
      message += ' Pressed Enter.';
    }
    return { kind: 'ok', message };
  },
};
