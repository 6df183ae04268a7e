import { useState } from 'preact/hooks';
import { describeIntent } from '../../../shared/describe.ts';
import type { StepSummary } from '../../../shared/protocol.ts';
import { StepDetails } from '../StepDetails/StepDetails.tsx';
import './StepItem.css';

export function StepItem({ step }: { step: StepSummary }) {
  const [open, setOpen] = useState(false);
  const outcome = step.error ?? step.result?.message ?? (step.interrupted ? 'Interrupted: the agent stopped during this step.' : 'Working…');
  const kind = step.error ? 'error' : (step.result?.kind ?? 'pending');
  return (
    <li class={`step step--${step.result?.ok === false || step.error ? 'failed' : 'ok'}`} data-testid="step">
      <div class="step__head">
        <span class="step__index">{step.index + 1}</span>
        <span class="step__intent">{step.intent ? describeIntent(step.intent) : 'No action'}</span>
        <span class="step__time">{(step.timings.total / 1000).toFixed(1)} s</span>
      </div>
      {step.thought && <p class="step__thought">{step.thought}</p>}
      {step.result?.element && (
        <p class="step__element">
          on [{step.result.element.ref}] {step.result.element.role} "{step.result.element.name}"
        </p>
      )}
      <p class={`step__outcome step__outcome--${kind}`}>{outcome}</p>
      {step.result?.effect && step.result.effect.kind !== 'none' && !outcome.includes(step.result.effect.summary) && <p class="step__effect">{step.result.effect.summary}</p>}
      {step.parseErrors.map((error) => (
        <p class="step__warning">Unusable reply: {error}</p>
      ))}
      <button type="button" class="step__toggle" aria-expanded={open} aria-label={`${open ? 'Hide' : 'Inspect'} step ${step.index + 1}`} onClick={() => setOpen(!open)}>
        {open ? 'Hide details' : 'Inspect'}
      </button>
      {open && <StepDetails summary={step} />}
    </li>
  );
}
