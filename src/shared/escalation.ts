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
