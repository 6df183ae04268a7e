import type { IntentOf, PageAction } from '../../shared/intent.ts';
import type { ResultKind } from '../../shared/results.ts';
import { describeCandidate } from '../../grounding/resolve.ts';
import { containsDeep } from '../dom/deep.ts';
import type { Located } from '../locate.ts';
import type { RefRegistry } from '../refs.ts';
import type { NotReady } from './actionable.ts';

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
