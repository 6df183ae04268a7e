import { flatParent } from '../dom/deep.ts';
import { sleep } from './actionable.ts';
import type { ActionDefinition } from './types.ts';


function isScrollable(element: Element): boolean {
  const style = getComputedStyle(element);
  const y = /(auto|scroll|overlay)/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
  const x = /(auto|scroll|overlay)/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
  return x || y;
}

function scrollableFrom(element: Element): Element | undefined {
  for (let current: Element | null = element; current; current = flatParent(current)) if (isScrollable(current)) return current;
  return undefined;
}

interface Position {
  left: number;
  top: number;
  width: number;
  height: number;
  viewWidth: number;
  viewHeight: number;
}

function position(region: Element | Window): Position {
  if (('nodeType' in region)) {
    return { left: region.scrollLeft, top: region.scrollTop, width: region.scrollWidth, height: region.scrollHeight, viewWidth: region.clientWidth, viewHeight: region.clientHeight };
  }
  const root = region.document.scrollingElement ?? region.document.documentElement;
  return { left: region.scrollX, top: region.scrollY, width: root.scrollWidth, height: root.scrollHeight, viewWidth: region.innerWidth, viewHeight: region.innerHeight };
}

export const scroll: ActionDefinition<'scroll'> = {
  action: 'scroll',
  element: 'optional',
  expectsChange: true,
  async run({ intent, element, doc }) {
    const region: Element | Window = element ? scrollableFrom(element) ?? doc.defaultView ?? window : doc.defaultView ?? window;
    const before = position(region);
    const vertical = intent.direction === 'up' || intent.direction === 'down' || intent.direction === 'top' || intent.direction === 'bottom';
    const span = vertical ? before.viewHeight : before.viewWidth;
    const distance = intent.amount === 'page' ? span * 0.9 : intent.amount === 'half' ? span * 0.5 : intent.amount;
    const options: ScrollToOptions = { behavior: 'instant' };
    if (intent.direction === 'top') options.top = 0;
    else if (intent.direction === 'bottom') options.top = before.height;
    else if (intent.direction === 'down') options.top = before.top + distance;
    else if (intent.direction === 'up') options.top = before.top - distance;
    else if (intent.direction === 'right') options.left = before.left + distance;
    else options.left = before.left - distance;
    region.scrollTo(options);
    await sleep(30);
    const after = position(region);
    const where = ('nodeType' in region) ? 'the region' : 'the page';
    const moved = vertical ? after.top - before.top : after.left - before.left;
    if (Math.abs(moved) < 1) {
      const end = intent.direction === 'up' || intent.direction === 'top' ? 'top' : intent.direction === 'left' ? 'left edge' : intent.direction === 'right' ? 'right edge' : 'bottom';
      return { kind: 'no-effect', message: `${where[0]?.toUpperCase()}${where.slice(1)} is already at the ${end}; nothing moved.` };
    }
    const atEnd = vertical && after.top + after.viewHeight >= after.height - 2 ? ' It is now at the bottom.' : vertical && after.top <= 0 ? ' It is now at the top.' : '';
    return { kind: 'ok', message: `Scrolled ${where} ${intent.direction} by ${Math.round(Math.abs(moved))}px (now at ${Math.round(vertical ? after.top : after.left)} of ${Math.round(vertical ? after.height : after.width)}).${atEnd}` };
  },
};
