import type { Escalation as Record } from '../../../shared/escalation.ts';
import './Escalation.css';

// A step whose grounding went to the grounding model: why, what it was shown, what it answered
// and what came of it.

const why: { [K in Record['reason']]: string } = {
  'not-found': 'nothing fit the words well enough',
  ambiguous: 'several elements fit the words about equally',
  'low-confidence': "the grounder's best fit was doubtful",
};

const outcome: { [K in Record['outcome']]: string } = {
  chosen: 'its pick was checked against the words, and the step went on with it',
  confirmed: "it confirmed the grounder's pick",
  rejected: 'it said none of the candidates is meant; nothing was done',
  unsupported: 'the words do not fit its pick; nothing was done',
  'no-answer': 'no usable answer; the step went on as without it',
};

export function Escalation({ escalation }: { escalation: Record }) {
  return (
    <section class="escalation" aria-label="Grounding model">
      <h4>Grounding model</h4>
      <p>
        Asked because {why[escalation.reason]} · {escalation.model}
      </p>
      <ol class="escalation__candidates">
        {escalation.candidates.map((candidate) => (
          <li class={candidate.ref === escalation.chosen ? 'escalation__chosen' : undefined}>
            [{candidate.ref}] {candidate.label} · {candidate.near}
          </li>
        ))}
      </ol>
      <p>
        Answer: {escalation.answer === undefined ? <span class="escalation__muted">none</span> : <code>{escalation.answer}</code>}
      </p>
      <p>Outcome: {outcome[escalation.outcome]}.</p>
      <p class="escalation__muted">{escalation.summary}</p>
    </section>
  );
}
