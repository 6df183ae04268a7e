import { isPageIntent, type Intent, type PageAction, type PageIntent } from '../../shared/intent.ts';
import type { ActResult } from '../../shared/results.ts';
import { locate, summarise, type Located } from '../locate.ts';
import { showHighlight } from '../overlay.ts';
import type { RefRegistry } from '../refs.ts';
import { check } from './check.ts';
import { click } from './click.ts';
import { EffectWatcher } from './effect.ts';
import { hover } from './hover.ts';
import { press } from './press.ts';
import { scroll } from './scroll.ts';
import { select } from './select.ts';
import { type } from './type.ts';
import type { ActionDefinition } from './types.ts';

// The registry of page actions and the one path every intent takes: ground, show, act, check.

const POPUP_QUIET_MS = 400;

const definitions: { [A in PageAction]: ActionDefinition<A> } = { click, type, select, check, hover, press, scroll };

function wantsElement(definition: ActionDefinition<PageAction>, intent: PageIntent): boolean {
  return definition.element === 'required' || intent.target !== undefined || intent.ref !== undefined || intent.point !== undefined;
}

export async function runPageIntent(doc: Document, registry: RefRegistry, intent: Intent, secrets: Record<string, string> = {}, grounded?: Located): Promise<ActResult> {
  if (!isPageIntent(intent)) {
    return { ok: false, kind: 'unsupported', message: `"${intent.action}" is not carried out inside the page.` };
  }
  const definition = definitions[intent.action] as ActionDefinition<PageAction>;
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    timings[phase] = Math.round((now - mark) * 10) / 10;
    mark = now;
  };

  let located: Located | undefined;
  let element: Element | undefined;
  if (wantsElement(definition, intent)) {
    located = grounded ?? locate(doc, registry, { target: intent.target, ref: intent.ref, point: intent.point, action: intent.action });
    lap('ground');
    const { result } = located;
    if (result.kind !== 'ok') return { ok: false, kind: result.kind, message: result.message, candidates: result.candidates.map(summarise), timings };
    element = located.element;
  }

  const chosen = located?.result.kind === 'ok' ? located.result.chosen : undefined;
  const hide = element ? showHighlight(element) : () => undefined;
  const watcher = new EffectWatcher(doc, element);
  let outcome;
  try {
    outcome = await definition.run({ intent, doc, registry, element, located, secrets });
  } catch (error) {
    outcome = { kind: 'error' as const, message: `Acting failed inside the page: ${error instanceof Error ? error.message : String(error)}` };
  }
  lap('act');
  // A control that opens a popup may open it after a delay, as hover menus do.
  const opensPopup = element?.matches('[aria-haspopup]:not([aria-haspopup="false"]), [aria-expanded]') === true;
  const quietMs = definition.quietMs ?? (opensPopup ? POPUP_QUIET_MS : undefined);
  const effect = await watcher.finish(quietMs === undefined ? {} : { quietMs });
  hide();
  lap('settle');

  let kind = outcome.kind;
  let message = outcome.message;
  if (kind === 'ok' && effect.kind === 'none' && definition.expectsChange) {
    kind = 'no-effect';
    message += ' Nothing changed on the page afterwards: this may not be the right element, or the page needs something else first.';
  } else if (effect.kind !== 'none' && kind === 'ok') message += ` Effect: ${effect.summary}.`;
  // A handler that itself found nothing changed (a checkbox that would not check) failed; an
  // action that went through but changed nothing visible is reported, not failed.
  const result: ActResult = { ok: kind === 'ok' || (kind === 'no-effect' && outcome.kind === 'ok'), kind, message, effect, timings, ...(grounded ? { reused: true } : {}) };
  if (chosen) {
    const { ref, role, name, box } = chosen.candidate;
    result.ref = ref;
    result.element = { ref, role, name, box };
    if (located?.result.kind === 'ok') {
      result.confidence = Math.round(located.result.confidence * 1000) / 1000;
      result.candidates = [chosen, ...located.result.runnersUp].map(summarise);
    }
  }
  return result;
}
