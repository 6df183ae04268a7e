import { z } from 'zod';

// What acting on a page reports back: expected failures are values with a kind, and every
// message is written for the planner, saying how to recover.

export const resultKinds = ['ok', 'no-effect', 'not-found', 'ambiguous', 'stale-ref', 'not-actionable', 'unsupported', 'timeout', 'error'] as const;
export const ResultKind = z.enum(resultKinds);
export type ResultKind = z.infer<typeof ResultKind>;

export const BoxData = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
export type BoxData = z.infer<typeof BoxData>;

export const CandidateSummary = z.object({
  ref: z.string(),
  role: z.string(),
  name: z.string(),
  score: z.number(),
  box: BoxData.optional(),
});
export type CandidateSummary = z.infer<typeof CandidateSummary>;

export const Effect = z.object({
  kind: z.enum(['navigated', 'new-tab', 'changed', 'none']),
  /** Plain-words account: "value is now 'socks'; 3 suggestions appeared". */
  summary: z.string(),
  url: z.string().optional(),
  /** The tab a new-tab effect opened. */
  tabId: z.number().int().optional(),
  details: z.array(z.string()).default([]),
});
export type Effect = z.infer<typeof Effect>;

export const ActResult = z.object({
  ok: z.boolean(),
  kind: ResultKind,
  message: z.string(),
  ref: z.string().optional(),
  element: z.object({ ref: z.string(), role: z.string(), name: z.string(), box: BoxData }).optional(),
  confidence: z.number().optional(),
  candidates: z.array(CandidateSummary).optional(),
  effect: Effect.optional(),
  timings: z.record(z.string(), z.number()).optional(),
  /** The element was the one grounded when the step was checked, the page unchanged since: not grounded again. */
  reused: z.boolean().optional(),
});
export type ActResult = z.infer<typeof ActResult>;

export const GroundReport = z.object({
  kind: z.enum(['ok', 'not-found', 'ambiguous', 'stale-ref']),
  message: z.string(),
  element: z
    .object({
      ref: z.string(),
      role: z.string(),
      name: z.string(),
      box: BoxData,
      /** The page a link opens, for the check on where the agent goes. */
      link: z.string().optional(),
      /** It submits a form with payment card fields. */
      submitsPayment: z.boolean().optional(),
    })
    .optional(),
  confidence: z.number().optional(),
  candidates: z.array(CandidateSummary),
  /** Best score among all candidates, comparable across frames. */
  bestScore: z.number(),
});
export type GroundReport = z.infer<typeof GroundReport>;

export const ChildFrameData = z.object({ index: z.number().int(), src: z.string(), title: z.string(), box: BoxData });

export const Observation = z.object({
  url: z.string(),
  title: z.string(),
  text: z.string(),
  truncated: z.boolean(),
  scroll: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number(), viewportWidth: z.number(), viewportHeight: z.number() }),
  frames: z.array(ChildFrameData),
  interactiveCount: z.number().int(),
  /** Time spent building this frame's snapshot inside the page, in milliseconds. */
  buildMs: z.number().optional(),
  /** Page text that reads like instructions to an AI agent: marked in the text, listed here. */
  injections: z.array(z.string()).default([]),
});
export type Observation = z.infer<typeof Observation>;
