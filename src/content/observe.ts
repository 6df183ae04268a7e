import type { Observation } from '../shared/results.ts';
import { buildModel } from './model.ts';
import type { RefRegistry } from './refs.ts';
import { formatOutline, type SnapshotOptions } from './outline.ts';

/** The snapshot of this frame's document, with the page facts the planner needs first. */
export function observe(doc: Document, registry: RefRegistry, options: SnapshotOptions = {}): Observation {
  const start = performance.now();
  const model = buildModel(doc, registry);
  const outline = formatOutline(model, options);
  const view = doc.defaultView ?? window;
  const root = doc.scrollingElement ?? doc.documentElement;
  const scroll = {
    x: Math.round(view.scrollX),
    y: Math.round(view.scrollY),
    width: root.scrollWidth,
    height: root.scrollHeight,
    viewportWidth: view.innerWidth,
    viewportHeight: view.innerHeight,
  };
  return {
    url: doc.URL,
    title: doc.title,
    text: outline.text,
    truncated: outline.truncated,
    scroll,
    frames: model.frames,
    interactiveCount: model.data.candidates.length,
    injections: model.injections.map((text) => (text.length > 200 ? `${text.slice(0, 199)}…` : text)),
    buildMs: Math.round((performance.now() - start) * 100) / 100,
  };
}
