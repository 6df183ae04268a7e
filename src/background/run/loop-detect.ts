import type { Intent } from '../../shared/intent.ts';
import type { Run, Step } from '../../shared/run.ts';

// The same intent on the same page state, twice in a row, is a loop: the first time the model
// is warned and the step not repeated; if it insists, the run stops.

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(16);
}

export function stepKey(intent: Intent, observation: string): string {
  // Why a step is sensitive does not make it a different step.
  const rest: Record<string, unknown> = { ...intent };
  delete rest.sensitive;
  return `${JSON.stringify(rest)}|${hash(observation)}`;
}

export function loopVerdict(steps: Step[], key: string, run: Run): 'ok' | 'warn' | 'stop' {
  const previous = steps.at(-1);
  if (previous?.loopKey !== key) return 'ok';
  return run.loopWarning ? 'stop' : 'warn';
}
