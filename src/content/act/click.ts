import { waitActionable } from './actionable.ts';
import { pointerClick } from './events.ts';
import { aimOf, elementLabel, notActionable, type ActionDefinition } from './types.ts';

export const click: ActionDefinition<'click'> = {
  action: 'click',
  element: 'required',
  expectsChange: true,
  async run(context) {
    const { intent, element, located } = context;
    if (!element) return { kind: 'not-found', message: 'No element to click.' };
    const ready = await waitActionable(element, { aim: aimOf(located) });
    if (!ready.ok) return notActionable(ready, located);
    pointerClick(ready.target, ready.x, ready.y, { button: intent.button, count: intent.count });
    const how = intent.count === 2 ? 'Double-clicked' : intent.button === 'right' ? 'Right-clicked' : 'Clicked';
    return { kind: 'ok', message: `${how} ${elementLabel(context)}.` };
  },
};
