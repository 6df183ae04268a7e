import { WebwrightError } from '../../shared/errors.ts';
import { escalationReason, type RefBy } from '../../shared/escalation.ts';
import { isPageIntent, type Intent } from '../../shared/intent.ts';
import { describeIntent } from '../../shared/describe.ts';
import type { ActResult, GroundReport } from '../../shared/results.ts';
import type { RunningRun, Step } from '../../shared/run.ts';
import type { Settings } from '../../shared/settings.ts';
import { actInTab, groundInTab } from '../agent/act.ts';
import { ModelError } from '../model/client.ts';
import { gate } from '../safety/gate.ts';
import { addUsage, costOf } from './budget.ts';
import { followTab } from './direct-step.ts';
import { escalate } from './escalate.ts';
import { broadcastRun } from './events.ts';
import { loopVerdict, stepKey } from './loop-detect.ts';
import type { RunEvent, StepChanges } from './state.ts';
import { recordStep } from './store.ts';

// Acting on the page for an intent the planner chose: loop check, unsure grounding to the
// grounding model, the safety gate, then the action, written before it begins.

export interface ActInput {
  run: RunningRun;
  steps: Step[];
  /** The step so far: observation, prompt, reply, intent. */
  step: Step;
  intent: Intent;
  outline: string;
  url: string;
  settings: Settings;
  apiKey: string;
  signal: AbortSignal;
  changes: StepChanges;
  started: number;
}

async function save(step: Step, changes: StepChanges, event?: RunEvent): Promise<void> {
  broadcastRun(await recordStep(step, [{ type: 'step', changes }, ...(event ? [event] : [])]));
}

export async function actStep(input: ActInput): Promise<void> {
  const { run, steps, step, intent, outline, settings, apiKey, signal, started } = input;
  const timings = step.timings;
  let changes = input.changes;
  const key = stepKey(intent, outline);
  const verdict = loopVerdict(steps, key, run);

  // Unsure grounding goes to the grounding model before anything is judged or done; a step about
  // to be held back as a repeat is not worth a call.
  let chosen: Intent = intent;
  let report: GroundReport | undefined;
  let refBy: RefBy | undefined;
  let note = '';
  if (settings.grounding.enabled && verdict === 'ok' && isPageIntent(intent) && intent.target !== undefined) {
    report = await groundInTab(run.tabId, intent).catch(() => undefined);
    const reason = report && escalationReason(report);
    if (report && reason) {
      const began = performance.now();
      let second;
      try {
        second = await escalate({ run, intent: { ...intent, target: intent.target }, report, reason, settings, apiKey, outline, signal });
      } catch (error) {
        if (error instanceof ModelError && error.kind === 'aborted') return; // paused or stopped: the step is redone on resume
        throw error;
      }
      timings.model += Math.round(performance.now() - began);
      if (second) {
        step.escalation = second.record;
        step.usage = { promptTokens: step.usage.promptTokens + second.usage.promptTokens, completionTokens: step.usage.completionTokens + second.usage.completionTokens, costUsd: step.usage.costUsd + costOf(run.model, second.usage) };
        changes = { ...changes, usage: addUsage(run.usage, step.usage) };
        if (!second.go) {
          step.result = second.result;
          timings.total = Date.now() - started;
          await save({ ...step, loopKey: key }, changes);
          return;
        }
        ({ intent: chosen, report, refBy, note } = second);
      }
    }
  }

  const checked = await gate(run, chosen, { settings, currentUrl: input.url, report });
  if (checked.kind === 'refuse') {
    step.result = { ok: false, kind: 'error', message: note ? `${note} ${checked.message}` : checked.message };
    await save(step, changes);
    return;
  }
  if (checked.kind === 'ask') {
    await askApproval(step, changes, chosen, checked, refBy);
    return;
  }
  if (verdict === 'stop') {
    step.result = { ok: false, kind: 'error', message: 'The same step on the same page again, after a warning: the run stops here.' };
    await save({ ...step, loopKey: key }, changes, { type: 'stop', reason: 'The agent kept repeating the same step on an unchanged page; stopped to save budget.' });
    return;
  }
  if (verdict === 'warn') {
    step.result = { ok: false, kind: 'no-effect', message: 'This is the same step as before on the same, unchanged page, so it was not repeated. Choose a different step.' };
    await save({ ...step, loopKey: key }, { ...changes, loopWarning: 'you proposed the same step twice on an unchanged page. Do something different, or finish if the task cannot be done.' });
    return;
  }

  // Written before acting: if the worker stops now, the resumed run knows this step began.
  await recordStep({ ...step }, [{ type: 'step' }]);
  const mark = performance.now();
  let result: ActResult;
  try {
    result = await actInTab(run.tabId, chosen, { refBy });
  } catch (error) {
    const message = error instanceof WebwrightError || error instanceof Error ? error.message : String(error);
    result = { ok: false, kind: 'error', message };
  }
  if (note) result = { ...result, message: `${note} ${result.message}` };
  timings.act += Math.round(performance.now() - mark);
  timings.ground = Math.round(result.timings?.ground ?? 0);
  timings.act = Math.max(0, timings.act - timings.ground);
  timings.total = Date.now() - started;
  step.result = result;
  await save({ ...step, loopKey: key }, { ...changes, ...followTab(result) });
}

/**
 * Records the step as waiting and puts the question to the person; the intent is carried out (or
 * not) as the next step, once they answer.
 */
async function askApproval(step: Step, changes: StepChanges, intent: Intent, ask: { reason: string; waiting: string; on: string; element?: { ref: string; role: string; name: string }; site?: string }, refBy?: RefBy): Promise<void> {
  const { element, reason, site } = ask;
  step.result = { ok: true, kind: 'ok', message: `Waiting for the person to approve${ask.waiting}.` };
  const question = { question: `Approve this step? Webwright wants to ${describeIntent(intent)}${ask.on}. It needs you because ${reason}.`, kind: 'confirm' as const, options: ['Approve', 'Deny'] };
  const pending = { intent, reason, ...(element ? { element } : {}), ...(site ? { site } : {}), ...(step.thought ? { thought: step.thought } : {}), ...(refBy ? { refBy } : {}) };
  await save(step, changes, { type: 'ask', question, pending });
}
