import { WebwrightError } from '../../shared/errors.ts';
import { escalationReason, type RefBy } from '../../shared/escalation.ts';
import { isPageIntent, type Intent } from '../../shared/intent.ts';
import { describeIntent } from '../../shared/describe.ts';
import type { ActResult, GroundReport } from '../../shared/results.ts';
import type { Run, Step } from '../../shared/run.ts';
import { actInTab, groundInTab } from '../agent/act.ts';
import { gate } from '../safety/gate.ts';
import { observeTab } from '../agent/observe.ts';
import { complete, createClient, ModelError } from '../model/client.ts';
import { retryMessages } from '../planner/retry.ts';
import { parseReply } from '../planner/parse.ts';
import { buildPrompt } from '../planner/prompt.ts';
import { toolDefinitions } from '../planner/tools.ts';
import { loadMasker, loadSecrets, loadSettings, secretInfo } from '../settings-store.ts';
import { directStep, followTab } from './direct-step.ts';
import { escalate } from './escalate.ts';
import { broadcastRun } from './events.ts';
import { budgetExceeded, costOf } from './budget.ts';
import { stepKey, loopVerdict } from './loop-detect.ts';
import { captureScreenshot } from './screenshot.ts';
import { putRun, putStep } from './store.ts';

// One step of a run: observe, plan, act, record. Every way a step can end is written to the
// store before the next begins.

interface StepInput {
  run: Run;
  steps: Step[];
  apiKey: string;
  signal: AbortSignal;
}

function end(run: Run, status: Run['status'], reason: string, extra: Partial<Run> = {}): Run {
  return { ...run, ...extra, status, stopReason: reason, endedAt: Date.now(), updatedAt: Date.now() };
}

async function save(step: Step, run: Run): Promise<void> {
  broadcastRun(await putStep(step, run));
}

