import { ground, type GroundResult } from '../grounding/resolve.ts';
import type { ActionKind, Scored } from '../grounding/score.ts';
import type { RefBy } from '../shared/escalation.ts';
import type { CandidateSummary, GroundReport } from '../shared/results.ts';
import { containsDeep, deepElementFromPoint, flatParent } from './dom/deep.ts';
import { buildModel, type PageModel } from './model.ts';
import type { RefRegistry } from './refs.ts';

// The content half of grounding: read the page into plain data, let the pure grounder decide,
// and map its choice back to the live element.

export interface LocateRequest {
  target?: string | undefined;
  ref?: string | undefined;
  point?: readonly [number, number] | undefined;
  action?: ActionKind | undefined;
  refBy?: RefBy | undefined;
}

export interface Located {
  result: GroundResult;
  model: PageModel;
  element?: Element;
}

/** Refs arrive frame-qualified ("f3:e12") when the planner saw a stitched snapshot. */
export function localRef(ref: string): string {
  return ref.replace(/^f\d+:/, '');
}

function indexOfElement(model: PageModel, element: Element | undefined): number | null {
  if (!element) return null;
  for (let current: Element | null = element; current; current = flatParent(current)) {
    const index = model.elements.indexOf(current);
    if (index >= 0) return index;
  }
  // A label or wrapper around a control: the control inside it.
  const inside = model.elements.findIndex((candidate) => containsDeep(element, candidate));
  return inside >= 0 ? inside : null;
}

export function locate(doc: Document, registry: RefRegistry, request: LocateRequest): Located {
  const model = buildModel(doc, registry);
  let refIndex: number | null | undefined;
  if (request.ref !== undefined) {
    const element = registry.elementFor(localRef(request.ref));
    const index = element ? model.elements.indexOf(element) : -1;
    refIndex = index >= 0 ? index : null;
  }
  let pointIndex: number | null | undefined;
  if (request.point) {
    const view = doc.defaultView ?? window;
    const [nx, ny] = request.point;
    const hit = deepElementFromPoint(doc, (nx / 1000) * view.innerWidth, (ny / 1000) * view.innerHeight);
    pointIndex = indexOfElement(model, hit ?? undefined);
  }
  const result = ground(model.data, { target: request.target, ref: request.ref, refIndex, point: request.point, pointIndex, action: request.action, refBy: request.refBy });
  const located: Located = { result, model };
  if (result.kind === 'ok') {
    const element = model.elements[result.chosen.candidate.index];
    if (element) located.element = element;
  }
  return located;
}

export function summarise(scored: Scored): CandidateSummary {
  const { ref, role, name, box } = scored.candidate;
  return { ref, role, name, score: Math.round(scored.score * 1000) / 1000, box };
}

export function toReport(located: Located): GroundReport {
  const { result } = located;
  const bestScore = result.kind === 'ok' ? result.chosen.score : (result.candidates[0]?.score ?? 0);
  if (result.kind === 'ok') {
    const { ref, role, name, box } = result.chosen.candidate;
    return {
      kind: 'ok',
      message: result.message,
      element: { ref, role, name, box },
      confidence: Math.round(result.confidence * 1000) / 1000,
      candidates: [result.chosen, ...result.runnersUp].map(summarise),
      bestScore,
    };
  }
  return { kind: result.kind, message: result.message, candidates: result.candidates.map(summarise), bestScore };
}
