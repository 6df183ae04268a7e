import { isPageIntent, type Intent } from '../../shared/intent.ts';
import type { Run, Trace } from '../../shared/run.ts';
import { directStep, followTab } from './direct-step.ts';
import { broadcastRun } from './events.ts';
import { getRun, getSteps, putRun, putStep } from './store.ts';

// Replaying a recorded run on today's page: its intents in order, every target grounded again,
// no model. It is recorded as a run of its own, stopping at the first step that fails.

const replayable = (intent: Intent | undefined): intent is Intent =>
  intent !== undefined && (isPageIntent(intent) || ['navigate', 'back', 'forward', 'reload', 'tab', 'wait'].includes(intent.action));

export async function importTrace(trace: Trace): Promise<Run> {
  const id = crypto.randomUUID();
  const run: Run = { ...trace.run, id, goal: trace.run.goal, updatedAt: Date.now() };
  for (const step of trace.steps) await putStep({ ...step, runId: id }, run);
  await putRun({ ...run, stepCount: trace.steps.length });
  const stored = (await getRun(id)) ?? run;
  broadcastRun(stored);
  return stored;
}

export async function replayRun(sourceId: string, tabId: number, startUrl: string): Promise<Run> {
  const source = await getRun(sourceId);
  if (!source) throw new Error(`There is no run ${sourceId} to replay.`);
  const intents = (await getSteps(sourceId)).map((step) => step.intent).filter(replayable);
  const now = Date.now();
  let run: Run = { ...source, id: crypto.randomUUID(), goal: `Replay: ${source.goal}`, tabId, startUrl, status: 'running', createdAt: now, updatedAt: now, stepCount: 0, notes: [], answers: [], usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 }, stopReason: undefined, success: undefined, answer: undefined, endedAt: undefined, question: undefined };
  await putRun(run);
  broadcastRun(run);
  void (async () => {
    for (const [index, intent] of intents.entries()) {
      const step = await directStep(run, index, intent);
      const result = step.result;
      run = { ...followTab(run, result), stepCount: index + 1, updatedAt: Date.now() };
      if (!result?.ok) run = { ...run, status: 'failed', success: false, stopReason: `Step ${index + 1} of ${intents.length} failed on today's page: ${result?.message ?? ''}`, endedAt: Date.now() };
      broadcastRun(await putStep(step, run));
      if (!result?.ok) return;
    }
    run = { ...run, status: 'finished', success: true, stopReason: `All ${intents.length} steps replayed.`, endedAt: Date.now(), updatedAt: Date.now() };
    await putRun(run);
    broadcastRun(run);
  })();
  return run;
}
