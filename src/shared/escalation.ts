import { z } from 'zod';

// When a grounding answer is unsure enough to be put to the grounding model (Settings → Grounding):
// anything that did not ground, and a pick whose confidence is low. The bench counts the share of
// intents this rule would send, so the rule lives in one place.

/** A pick below this confidence is checked by the grounding model before anything is done. */
export const ESCALATE_BELOW_CONFIDENCE = 0.5;

export type EscalationReason = 'not-found' | 'ambiguous' | 'low-confidence';

export function escalationReason(result: { kind: string; confidence?: number | undefined }): EscalationReason | undefined {
  if (result.kind === 'not-found' || result.kind === 'ambiguous') return result.kind;
  if (result.kind === 'ok' && result.confidence !== undefined && result.confidence < ESCALATE_BELOW_CONFIDENCE) return 'low-confidence';
  return undefined;
}

/**
 * Who named an intent's ref. A ref the grounding model chose among the candidates it was shown may
 * rest on words that fit it only in part (see the grounder's hint rule); a planner's ref may not.
 */
export const RefBy = z.enum(['planner', 'grounding-model']);
export type RefBy = z.infer<typeof RefBy>;

/** A step that went to the grounding model, as the trace keeps it. */
export const Escalation = z.object({
  reason: z.enum(['not-found', 'ambiguous', 'low-confidence']),
  /** The model asked. */
  model: z.string(),
  /** What it was shown, nearest in words (the grounder's own candidates) first, then nearest in place. */
  candidates: z.array(z.object({ ref: z.string(), near: z.enum(['words', 'place']), label: z.string().default('') })),
  /** Its reply as it came, cut short; absent when it could not be asked. */
  answer: z.string().optional(),
  /** The candidate its reply named. */
  chosen: z.string().optional(),
  /**
   * What came of it: its pick was grounded and the step went on with it (`chosen`), it confirmed the
   * grounder's pick (`confirmed`), it said none fits (`rejected`), the words do not fit its pick
   * (`unsupported`), or there was no usable answer and the step went on as without it (`no-answer`).
   */
  outcome: z.enum(['chosen', 'confirmed', 'rejected', 'unsupported', 'no-answer']),
  /** The same, in words. */
  summary: z.string(),
});
export type Escalation = z.infer<typeof Escalation>;