export async function runStep({ run, steps, apiKey, signal }: StepInput): Promise<void> {
  const last = steps.at(-1);
  // The worker stopped after this step's action began and before its result was written: it may
  // or may not have happened. It is recorded as such, never carried out twice.
  if (last && last.intent && !last.result && !last.error && !last.interrupted) {
    const finished = { ...last, interrupted: true };
    await save(finished, { ...run, stepCount: steps.length, updatedAt: Date.now() });
    return;
  }
  if (run.pending?.decision) {
    await decidePending(run, steps.length);
    return;
  }
  const over = budgetExceeded(run);
  if (over) {
    const ended = end(run, 'stopped', over);
    await putRun(ended);
    broadcastRun(ended);
    return;
  }

  const index = steps.length;
  const started = Date.now();
  const timings = { observe: 0, model: 0, ground: 0, act: 0, total: 0 };
  let mark = performance.now();
  const lap = (phase: 'observe' | 'model' | 'act') => {
    const now = performance.now();
    timings[phase] += Math.round(now - mark);
    mark = now;
  };

  let observation;
  try {
    observation = await observeTab(run.tabId);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const ended = end(run, 'failed', `Could not read the page: ${message}`);
    await putRun(ended);
    broadcastRun(ended);
    return;
  }
  // For a vision model the picture is part of the prompt; otherwise it is taken while the model thinks.
  const capture = captureScreenshot(run.tabId, { wait: run.model.vision, marks: run.model.vision });
  const screenshot = run.model.vision ? await capture : undefined;
  lap('observe');

  const settings = await loadSettings();
  const prompt = buildPrompt({ run, steps, observation: observation.text, screenshot, vision: run.model.vision, contextTokens: run.model.contextTokens, injections: observation.injections, secrets: secretInfo(await loadSecrets()) });
  // The page parts are masked already; this catches a value in anything else (a note, an answer).
  prompt.messages = (await loadMasker()).deep(prompt.messages);
  const step: Step = {
    runId: run.id,
    index,
    startedAt: started,
    url: observation.url,
    title: observation.title,
    observation: observation.text,
    viewport: { width: observation.scroll.viewportWidth, height: observation.scroll.viewportHeight },
    ...(observation.injections.length ? { injections: observation.injections } : {}),
    messages: prompt.messages,
    parseErrors: [],
    usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
    timings,
    ...(prompt.cut ? { promptCut: prompt.cut } : {}),
  };

  const client = createClient(run.model, apiKey);
  let messages = prompt.messages;
  let intent: Intent | undefined;
  for (let attempt = 0; attempt <= settings.maxParseRetries && !intent; attempt++) {
    let completion;
    try {
      completion = await complete(client, run.model, { messages, tools: toolDefinitions() }, signal);
    } catch (error) {
      lap('model');
      if (error instanceof ModelError && error.kind === 'aborted') return; // paused or stopped: the step is redone on resume
      const message = error instanceof Error ? error.message : String(error);
      const usage = step.usage;
      await save({ ...step, error: message, messages }, end({ ...run, stepCount: index + 1, usage: addUsage(run, usage) }, 'failed', message));
      return;
    }
    lap('model');
    step.usage.promptTokens += completion.usage.promptTokens;
    step.usage.completionTokens += completion.usage.completionTokens;
    step.rawReply = completion.raw;
    const parsed = parseReply(completion.message, { viewport: { width: observation.scroll.viewportWidth, height: observation.scroll.viewportHeight } });
    if (parsed.ok) {
      intent = parsed.intent;
      if (parsed.thought) step.thought = parsed.thought;
    } else {
      step.parseErrors.push(parsed.error);
      messages = [...messages, ...retryMessages(completion.message, parsed.error)];
    }
  }
  step.messages = messages;
  const picture = screenshot ?? (await capture);
  if (picture) step.screenshot = picture;
  step.usage.costUsd = costOf(run.model, step.usage);
  const usage = addUsage(run, step.usage);
  if (!intent) {
    const reason = `The model's replies could not be understood after ${settings.maxParseRetries + 1} tries: ${step.parseErrors.at(-1) ?? ''}`;
    await save(step, end({ ...run, stepCount: index + 1, usage }, 'failed', reason));
    return;
  }
  step.intent = intent;
  let next: Run = { ...run, stepCount: index + 1, usage, updatedAt: Date.now(), loopWarning: undefined };

  if (intent.action === 'finish') {
    step.result = { ok: true, kind: 'ok', message: intent.success ? 'Finished.' : 'Gave up.' };
    await save(step, end(next, 'finished', intent.success ? 'The task is done.' : `The agent could not do the task${intent.answer ? `: ${intent.answer}` : '.'}`, { success: intent.success, ...(intent.answer ? { answer: intent.answer } : {}) }));
    return;
  }
  if (intent.action === 'note') {
    step.result = { ok: true, kind: 'ok', message: 'Noted.' };
    await save(step, { ...next, notes: [...run.notes, intent.content] });
    return;
  }
  if (intent.action === 'ask_user') {
    step.result = { ok: true, kind: 'ok', message: 'Waiting for the person to answer.' };
    const question = { question: intent.question, kind: intent.kind, ...(intent.options ? { options: intent.options } : {}) };
    await save(step, { ...next, status: 'waiting-user', question });
    return;
  }

  const key = stepKey(intent, observation.text);
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
        second = await escalate({ run, intent: { ...intent, target: intent.target }, report, reason, settings, apiKey, outline: observation.text, signal });
      } catch (error) {
        if (error instanceof ModelError && error.kind === 'aborted') return; // paused or stopped: the step is redone on resume
        throw error;
      }
      timings.model += Math.round(performance.now() - began);
      if (second) {
        step.escalation = second.record;
        step.usage = { promptTokens: step.usage.promptTokens + second.usage.promptTokens, completionTokens: step.usage.completionTokens + second.usage.completionTokens, costUsd: step.usage.costUsd + costOf(run.model, second.usage) };
        next = { ...next, usage: addUsage(run, step.usage) };
        if (!second.go) {
          step.result = second.result;
          timings.total = Date.now() - started;
          await save({ ...step, loopKey: key }, next);
          return;
        }
        ({ intent: chosen, report, refBy, note } = second);
      }
    }
  }

  const checked = await gate(run, chosen, { settings, currentUrl: observation.url, report });
  if (checked.kind === 'refuse') {
    step.result = { ok: false, kind: 'error', message: note ? `${note} ${checked.message}` : checked.message };
    await save(step, next);
    return;
  }
  if (checked.kind === 'ask') {
    await askApproval(step, next, chosen, checked, refBy);
    return;
  }
  if (verdict === 'stop') {
    step.result = { ok: false, kind: 'error', message: 'The same step on the same page again, after a warning: the run stops here.' };
    await save({ ...step, loopKey: key }, end(next, 'stopped', 'The agent kept repeating the same step on an unchanged page; stopped to save budget.'));
    return;
  }
  if (verdict === 'warn') {
    step.result = { ok: false, kind: 'no-effect', message: 'This is the same step as before on the same, unchanged page, so it was not repeated. Choose a different step.' };
    next = { ...next, loopWarning: 'you proposed the same step twice on an unchanged page. Do something different, or finish if the task cannot be done.' };
    await save({ ...step, loopKey: key }, next);
    return;
  }

  // Written before acting: if the worker stops now, the resumed run knows this step began.
  await putStep({ ...step }, { ...run, updatedAt: Date.now() });
  mark = performance.now();
  let result: ActResult;
  try {
    result = await actInTab(run.tabId, chosen, { refBy });
  } catch (error) {
    const message = error instanceof WebwrightError || error instanceof Error ? error.message : String(error);
    result = { ok: false, kind: 'error', message };
  }
  if (note) result = { ...result, message: `${note} ${result.message}` };
  lap('act');
  timings.ground = Math.round(result.timings?.ground ?? 0);
  timings.act = Math.max(0, timings.act - timings.ground);
  timings.total = Date.now() - started;
  step.result = result;
  await save({ ...step, loopKey: key }, followTab(next, result));
}

