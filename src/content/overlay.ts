// Shows the person which element is being acted on. It lives in a closed shadow root, ignores
// the pointer, and the observer skips it, so it never shows up in a snapshot or blocks a click.

export const OVERLAY_ATTRIBUTE = 'data-webwright-overlay';

export function showHighlight(element: Element): () => void {
  const doc = element.ownerDocument;
  const host = doc.createElement('webwright-highlight');
  host.setAttribute(OVERLAY_ATTRIBUTE, '');
  host.setAttribute('aria-hidden', 'true');
  const shadow = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  const rect = element.getBoundingClientRect();
  box.style.cssText = [
    'position:fixed',
    `left:${rect.left - 3}px`,
    `top:${rect.top - 3}px`,
    `width:${rect.width + 6}px`,
    `height:${rect.height + 6}px`,
    'border:2px solid #1a73e8',
    'border-radius:4px',
    'background:rgba(26,115,232,0.12)',
    'box-shadow:0 0 0 2px rgba(255,255,255,0.8)',
    'pointer-events:none',
    'z-index:2147483647',
    'transition:opacity 150ms',
  ].join(';');
  shadow.append(box);
  host.style.cssText = 'all:initial;position:fixed;top:0;left:0;width:0;height:0;pointer-events:none;z-index:2147483647';
  doc.documentElement.append(host);
  return () => host.remove();
}
