import { OVERLAY_ATTRIBUTE } from './overlay.ts';
import { buildModel } from './model.ts';
import type { RefRegistry } from './refs.ts';

// Set-of-marks for vision models: each interactive element in view gets a small label with its
// ref, drawn just for the screenshot and removed right after. Like the highlight, it lives in a
// closed shadow root, ignores the pointer and is never part of a snapshot.

let shown: HTMLElement | undefined;

export function showMarks(doc: Document, registry: RefRegistry, prefix = ''): number {
  hideMarks();
  const model = buildModel(doc, registry);
  const host = doc.createElement('webwright-marks');
  host.setAttribute(OVERLAY_ATTRIBUTE, '');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'all:initial;position:fixed;inset:0;pointer-events:none;z-index:2147483647';
  const root = host.attachShadow({ mode: 'closed' });
  let count = 0;
  for (const candidate of model.data.candidates) {
    if (!candidate.inViewport) continue;
    const { x, y, width, height } = candidate.box;
    const box = doc.createElement('div');
    box.style.cssText = `position:fixed;left:${x}px;top:${y}px;width:${width}px;height:${height}px;outline:2px solid #e8710a;pointer-events:none`;
    const label = doc.createElement('span');
    label.textContent = `${prefix}${candidate.ref}`;
    label.style.cssText = 'position:absolute;left:-2px;top:-14px;font:bold 11px/13px monospace;color:#fff;background:#e8710a;padding:0 3px;border-radius:2px;white-space:nowrap';
    box.append(label);
    root.append(box);
    count++;
  }
  doc.documentElement.append(host);
  shown = host;
  return count;
}

export function hideMarks(): void {
  shown?.remove();
  shown = undefined;
}
