import { z } from 'zod';
import { RefBy } from './escalation.ts';
import { Intent } from './intent.ts';
import { ActResult, GroundReport, Observation } from './results.ts';
import { Run, Step, Trace } from './run.ts';
import { SecretInfo, SecretName } from './secrets.ts';
import { BudgetOverrides, ModelOverrides, ModelSettings, Settings } from './settings.ts';

// The one contract between extension contexts. Messages are grouped by direction; each has a
// schema for its payload and one for its answer, and every receiver validates both ends.

export const FrameIdentity = z.object({
  tabId: z.number().int(),
  frameId: z.number().int(),
});
export type FrameIdentity = z.infer<typeof FrameIdentity>;

export const PageInfo = z.object({
  frameId: z.number().int(),
  url: z.string(),
  title: z.string(),
  isTop: z.boolean(),
  readyState: z.enum(['loading', 'interactive', 'complete']),
});
export type PageInfo = z.infer<typeof PageInfo>;

export const TabInfo = z.object({
  tabId: z.number().int(),
  windowId: z.number().int(),
  page: PageInfo,
});
export type TabInfo = z.infer<typeof TabInfo>;

export const FrameReport = z.object({
  frameId: z.number().int(),
  parentFrameId: z.number().int(),
  url: z.string(),
  page: PageInfo.nullable(),
  error: z.string().nullable(),
});
export type FrameReport = z.infer<typeof FrameReport>;

const TabTarget = z.object({
  tabId: z.number().int().nonnegative().optional(),
  windowId: z.number().int().optional(),
});

/**
 * A step as the live view shows it: without the screenshot, observation, prompt and raw reply,
 * which only the inspector needs (`run.step`), so that following a run costs the same per step
 * however long it gets.
 */
export const StepSummary = Step.omit({ screenshot: true, observation: true, messages: true, rawReply: true });
export type StepSummary = z.infer<typeof StepSummary>;

const define = <P extends z.ZodType, R extends z.ZodType>(payload: P, result: R) => ({ payload, result });

const ObserveOptions = z.object({
  maxTokens: z.number().int().positive().optional(),
  full: z.boolean().optional(),
});

/** Side panel (and other extension pages) to background. */
export const panelToBackground = {
  'tab.info': define(TabTarget, TabInfo),
  'tab.frames': define(TabTarget, z.array(FrameReport)),
  /** The snapshot the planner would be shown for a tab, frames stitched in. */
  'agent.observe': define(TabTarget.extend(ObserveOptions.shape), Observation),
  /** Carries out one intent in a tab through the grounder and executor. */
  'agent.act': define(TabTarget.extend({ intent: Intent }), ActResult),
  /** Resolves an intent's element without acting. */
  'agent.ground': define(TabTarget.extend({ intent: Intent }), GroundReport),
  /** Starts a run on a tab; overrides and a key apply to this run only. */
  'run.start': define(
    TabTarget.extend({
      goal: z.string().trim().min(1, 'say what the agent should do'),
      overrides: z.object({ model: ModelOverrides.optional(), budgets: BudgetOverrides.optional() }).optional(),
      apiKey: z.string().optional(),
      /** The new run's id, chosen by the sender: a start sent again (after a worker restart) finds that run instead of starting another. */
      runId: z.uuid().optional(),
    }),
    Run,
  ),
  'run.get': define(z.object({ runId: z.string(), fromStep: z.number().int().nonnegative().default(0) }), z.object({ run: Run, steps: z.array(Step) })),
  /** The run and its steps from `fromStep` on, summarised: what the side panel's live view follows. */
  'run.steps': define(z.object({ runId: z.string(), fromStep: z.number().int().nonnegative().default(0) }), z.object({ run: Run, steps: z.array(StepSummary) })),
  /** One step in full (screenshot, observation, prompt, raw reply), for the inspector. */
  'run.step': define(z.object({ runId: z.string(), index: z.number().int().nonnegative() }), Step),
  'run.list': define(z.object({}), z.array(Run)),
  'run.control': define(z.object({ runId: z.string(), op: z.enum(['pause', 'resume', 'stop']), reason: z.string().optional() }), Run),
  'run.answer': define(z.object({ runId: z.string(), answer: z.string().trim().min(1) }), Run),
  'run.export': define(z.object({ runId: z.string() }), Trace),
  'run.delete': define(z.object({ runId: z.string() }), z.object({})),
  'run.import': define(z.object({ trace: Trace }), Run),
  /** Replays a run's intents on a tab, grounding every target again; recorded as a new run. */
  'run.replay': define(TabTarget.extend({ runId: z.string() }), Run),
  'settings.get': define(z.object({}), z.object({ settings: Settings, hasApiKey: z.boolean() })),
  'settings.save': define(z.object({ settings: Settings, apiKey: z.string().optional() }), Settings),
  /** Named secrets: names and sites go out, values only ever come in. */
  'secrets.list': define(z.object({}), z.array(SecretInfo)),
  'secrets.save': define(z.object({ name: SecretName, value: z.string().optional(), sites: z.array(z.string()).default([]) }), z.array(SecretInfo)),
  'secrets.delete': define(z.object({ name: z.string() }), z.array(SecretInfo)),
  /** Sends a tiny request to the model with these settings (the stored key unless one is given). */
  'settings.test': define(z.object({ model: ModelSettings, apiKey: z.string().optional() }), z.object({ ok: z.boolean(), message: z.string() })),
};

