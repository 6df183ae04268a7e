import { isPageIntent, type Intent } from '../../shared/intent.ts';
import type { Run, Trace } from '../../shared/run.ts';
import { directStep, followTab } from './direct-step.ts';
import { broadcastRun } from './events.ts';
import type { RunEvent } from './state.ts';
import { changeRun, getRun, getSteps, importRun, recordStep } from './store.ts';

// Replaying a recorded run on today's page: its intents in order, every target grounded again,
// no model. It is recorded as a run of its own, stopping at the first step that fails.

const replayable = (intent: Intent | undefined): intent is Intent =>
  intent !== undefined && (isPageIntent(intent) || ['navigate', 'back', 'forward', 'reload', 'tab', 'wait'].includes(intent.action));

/** An imported trace is stored as it was exported, under a new id. */
export async function importTrace(trace: Trace): Promise<Run> {
  const id = crypto.randomUUID();
  const run: Run = { ...trace.run, id, updatedAt: Date.now(), stepCount: trace.steps.length };
  await importRun(run, trace.steps.map((step) => ({ ...step, runId: id })));
  const stored = (await getRun(id)) ?? run;
  broadcastRun(stored);
  return stored;
}

async function apply(runId: string, event: RunEvent): Promise<Run> {
  const next = await changeRun(runId, event);
  if (!next.ok) throw new Error(`The replay could not go on: ${next.error}`);
  broadcastRun(next.run);
  return next.run;
}

export async function replayRun(sourceId: string, tabId: number, startUrl: string): Promise<Run> {
  const source = await getRun(sourceId);
  if (!source) throw new Error(`There is no run ${sourceId} to replay.`);
  const intents = (await getSteps(sourceId)).map((step) => step.intent).filter(replayable);
  const { goal, model, budgets, sites, marker } = source;
  const id = crypto.randomUUID();
  let run = await apply(id, {
    type: 'start',
    run: { id, goal: `Replay: ${goal}`, tabId, startUrl, createdAt: Date.now(), stepCount: 0, notes: [], answers: [], usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 }, model, budgets, sites, marker },
  });
  void (async () => {
    for (const [index, intent] of intents.entries()) {
      // Stopped or paused from the side panel: nothing more is done on the page.
      if (run.status !== 'running') return;
      const step = await directStep(run, index, intent);
      const result = step.result;
      const events: RunEvent[] = [{ type: 'step', changes: { ...followTab(result), stepCount: index + 1 } }];
      if (!result?.ok) events.push({ type: 'fail', reason: `Step ${index + 1} of ${intents.length} failed on today's page: ${result?.message ?? ''}` });
      run = await recordStep(step, events);
      broadcastRun(run);
      if (!result?.ok) return;
    }
    if (run.status === 'running') await apply(run.id, { type: 'finish', success: true, reason: `All ${intents.length} steps replayed.` });
  })();
  return run;
}
