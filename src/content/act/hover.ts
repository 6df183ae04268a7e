import { waitActionable } from './actionable.ts';
import { pointerEnter } from './events.ts';
import { aimOf, elementLabel, notActionable, type ActionDefinition } from './types.ts';

export const hover: ActionDefinition<'hover'> = {
  action: 'hover',
  element: 'required',
  expectsChange: true,
  // Menus commonly open a submenu 200-300 ms after the pointer arrives (jQuery UI, Bootstrap hover menus).
  quietMs: 400,
  async run(context) {
    const { element, located } = context;
    if (!element) return { kind: 'not-found', message: 'No element to hover.' };
    const ready = await waitActionable(element, { needsEnabled: false, aim: aimOf(located) });
    if (!ready.ok) return notActionable(ready, located);
    pointerEnter(ready.target, ready.x, ready.y);
    return { kind: 'ok', message: `Moved the pointer over ${elementLabel(context)}.` };
  },
};