/** Background to the side panel and other extension pages. */
export const backgroundToPanel = {
  'run.updated': define(z.object({ run: Run }), z.object({})),
};

/** Background to the content script of one frame. */
export const backgroundToContent = {
  'page.info': define(z.object({}), PageInfo),
  'page.observe': define(ObserveOptions.extend({ refPrefix: z.string().optional() }), Observation),
  'page.ground': define(z.object({ intent: Intent, refBy: RefBy.optional() }), GroundReport),
  /** `secrets` holds the values of the secrets the intent names, to be typed; nothing else. */
  'page.act': define(z.object({ intent: Intent, secrets: z.record(z.string(), z.string()).optional() }), ActResult),
  /** Covers secret fields and the given values on screen with opaque boxes (for a screenshot), or removes them. */
  'page.shield': define(z.object({ show: z.boolean(), values: z.array(z.string()).default([]) }), z.object({ count: z.number().int() })),
  /** Draws (or removes) ref labels over the elements in view, for a set-of-marks screenshot. */
  'page.marks': define(z.object({ show: z.boolean() }), z.object({ count: z.number().int() })),
  'page.waitForText': define(z.object({ text: z.string().min(1), timeoutMs: z.number().int().positive() }), z.object({ found: z.boolean() })),
};

/** Content script to background. */
export const contentToBackground = {
  // A content script cannot see its own frame id; the background reads it off the sender.
  'frame.identify': define(z.object({}), FrameIdentity),
};

export const directions = {
  'panel-to-background': panelToBackground,
  'background-to-content': backgroundToContent,
  'content-to-background': contentToBackground,
  'background-to-panel': backgroundToPanel,
} as const;
export type Direction = keyof typeof directions;
export type MessagesOf<D extends Direction> = (typeof directions)[D];
export type NameOf<D extends Direction> = keyof MessagesOf<D> & string;
type Entry<D extends Direction, N extends NameOf<D>> = MessagesOf<D>[N] extends {
  payload: infer P extends z.ZodType;
  result: infer R extends z.ZodType;
}
  ? { payload: P; result: R }
  : never;
/** What a sender passes (defaults may be left out). */
export type PayloadOf<D extends Direction, N extends NameOf<D>> = z.input<Entry<D, N>['payload']>;
/** What a receiver gets once the payload is validated (defaults filled in). */
export type ParsedPayloadOf<D extends Direction, N extends NameOf<D>> = z.output<Entry<D, N>['payload']>;
export type ResultOf<D extends Direction, N extends NameOf<D>> = z.output<Entry<D, N>['result']>;

export const CHANNEL = 'webwright/1';

export const Envelope = z.object({
  channel: z.literal(CHANNEL),
  direction: z.enum(Object.keys(directions) as [Direction, ...Direction[]]),
  name: z.string(),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof Envelope>;

export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ kind: z.string(), message: z.string() }),
  }),
]);
export type Reply = z.infer<typeof Reply>;

export function getEntry(direction: Direction, name: string): { payload: z.ZodType; result: z.ZodType } | undefined {
  const messages: Record<string, { payload: z.ZodType; result: z.ZodType }> = directions[direction];
  return Object.hasOwn(messages, name) ? messages[name] : undefined;
}
