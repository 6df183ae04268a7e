import type { Box } from '../../grounding/types.ts';

// Boxes in the coordinates of the top window this content script sees, so that elements inside
// same-origin frames compare with those outside.

export interface Offset {
  x: number;
  y: number;
}

export function boxOf(element: Element, offset: Offset): Box {
  const rect = element.getBoundingClientRect();
  return { x: rect.x + offset.x, y: rect.y + offset.y, width: rect.width, height: rect.height };
}

/** Where a frame's content starts: the frame's box plus its border and padding. */
export function frameContentOffset(frame: HTMLIFrameElement, outer: Offset): Offset {
  const rect = frame.getBoundingClientRect();
  const style = getComputedStyle(frame);
  return {
    x: outer.x + rect.x + frame.clientLeft + parseFloat(style.paddingLeft || '0'),
    y: outer.y + rect.y + frame.clientTop + parseFloat(style.paddingTop || '0'),
  };
}

export function intersects(box: Box, area: Box): boolean {
  return box.x < area.x + area.width && box.x + box.width > area.x && box.y < area.y + area.height && box.y + box.height > area.y;
}

export function centre(box: Box): { x: number; y: number } {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
