import type { RefBy } from '../../shared/escalation.ts';
import type { Intent } from '../../shared/intent.ts';
import type { ActResult } from '../../shared/results.ts';
import type { Run, Step } from '../../shared/run.ts';
import { actInTab } from '../agent/act.ts';
import { observeTab } from '../agent/observe.ts';

// A step with no model in it (a replayed intent, an approved or denied one): the page is
// observed for the record, the intent carried out unless a result is already decided.

export async function directStep(run: Run, index: number, intent: Intent, options: { decided?: ActResult; note?: string; thought?: string; refBy?: RefBy } = {}): Promise<Step> {
  const started = Date.now();
  const observation = await observeTab(run.tabId).catch(() => undefined);
  let result: ActResult;
  if (options.decided) result = options.decided;
  else {
    try {
      result = await actInTab(run.tabId, intent, { refBy: options.refBy });
    } catch (error) {
      result = { ok: false, kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    if (options.note) result = { ...result, message: `${options.note} ${result.message}` };
  }
  return {
    runId: run.id,
    index,
    startedAt: started,
    url: observation?.url ?? '',
    title: observation?.title ?? '',
    observation: observation?.text ?? '',
    messages: [],
    parseErrors: [],
    intent,
    ...(options.thought ? { thought: options.thought } : {}),
    result,
    usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
    timings: { observe: 0, model: 0, ground: Math.round(result.timings?.ground ?? 0), act: 0, total: Date.now() - started },
  };
}

/** A step that opened a new tab moves its run there. */
export function followTab(result: ActResult | undefined): { tabId?: number } {
  return result?.effect?.kind === 'new-tab' && result.effect.tabId !== undefined ? { tabId: result.effect.tabId } : {};
}
