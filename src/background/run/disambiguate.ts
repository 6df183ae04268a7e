import type { PageIntent } from '../../shared/intent.ts';
import type { ActResult } from '../../shared/results.ts';
import type { Run } from '../../shared/run.ts';
import type { Settings } from '../../shared/settings.ts';
import { actInTab } from '../agent/act.ts';
import { createClient } from '../model/client.ts';
import { chooseAmong } from '../planner/choose.ts';
import { gate } from '../safety/gate.ts';

// An ambiguous target, with the grounding model switched on: it picks among the candidates, and
// the step is carried out on its pick, which passes the same safety gate as any step. No pick, or
// a pick that needs the person, leaves the planner with the candidates as before.

const MAX_CANDIDATES = 8;

export interface Disambiguated {
  result: ActResult;
  usage: { promptTokens: number; completionTokens: number };
}

export async function disambiguate(input: { run: Run; intent: PageIntent & { target: string }; result: ActResult; settings: Settings; apiKey: string; outline: string; currentUrl: string; signal: AbortSignal }): Promise<Disambiguated> {
  const { run, intent, result, settings } = input;
  const refs = (result.candidates ?? []).slice(0, MAX_CANDIDATES).map((candidate) => candidate.ref);
  const model = settings.grounding.model ? { ...run.model, model: settings.grounding.model } : run.model;
  const choice = await chooseAmong(createClient(model, input.apiKey), model, { target: intent.target, refs, outline: input.outline, marker: run.marker }, input.signal);
  const usage = choice.usage;
  if (!choice.ref) return { result: { ...result, message: `${result.message} (Asked the grounding model: ${choice.why ?? 'no answer'}.)` }, usage };
  const chosen = { ...intent, ref: choice.ref };
  const checked = await gate(run, chosen, { settings, currentUrl: input.currentUrl });
  if (checked.kind !== 'go') {
    const why = checked.kind === 'ask' ? `needs the person's approval (${checked.reason})` : `is refused (${checked.message})`;
    return { result: { ...result, message: `${result.message} The grounding model chose [${choice.ref}], but acting on it ${why}; to go ahead, name it by ref.` }, usage };
  }
  const acted = await actInTab(run.tabId, chosen);
  return { result: { ...acted, message: `The target fit ${refs.length} elements; the grounding model chose [${choice.ref}]. ${acted.message}` }, usage };
}
