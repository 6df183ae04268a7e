import type { IntentOf, PageAction } from '../../shared/intent.ts';
import type { ResultKind } from '../../shared/results.ts';
import { describeCandidate } from '../../grounding/resolve.ts';
import { containsDeep } from '../dom/deep.ts';
import type { Located } from '../locate.ts';
import type { RefRegistry } from '../refs.ts';
import type { Aim, NotReady } from './actionable.ts';

export interface ActionContext<A extends PageAction> {
  intent: IntentOf<A>;
  doc: Document;
  registry: RefRegistry;
  /** The grounded element, when the intent names one. */
  element: Element | undefined;
  located: Located | undefined;
  /** Values of the secrets the intent names, by name. */
  secrets: Record<string, string>;
}

export interface Outcome {
  kind: ResultKind;
  message: string;
}

/** One action: whether it needs an element, and what it does. */
export interface ActionDefinition<A extends PageAction> {
  action: A;
  element: 'required' | 'optional';
  /** Whether "nothing changed" after it is worth telling the planner. */
  expectsChange: boolean;
  /** How long the page must stay still before the effect is read (menus open after a hover delay). */
  quietMs?: number;
  run(context: ActionContext<A>): Promise<Outcome>;
}

export function elementLabel(context: { located: Located | undefined }): string {
  const result = context.located?.result;
  return result?.kind === 'ok' ? describeCandidate(result.chosen.candidate) : 'the element';
}

/** A not-actionable outcome; when something covers the element, names what could clear it. */
export function notActionable(state: NotReady, located: Located | undefined): Outcome {
  let message = state.message;
  if (state.cover && located) {
    const inside = located.model.elements
      .map((element, index) => ({ element, candidate: located.model.data.candidates[index] }))
      .filter(({ element, candidate }) => candidate && state.cover && containsDeep(state.cover, element));
    const names = inside.slice(0, 4).map(({ candidate }) => (candidate ? describeCandidate(candidate) : ''));
    if (names.length) message += ` Close or answer it first: it has ${names.join(', ')}.`;
  }
  return { kind: 'not-actionable', message };
}

/** Where the grounder says to point inside the element: on the words the description named. */
export function aimOf(located: Located | undefined): Aim | undefined {
  const result = located?.result;
  if (result?.kind !== 'ok' || !result.aim) return undefined;
  const { box } = result.chosen.candidate;
  const { aim } = result;
  if (box.width <= 0 || box.height <= 0) return undefined;
  const share = (at: number, start: number, size: number) => Math.min(1, Math.max(0, (at - start) / size));
  return { fx: share(aim.x + aim.width / 2, box.x, box.width), fy: share(aim.y + aim.height / 2, box.y, box.height) };
}
