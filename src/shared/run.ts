import { z } from 'zod';
import { Escalation, RefBy } from './escalation.ts';
import { Intent } from './intent.ts';
import { ActResult } from './results.ts';
import { Budgets, ModelSettings } from './settings.ts';

// Runs and their steps: what is stored in IndexedDB, shown in the side panel and exported.

export const RunStatus = z.enum(['running', 'paused', 'waiting-user', 'finished', 'failed', 'stopped']);
export type RunStatus = z.infer<typeof RunStatus>;
export const terminalStatuses: RunStatus[] = ['finished', 'failed', 'stopped'];

export const Usage = z.object({
  promptTokens: z.number().int().nonnegative().default(0),
  completionTokens: z.number().int().nonnegative().default(0),
  costUsd: z.number().nonnegative().default(0),
});
export type Usage = z.infer<typeof Usage>;

export const Question = z.object({
  question: z.string(),
  kind: z.enum(['choice', 'takeover', 'confirm']),
  options: z.array(z.string()).optional(),
});

export type Question = z.infer<typeof Question>;

/** A consequential step waiting for the person's Approve or Deny. */
export const PendingStep = z.object({
  intent: Intent,
  element: z.object({ ref: z.string(), role: z.string(), name: z.string() }).optional(),
  reason: z.string(),
  /** The site the step would open, which an Approve adds to the run's sites. */
  site: z.string().optional(),
  thought: z.string().optional(),
  /** The intent's ref was the grounding model's pick. */
  refBy: RefBy.optional(),
});
export type PendingStep = z.infer<typeof PendingStep>;

/** A consequential step the person decided on, carried out (or refused) as the run's next step. */
export const DecidedStep = PendingStep.extend({ decision: z.enum(['approve', 'deny']) });
export type DecidedStep = z.infer<typeof DecidedStep>;

/** What every run has, whatever its status. */
export const RunBase = z.object({
  id: z.string(),
  goal: z.string(),
  tabId: z.number().int(),
  startUrl: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  notes: z.array(z.string()).default([]),
  stepCount: z.number().int().nonnegative().default(0),
  usage: Usage.default(Usage.parse({})),
  /** What the person answered, to be shown to the planner at the next step. */
  answers: z.array(z.object({ question: z.string(), answer: z.string() })).default([]),
  /** The model settings of this run, without the API key. */
  model: ModelSettings,
  budgets: Budgets,
  /** Sites the person brought up (the start page, the goal, answers, approved steps): going there needs no approval. */
  sites: z.array(z.string()).default([]),
  /** A random marker that fences page text in this run's prompts. */
  marker: z.string(),
  /** A warning about repeating the same step, for the next prompt. */
  loopWarning: z.string().optional(),
});
export type RunBase = z.infer<typeof RunBase>;

// The fields that belong to one status are declared absent on the others, so a reader may look
// at `run.answer` on any run while a writer cannot put it on a run that is still going.
const absent = z.undefined().optional();
const notWaiting = { question: absent };
const notEnded = { endedAt: absent, stopReason: absent, success: absent, answer: absent };
const ended = {
  ...notWaiting,
  /** The consequential step the run was waiting on when it ended, kept for the trace. */
  pending: PendingStep.extend({ decision: DecidedStep.shape.decision.optional() }).optional(),
  endedAt: z.number(),
  /** Why the run ended, in words a person can act on. */
  stopReason: z.string(),
};

export const RunningRun = RunBase.extend({ status: z.literal('running'), ...notWaiting, ...notEnded, pending: DecidedStep.optional() });
export const PausedRun = RunBase.extend({ status: z.literal('paused'), ...notWaiting, ...notEnded, pending: DecidedStep.optional() });
export const WaitingRun = RunBase.extend({
  status: z.literal('waiting-user'),
  ...notEnded,
  /** A question waiting for the person. */
  question: Question,
  /** Set when the question is an Approve or Deny for a consequential step. */
  pending: PendingStep.optional(),
});
export const FinishedRun = RunBase.extend({ status: z.literal('finished'), ...ended, success: z.boolean().optional(), answer: z.string().optional() });
export const FailedRun = RunBase.extend({ status: z.literal('failed'), ...ended, success: z.literal(false).optional(), answer: absent });
export const StoppedRun = RunBase.extend({ status: z.literal('stopped'), ...ended, success: absent, answer: absent });

