import { WebwrightError } from '../shared/errors.ts';
import type { Handlers } from '../shared/messaging.ts';
import type { StepSummary } from '../shared/protocol.ts';
import type { Step } from '../shared/run.ts';
import { importTrace, replayRun } from './run/replay.ts';
import { answerRun, controlRun, startRun } from './run/runner.ts';
import { deleteRun, getRun, getSteps, listRuns } from './run/store.ts';
import { testConnection } from './model/client.ts';
import { deleteSecret, loadApiKey, loadMasker, loadSecrets, loadSettings, saveApiKey, saveSecret, saveSettings, secretInfo } from './settings-store.ts';
import { resolveTab } from './tabs.ts';

type PanelHandlers = Handlers<'panel-to-background'>;

function summarise({ screenshot: _screenshot, observation: _observation, messages: _messages, rawReply: _rawReply, ...summary }: Step): StepSummary {
  return summary;
}

async function mustGetRun(runId: string) {
  const run = await getRun(runId);
  if (!run) throw new WebwrightError('no-tab', `There is no run ${runId}; it may have been deleted.`);
  return run;
}

export const runHandlers: Pick<PanelHandlers, 'run.start' | 'run.get' | 'run.steps' | 'run.step' | 'run.list' | 'run.control' | 'run.answer' | 'run.export' | 'run.delete' | 'run.import' | 'run.replay' | 'settings.get' | 'settings.save' | 'settings.test' | 'secrets.list' | 'secrets.save' | 'secrets.delete'> = {
  'run.start': async (input) => {
    const started = input.runId === undefined ? undefined : await getRun(input.runId);
    if (started) return started;
    const tab = await resolveTab(input);
    if (tab.id === undefined) throw new WebwrightError('no-tab', 'That tab has no id.');
    return startRun({ goal: input.goal, tabId: tab.id, startUrl: tab.url ?? '', overrides: input.overrides, ...(input.runId ? { id: input.runId } : {}), ...(input.apiKey !== undefined ? { apiKey: input.apiKey } : {}) });
  },
  'run.get': async ({ runId, fromStep }) => ({ run: await mustGetRun(runId), steps: await getSteps(runId, fromStep) }),
  'run.steps': async ({ runId, fromStep }) => ({ run: await mustGetRun(runId), steps: (await getSteps(runId, fromStep)).map(summarise) }),
  'run.step': async ({ runId, index }) => {
    const [step] = await getSteps(runId, index);
    if (step?.index !== index) throw new WebwrightError('no-tab', `Run ${runId} has no step ${index + 1}.`);
    return step;
  },
  'run.list': () => listRuns(),
  'run.control': ({ runId, op, reason }) => controlRun(runId, op, reason),
  'run.answer': ({ runId, answer }) => answerRun(runId, answer),
  // Masked again on the way out: a secret stored after the run was recorded is hidden too.
  'run.export': async ({ runId }) => (await loadMasker()).deep({ kind: 'webwright-trace' as const, version: 1 as const, run: await mustGetRun(runId), steps: await getSteps(runId) }),
  'run.delete': async ({ runId }) => {
    await deleteRun(runId);
    return {};
  },
  'settings.get': async () => ({ settings: await loadSettings(), hasApiKey: (await loadApiKey()) !== '' }),
  'run.import': async ({ trace }) => importTrace((await loadMasker()).deep(trace)),
  'run.replay': async (input) => {
    const tab = await resolveTab(input);
    if (tab.id === undefined) throw new WebwrightError('no-tab', 'That tab has no id.');
    return replayRun(input.runId, tab.id, tab.url ?? '');
  },
  'settings.test': async ({ model, apiKey }) => testConnection(model, apiKey ?? (await loadApiKey())),
  'settings.save': async ({ settings, apiKey }) => {
    if (apiKey !== undefined) await saveApiKey(apiKey);
    return saveSettings(settings);
  },
  'secrets.list': async () => secretInfo(await loadSecrets()),
  'secrets.save': (input) => saveSecret(input),
  'secrets.delete': ({ name }) => deleteSecret(name),
};
