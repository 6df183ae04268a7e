import type { Escalation, EscalationReason, RefBy } from '../../shared/escalation.ts';
import type { PageIntent } from '../../shared/intent.ts';
import type { ActResult, GroundReport } from '../../shared/results.ts';
import type { Run } from '../../shared/run.ts';
import type { Settings } from '../../shared/settings.ts';
import { groundInTab } from '../agent/act.ts';
import { createClient } from '../model/client.ts';
import { chooseAmong, type Choice } from '../planner/choose.ts';
import { candidatesToShow } from './nearby.ts';

// A grounding answer the grounder is unsure of (escalationReason), with the grounding model
// switched on: the model is shown the candidates nearest in words and in place and the fenced
// outline, and names one. Its pick is grounded again with the target's words as the check, and
// only a pick the words support goes on, to the safety gate like any step. Nothing is acted on
// here.

const SHOWN = 8;
const MIN_PLACE = 3;
const ANSWER_KEPT = 500;

export type Escalated = {
  record: Escalation;
  usage: { promptTokens: number; completionTokens: number };
} & (
  | { go: true; intent: PageIntent; report: GroundReport; refBy?: RefBy; note: string }
  | { go: false; result: ActResult }
);

interface Input {
  run: Run;
  intent: PageIntent & { target: string };
  report: GroundReport;
  reason: EscalationReason;
  settings: Settings;
  apiKey: string;
  outline: string;
  signal: AbortSignal;
}

const describe = (element: { ref: string; role: string; name: string }) => `[${element.ref}] ${element.role} "${element.name}"`;

/** What the planner is told when the step is not carried out. */
function notDone(input: Input, why: string): ActResult {
  const { report, reason, intent } = input;
  if (reason === 'low-confidence' && report.element) {
    return { ok: false, kind: 'not-found', message: `The best fit for "${intent.target}", ${describe(report.element)}, was doubtful, and ${why}; nothing was done. Describe the element by its visible text, or name it by ref.`, candidates: report.candidates };
  }
  return { ok: false, kind: report.kind === 'ok' ? 'not-found' : report.kind, message: `${report.message} (Asked the grounding model: ${why}.)`, candidates: report.candidates };
}

const opening: Record<EscalationReason, (report: GroundReport) => string> = {
  'not-found': () => 'No element fit the target well by its words',
  ambiguous: (report) => `The target fit ${report.candidates.length} elements`,
  'low-confidence': (report) => `The best fit${report.element ? `, [${report.element.ref}],` : ''} was doubtful`,
};

export async function escalate(input: Input): Promise<Escalated | undefined> {
  const { run, intent, report, reason, settings } = input;
  const shown = candidatesToShow({ target: intent.target, words: report.candidates, outline: input.outline, limit: SHOWN, minPlace: MIN_PLACE });
  if (shown.length === 0) return undefined;
  const model = settings.grounding.model ? { ...run.model, model: settings.grounding.model } : run.model;
  const pick = report.kind === 'ok' ? report.element?.ref : undefined;
  const choice: Choice = await chooseAmong(
    createClient(model, input.apiKey),
    model,
    { target: intent.target, reason, candidates: shown, pick: pick && `[${pick}]`, outline: input.outline, marker: run.marker },
    input.signal,
  );
  const base = { reason, model: model.model, candidates: shown, ...(choice.answer !== undefined ? { answer: choice.answer.slice(0, ANSWER_KEPT) } : {}), ...(choice.ref ? { chosen: choice.ref } : {}) };
  const usage = choice.usage;

  if (!choice.ref) {
    const why = choice.why ?? 'the grounding model gave no usable answer';
    // A doubtful pick the model did not speak to goes ahead as it would with the model switched off.
    if (reason === 'low-confidence' && choice.verdict !== 'rejected') {
      const note = `${opening[reason](report)} and ${why}; went ahead with the grounder's pick.`;
      return { go: true, intent, report, note, usage, record: { ...base, outcome: 'no-answer', summary: note } };
    }
    const result = notDone(input, why);
    return { go: false, result, usage, record: { ...base, outcome: choice.verdict === 'rejected' ? 'rejected' : 'no-answer', summary: result.message } };
  }

  if (choice.ref === pick) {
    const note = `${opening[reason](report)}; the grounding model confirmed it.`;
    return { go: true, intent, report, note, usage, record: { ...base, outcome: 'confirmed', summary: note } };
  }

  const picked = { ...intent, ref: choice.ref };
  const checked = await groundInTab(run.tabId, picked, { refBy: 'grounding-model' }).catch((error: unknown) => ({ kind: 'error' as const, message: error instanceof Error ? error.message : String(error) }));
  if (checked.kind !== 'ok') {
    const result = notDone(input, `the grounding model chose [${choice.ref}], which the words do not support (${checked.message})`);
    return { go: false, result, usage, record: { ...base, outcome: 'unsupported', summary: result.message } };
  }
  const note = `${opening[reason](report)}; the grounding model chose [${choice.ref}].`;
  return { go: true, intent: picked, report: checked, refBy: 'grounding-model', note, usage, record: { ...base, outcome: 'chosen', summary: note } };
}
