import { describeIntent } from '../shared/describe.ts';
import type { Step } from '../shared/run.ts';

/** A recorded step in one line: what was done and how it came out. */
export function describeStep(step: Step): string {
  const what = step.intent ? describeIntent(step.intent) : 'no action';
  const outcome = step.error ? `error: ${step.error}` : step.result ? `${step.result.kind}: ${step.result.message}` : step.interrupted ? 'interrupted' : '';
  return `${what} → ${outcome}`;
}