/**
 * Records the step as waiting and puts the question to the person; the intent is carried out (or
 * not) as the next step, once they answer.
 */
async function askApproval(step: Step, next: Run, intent: Intent, ask: { reason: string; waiting: string; on: string; element?: { ref: string; role: string; name: string }; site?: string }, refBy?: RefBy): Promise<void> {
  const { element, reason, site } = ask;
  step.result = { ok: true, kind: 'ok', message: `Waiting for the person to approve${ask.waiting}.` };
  const question = { question: `Approve this step? Webwright wants to ${describeIntent(intent)}${ask.on}. It needs you because ${reason}.`, kind: 'confirm' as const, options: ['Approve', 'Deny'] };
  await save(step, { ...next, status: 'waiting-user', question, pending: { intent, reason, ...(element ? { element } : {}), ...(site ? { site } : {}), ...(step.thought ? { thought: step.thought } : {}), ...(refBy ? { refBy } : {}) } });
}

/** The person answered a confirmation: carry out the waiting step, or tell the planner it was denied. */
async function decidePending(run: Run, index: number): Promise<void> {
  const pending = run.pending;
  if (!pending) return;
  const denied: ActResult = { ok: false, kind: 'error', message: `The person denied this step (${pending.reason}). Do not try it again; find another way, or finish and say why.` };
  const step = await directStep(run, index, pending.intent, {
    ...(pending.decision === 'approve' ? { note: 'Approved by the person.' } : { decided: denied }),
    ...(pending.thought ? { thought: pending.thought } : {}),
    ...(pending.refBy ? { refBy: pending.refBy } : {}),
  });
  const sites = pending.decision === 'approve' && pending.site ? [...new Set([...run.sites, pending.site])] : run.sites;
  await save(step, { ...followTab(run, step.result), pending: undefined, sites, stepCount: index + 1, updatedAt: Date.now() });
}

function addUsage(run: Run, usage: Step['usage']): Run['usage'] {
  return {
    promptTokens: run.usage.promptTokens + usage.promptTokens,
    completionTokens: run.usage.completionTokens + usage.completionTokens,
    costUsd: run.usage.costUsd + usage.costUsd,
  };
}
