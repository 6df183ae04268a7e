import { assignVisualLabels } from '../grounding/labels.ts';
import type { Box, PageData } from '../grounding/types.ts';
import { collapse, getElementRole, getName, cachedStyles } from './dom/semantics.ts';
import { createOrderScanner, listInjections } from './orders.ts';
import { markedTexts, type OutlineData } from './outline.ts';
import type { RefRegistry } from './refs.ts';
import { walkPage, type ChildFrame, type Walked } from './walk.ts';

// The page as plain data: the grounding candidates and the outline the snapshot is printed from,
// from one pass over the page (walk.ts), with the live element of each candidate beside it.

export type { ChildFrame } from './walk.ts';
export type { LineKind, OutlineLine } from './outline.ts';

export interface PageModel extends OutlineData {
  /**
   * Text that reads like instructions to an agent: what the snapshot marks (page text, names, alt
   * text, labels, values), then what the page hides from people, prefixed with HIDDEN_INJECTION.
   */
  injections: string[];
  data: PageData;
  /** The live element of each candidate, by candidate index. */
  elements: Element[];
  frames: ChildFrame[];
}

/** Removes candidates that gave way to the controls inside them, renumbering the rest. */
function dropCandidates({ candidates, elements, lines, dropped }: Walked) {
  if (dropped.size === 0) return { candidates, elements, lines };
  const renumber = new Map<number, number>();
  const keptCandidates: Walked['candidates'] = [];
  const keptElements: Element[] = [];
  candidates.forEach((candidate, index) => {
    const element = elements[index];
    if (dropped.has(index) || !element) return;
    renumber.set(index, keptCandidates.length);
    keptCandidates.push({ ...candidate, index: keptCandidates.length });
    keptElements.push(element);
  });
  const keptLines = lines
    .filter((line) => line.kind !== 'element' || renumber.has(Number(line.text)))
    .map((line) => (line.kind === 'element' ? { ...line, text: String(renumber.get(Number(line.text))) } : line));
  return { candidates: keptCandidates, elements: keptElements, lines: keptLines };
}

export function buildModel(doc: Document, registry: RefRegistry, options: { viewportMargin?: number } = {}): PageModel {
  const view = doc.defaultView ?? window;
  const style = cachedStyles();
  const margin = options.viewportMargin ?? 0;
  const viewport: Box = { x: 0, y: -margin, width: view.innerWidth, height: view.innerHeight + 2 * margin };
  const orders = createOrderScanner();
  const walked = walkPage(doc, { registry, style, orders, viewport });
  const kept = dropCandidates(walked);
  assignVisualLabels({ candidates: kept.candidates, texts: walked.texts, viewport: { width: 0, height: 0 } });
  const model: PageModel = {
    injections: [],
    data: { candidates: kept.candidates, texts: walked.texts, units: walked.units, viewport: { width: view.innerWidth, height: view.innerHeight } },
    elements: kept.elements,
    lines: kept.lines,
    frames: walked.frames,
    behindModal: walked.behindModal,
  };
  if (walked.modal) model.modalName = getName(walked.modal, getElementRole(walked.modal), style);
  // Only the top document's title is shown (in the header of the page).
  model.injections = listInjections(markedTexts(model, view === view.top ? collapse(doc.title) : ''), orders.hidden);
  return model;
}