/**
 * Runs written before the status union (stored ones and exported traces) could carry fields of
 * another status: a question left on a paused or stopped run. Those are
 * dropped, and an ended run without an end time takes its last update, so every version 1 trace
 * still reads.
 */
function fromEarlierRuns(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('status' in input)) return input;
  const { question, pending, endedAt, stopReason, success, answer, ...base } = input as Record<string, unknown>;
  const decided = typeof pending === 'object' && pending !== null && 'decision' in pending && pending.decision !== undefined;
  switch (base.status) {
    case 'running':
    case 'paused':
      return decided ? { ...base, pending } : base;
    case 'waiting-user':
      return { ...base, question, ...(pending === undefined ? {} : { pending }) };
    case 'finished':
    case 'failed':
    case 'stopped': {
      const end = { ...base, endedAt: endedAt ?? base.updatedAt, stopReason: stopReason ?? '', ...(pending === undefined ? {} : { pending }) };
      if (base.status === 'stopped') return end;
      if (base.status === 'failed') return success === false ? { ...end, success } : end;
      return { ...end, ...(success === undefined ? {} : { success }), ...(answer === undefined ? {} : { answer }) };
    }
    default:
      return input;
  }
}

export const Run = z.preprocess(fromEarlierRuns, z.discriminatedUnion('status', [RunningRun, PausedRun, WaitingRun, FinishedRun, FailedRun, StoppedRun]));
export type Run = z.infer<typeof Run>;
export type RunningRun = z.infer<typeof RunningRun>;
export type PausedRun = z.infer<typeof PausedRun>;
export type WaitingRun = z.infer<typeof WaitingRun>;
export type FinishedRun = z.infer<typeof FinishedRun>;
export type FailedRun = z.infer<typeof FailedRun>;
export type StoppedRun = z.infer<typeof StoppedRun>;
export type RunOf<S extends RunStatus> = Extract<Run, { status: S }>;

export const StepTimings = z.object({
  observe: z.number().default(0),
  model: z.number().default(0),
  ground: z.number().default(0),
  act: z.number().default(0),
  total: z.number().default(0),
});

export const Step = z.object({
  runId: z.string(),
  index: z.number().int().nonnegative(),
  startedAt: z.number(),
  url: z.string(),
  title: z.string().default(''),
  observation: z.string(),
  screenshot: z.string().optional(),
  /** The viewport the screenshot and element boxes refer to. */
  viewport: z.object({ width: z.number(), height: z.number() }).optional(),
  messages: z.array(z.unknown()),
  rawReply: z.unknown().optional(),
  thought: z.string().optional(),
  intent: Intent.optional(),
  /** Replies that could not be parsed, with the error sent back. */
  parseErrors: z.array(z.string()).default([]),
  result: ActResult.optional(),
  /** The model could not be reached or refused: the step and the run end here. */
  error: z.string().optional(),
  usage: Usage.default(Usage.parse({})),
  timings: StepTimings.default(StepTimings.parse({})),
  /** A step whose action may or may not have happened: the worker stopped mid-step. */
  interrupted: z.boolean().optional(),
  promptCut: z.string().optional(),
  /** Page text that tried to instruct the agent, seen at this step. */
  injections: z.array(z.string()).optional(),
  /** The intent and page state this step acted on, for telling loops. */
  loopKey: z.string().optional(),
  /** The grounding answer was unsure and went to the grounding model: why, what it saw and said, what came of it. */
  escalation: Escalation.optional(),
});
export type Step = z.infer<typeof Step>;

export const Trace = z.object({
  kind: z.literal('webwright-trace'),
  version: z.literal(1),
  run: Run,
  steps: z.array(Step),
});
export type Trace = z.infer<typeof Trace>;
