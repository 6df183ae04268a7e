import { fillSecrets, secretNames, secretRef } from '../../shared/secrets.ts';
import { getSafeValue, isSecretField, markSecretTyped } from '../dom/semantics.ts';
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
    const missing = secretNames(intent.text).filter((name) => context.secrets[name] === undefined);
    if (missing.length) return { kind: 'error', message: `No value was given for ${missing.map(secretRef).join(', ')}; nothing was typed.` };
    const text = fillSecrets(intent.text, context.secrets);
    const label = elementLabel(context);
    const field = editableTarget(element);
    if (!field) return { kind: 'unsupported', message: `${label} is not a text field or editor; type into a field, or use select or click for it.` };
    const ready = await waitActionable(field);
    if (!ready.ok) return notActionable(ready, located);
    if (isTextControl(field) && field.readOnly) return { kind: 'not-actionable', message: `${label} is read-only. It may be filled by a picker: click it and choose instead.` };
    pointerClick(ready.target, ready.x, ready.y);
    if (isHTMLElement(field)) field.focus({ preventScroll: true });
    fillField(field, text, { clear: intent.clear });
    const names = secretNames(intent.text);
    if (names.length) markSecretTyped(field, intent.text);
    const secret = isSecretField(field) || names.length > 0;
    const value = isTextControl(field) ? field.value : getSafeValue(field) ?? '';
    let message = `Typed into ${label}.`;
    if (!secret && isTextControl(field) && !value.includes(text.replace(/[\r\n]+/g, isInput(field) ? ' ' : '\n').trim())) {
      message = `Typed into ${label}, but it now holds "${value}" (the page reformatted or limited the input).`;
    }
    if (intent.submit) {
      pressEnter(field);
      message += ' Pressed Enter.';
    }
    return { kind: 'ok', message };
  },
};
