import { useEffect, useState } from 'preact/hooks';
import { toWebwrightError } from '../../../shared/errors.ts';
import type { StepSummary } from '../../../shared/protocol.ts';
import type { Step } from '../../../shared/run.ts';
import { loadStep } from '../../stores/run.ts';
import { Escalation } from '../Escalation/Escalation.tsx';
import './StepDetails.css';

// Everything recorded about one step, for the developer inspecting a trace. The live view holds
// only step summaries; the full step (screenshot, prompt, reply) is fetched when it is opened.

function Shot({ step }: { step: Step }) {
  if (!step.screenshot) return <p class="details__muted">No screenshot for this step.</p>;
  const box = step.result?.element?.box;
  const view = step.viewport;
  const mark =
    box && view
      ? { left: `${(box.x / view.width) * 100}%`, top: `${(box.y / view.height) * 100}%`, width: `${(box.width / view.width) * 100}%`, height: `${(box.height / view.height) * 100}%` }
      : undefined;
  return (
    <figure class="details__shot">
      <img src={step.screenshot} alt={`The page before step ${step.index + 1}`} />
      {mark && <div class="details__mark" style={mark} aria-label="The element acted on" role="img" />}
    </figure>
  );
}

function Timings({ step }: { step: Step }) {
  const phases = (['observe', 'model', 'ground', 'act'] as const).map((phase) => ({ phase, ms: step.timings[phase] }));
  const total = Math.max(1, phases.reduce((sum, entry) => sum + entry.ms, 0));
  return (
    <div class="details__timings" role="img" aria-label={phases.map((entry) => `${entry.phase} ${entry.ms} ms`).join(', ')}>
      {phases.map((entry) => (
        <span class={`details__phase details__phase--${entry.phase}`} style={{ flexGrow: entry.ms / total }} title={`${entry.phase}: ${entry.ms} ms`}>
          {entry.ms / total > 0.12 ? `${entry.phase} ${entry.ms} ms` : ''}
        </span>
      ))}
    </div>
  );
}

export function StepDetails({ summary }: { summary: StepSummary }) {
  const [loaded, setLoaded] = useState<{ step?: Step; error?: string }>({});
  // A step still under way is fetched again once it has its result.
  const settledAt = summary.result ?? summary.error ?? summary.interrupted;
  useEffect(() => {
    let current = true;
    loadStep(summary.runId, summary.index).then(
      (step) => current && setLoaded({ step }),
      (error: unknown) => current && setLoaded({ error: toWebwrightError(error).message }),
    );
    return () => {
      current = false;
    };
  }, [summary.runId, summary.index, settledAt]);
  if (loaded.error) return <p class="details__muted" role="alert">{loaded.error}</p>;
  if (!loaded.step) return <p class="details__muted">Loading the step…</p>;
  return <Details step={loaded.step} />;
}

function Details({ step }: { step: Step }) {
  const candidates = step.result?.candidates ?? [];
  return (
    <div class="details">
      <Shot step={step} />
      <Timings step={step} />
      <p class="details__muted">
        {step.usage.promptTokens} prompt + {step.usage.completionTokens} completion tokens{step.usage.costUsd ? ` · $${step.usage.costUsd.toFixed(4)}` : ''} · {step.url}
      </p>
      {step.intent && (
        <>
          <h4>Intent</h4>
          <pre>{JSON.stringify(step.intent, null, 2)}</pre>
        </>
      )}
      {candidates.length > 0 && (
        <>
          <h4>Grounding candidates</h4>
          <ol class="details__candidates">
            {candidates.map((candidate) => (
              <li>
                [{candidate.ref}] {candidate.role} "{candidate.name}" · {candidate.score.toFixed(2)}
              </li>
            ))}
          </ol>
        </>
      )}
      {step.escalation && <Escalation escalation={step.escalation} />}
      {step.result?.effect && <p>Effect: {step.result.effect.summary}</p>}
      {step.promptCut && <p class="details__muted">Prompt cut to fit: {step.promptCut}</p>}
      <details>
        <summary>Observation</summary>
        <pre>{step.observation}</pre>
      </details>
      <details>
        <summary>Messages sent ({step.messages.length})</summary>
        <pre>{JSON.stringify(step.messages, null, 2)}</pre>
      </details>
      <details>
        <summary>Raw reply</summary>
        <pre>{JSON.stringify(step.rawReply ?? null, null, 2)}</pre>
      </details>
    </div>
  );
}
