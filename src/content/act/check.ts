import { getStates } from '../dom/semantics.ts';
import { waitActionable } from './actionable.ts';
import { pointerClick } from './events.ts';
import { elementLabel, notActionable, type ActionDefinition } from './types.ts';
import { isInput } from '../dom/kinds.ts';

const checkable = new Set(['checkbox', 'radio', 'switch', 'menuitemcheckbox', 'menuitemradio']);

function roleOf(element: Element): string {
  if (isInput(element) && (element.type === 'checkbox' || element.type === 'radio')) return element.type;
  return element.getAttribute('role') ?? '';
}

export const check: ActionDefinition<'check'> = {
  action: 'check',
  element: 'required',
  expectsChange: false,
  async run(context) {
    const { intent, element, located } = context;
    if (!element) return { kind: 'not-found', message: 'No element to check.' };
    const role = roleOf(element);
    const label = elementLabel(context);
    if (!checkable.has(role)) {
      return { kind: 'unsupported', message: `${label} is not a checkbox, radio button or switch; use click for it.` };
    }
    const wanted = intent.checked;
    const now = getStates(element, role).checked;
    if (now === wanted) return { kind: 'ok', message: `${label} was already ${wanted ? 'checked' : 'unchecked'}; left as it is.` };
    if (!wanted && (role === 'radio' || role === 'menuitemradio')) {
      return { kind: 'unsupported', message: `A radio button cannot be unchecked by itself; choose another option in its group instead.` };
    }
    const ready = await waitActionable(element);
    if (!ready.ok) return notActionable(ready, located);
    pointerClick(ready.target, ready.x, ready.y);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const after = getStates(element, role).checked;
    if (after !== wanted) {
      return { kind: 'no-effect', message: `Clicked ${label}, but it is still ${after === true ? 'checked' : after === 'mixed' ? 'mixed' : 'unchecked'}. The page may block the change or need something else first.` };
    }
    return { kind: 'ok', message: `${label} is now ${wanted ? 'checked' : 'unchecked'}.` };
  },
};
