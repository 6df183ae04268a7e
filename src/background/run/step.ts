import type { ActResult } from '../../shared/results.ts';
import type { RunningRun, Step } from '../../shared/run.ts';
import { observeTab } from '../agent/observe.ts';
import { buildPrompt } from '../planner/prompt.ts';
import { loadMasker, loadSecrets, loadSettings, secretInfo } from '../settings-store.ts';
import { actStep } from './act-step.ts';
import { addUsage, budgetExceeded, costOf } from './budget.ts';
import { directStep, followTab } from './direct-step.ts';
import { broadcastRun } from './events.ts';
import { isOffPage, offPageOutcome } from './off-page.ts';
import { plan } from './plan.ts';
import { captureScreenshot } from './screenshot.ts';
import type { RunEvent, StepChanges } from './state.ts';
import { changeRun, recordStep } from './store.ts';

// One step of a run: observe, plan, then either an intent that never touches the page (the
// off-page table) or acting. Every way a step can end is written to the store, through the
// run's state machine, before the next begins.

interface StepInput {
  run: RunningRun;
  steps: Step[];
  apiKey: string;
  signal: AbortSignal;
}

async function save(step: Step, events: RunEvent[]): Promise<void> {
  broadcastRun(await recordStep(step, events));
}

async function endRun(runId: string, event: RunEvent): Promise<void> {
  const next = await changeRun(runId, event);
  if (next.ok) broadcastRun(next.run);
}

export async function runStep({ run, steps, apiKey, signal }: StepInput): Promise<void> {
  const last = steps.at(-1);
  // The worker stopped after this step's action began and before its result was written: it may
  // or may not have happened. It is recorded as such, never carried out twice.
  if (last && last.intent && !last.result && !last.error && !last.interrupted) {
    await save({ ...last, interrupted: true }, [{ type: 'step', changes: { stepCount: steps.length } }]);
    return;
  }
  if (run.pending) {
    await carryOutDecision(run, steps.length);
    return;
  }
  const over = budgetExceeded(run);
  if (over) {
    await endRun(run.id, { type: 'budget-spent', reason: over });
    return;
  }

  const index = steps.length;
  const started = Date.now();
  const timings = { observe: 0, model: 0, ground: 0, act: 0, total: 0 };
  let mark = performance.now();

  let observation;
  try {
    observation = await observeTab(run.tabId);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await endRun(run.id, { type: 'fail', reason: `Could not read the page: ${message}` });
    return;
  }
  // For a vision model the picture is part of the prompt; otherwise it is taken while the model thinks.
  const capture = captureScreenshot(run.tabId, { wait: run.model.vision, marks: run.model.vision });
  const screenshot = run.model.vision ? await capture : undefined;
  timings.observe = Math.round(performance.now() - mark);

  const settings = await loadSettings();
  const prompt = buildPrompt({ run, steps, observation: observation.text, screenshot, vision: run.model.vision, contextTokens: run.model.contextTokens, injections: observation.injections, secrets: secretInfo(await loadSecrets()) });
  // The page parts are masked already; this catches a value in anything else (a note, an answer).
  prompt.messages = (await loadMasker()).deep(prompt.messages);
  const viewport = { width: observation.scroll.viewportWidth, height: observation.scroll.viewportHeight };
  const step: Step = {
    runId: run.id,
    index,
    startedAt: started,
    url: observation.url,
    title: observation.title,
    observation: observation.text,
    viewport,
    ...(observation.injections.length ? { injections: observation.injections } : {}),
    messages: prompt.messages,
    parseErrors: [],
    usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
    timings,
    ...(prompt.cut ? { promptCut: prompt.cut } : {}),
  };

  mark = performance.now();
  const planned = await plan({ model: run.model, apiKey, messages: prompt.messages, viewport, maxParseRetries: settings.maxParseRetries, signal });
  timings.model = Math.round(performance.now() - mark);
  if (planned.kind === 'aborted') return;
  step.messages = planned.messages;
  step.parseErrors = planned.parseErrors;
  if (planned.rawReply !== undefined) step.rawReply = planned.rawReply;
  step.usage = { ...planned.usage, costUsd: costOf(run.model, planned.usage) };
  const changes: StepChanges = { stepCount: index + 1, usage: addUsage(run.usage, step.usage), loopWarning: undefined };
  if (planned.kind === 'model-error') {
    await save({ ...step, error: planned.message }, [{ type: 'step', changes }, { type: 'fail', reason: planned.message }]);
    return;
  }
  const picture = screenshot ?? (await capture);
  if (picture) step.screenshot = picture;
  if (planned.kind === 'unparsed') {
    await save(step, [{ type: 'step', changes }, { type: 'fail', reason: planned.message }]);
    return;
  }
  const { intent } = planned;
  if (planned.thought) step.thought = planned.thought;
  step.intent = intent;

  if (isOffPage(intent)) {
    const outcome = offPageOutcome(intent, run);
    step.result = outcome.result;
    await save(step, [{ type: 'step', changes: { ...changes, ...outcome.changes } }, ...(outcome.event ? [outcome.event] : [])]);
    return;
  }
  await actStep({ run, steps, step, intent, outline: observation.text, url: observation.url, settings, apiKey, signal, changes, started });
}

/** The person answered a confirmation: carry out the waiting step, or tell the planner it was denied. */
async function carryOutDecision(run: RunningRun, index: number): Promise<void> {
  const pending = run.pending;
  if (!pending) return;
  const denied: ActResult = { ok: false, kind: 'error', message: `The person denied this step (${pending.reason}). Do not try it again; find another way, or finish and say why.` };
  const step = await directStep(run, index, pending.intent, {
    ...(pending.decision === 'approve' ? { note: 'Approved by the person.' } : { decided: denied }),
    ...(pending.thought ? { thought: pending.thought } : {}),
    ...(pending.refBy ? { refBy: pending.refBy } : {}),
  });
  const sites = pending.decision === 'approve' && pending.site ? [...new Set([...run.sites, pending.site])] : run.sites;
  await save(step, [{ type: 'step', settled: true, changes: { ...followTab(step.result), sites, stepCount: index + 1 } }]);
}
