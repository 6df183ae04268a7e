import { z } from 'zod';

// The intermediate interface between planner and grounder (DESIGN.md). A contract: changes bump
// INTENT_VERSION and are noted in the README. One schema per action; the same schemas make the
// model's tool definitions and validate what comes back.

export const INTENT_VERSION = 1;

/** A description in words, the way a person or a model says it; never a CSS selector. */
export const Target = z
  .string()
  .trim()
  .min(1)
  .describe('The element in words: role, visible text or label, and context if needed, e.g. "the Add to cart button under \'Blue Shirt\'"');

/** The id an element had in the observation: e12, or f3:e12 inside frame 3. */
export const Ref = z
  .string()
  .regex(/^(f\d+:)?e\d+$/, 'a ref looks like e12 (or f3:e12 inside a frame)')
  .describe('The ref the element had in the observation, e.g. e12; a hint checked against the target');

/** [x, y] in 0-999 normalised viewport coordinates, for models that ground by position. */
export const Point = z
  .tuple([z.number().min(0).max(999), z.number().min(0).max(999)])
  .describe('[x, y] in 0-999 normalised viewport coordinates');

const acting = {
  sensitive: z.string().min(1).optional().describe('Why this step is consequential (pay, delete, send, publish), if it is'),
};

const located = {
  target: Target.optional(),
  ref: Ref.optional(),
  point: Point.optional(),
  ...acting,
};

const needsLocation = (value: { target?: string | undefined; ref?: string | undefined; point?: unknown }) =>
  value.target !== undefined || value.ref !== undefined || value.point !== undefined;
const locationMessage = { message: 'say which element: give a target (words), a ref or a point' };

export const ClickIntent = z
  .object({
    action: z.literal('click'),
    ...located,
    button: z.enum(['left', 'right', 'middle']).default('left'),
    count: z.union([z.literal(1), z.literal(2)]).default(1),
  })
  .refine(needsLocation, locationMessage)
  .describe('Click an element');

export const TypeIntent = z
  .object({
    action: z.literal('type'),
    ...located,
    text: z.string(),
    clear: z.boolean().default(true).describe('Replace what the field holds (default) or add to it'),
    submit: z.boolean().default(false).describe('Press Enter afterwards'),
  })
  .refine(needsLocation, locationMessage)
  .describe('Type text into a field or editor');

export const SelectIntent = z
  .object({
    action: z.literal('select'),
    ...located,
    option: z.union([z.string(), z.array(z.string()).min(1)]).describe('Visible label or value; a list for a multi-select'),
  })
  .refine(needsLocation, locationMessage)
  .describe('Choose an option in a dropdown, list box or combo box');

export const CheckIntent = z
  .object({
    action: z.literal('check'),
    ...located,
    checked: z.boolean().default(true),
  })
  .refine(needsLocation, locationMessage)
  .describe('Set a checkbox, radio button or switch on (or off); does nothing if it already is');

export const HoverIntent = z
  .object({ action: z.literal('hover'), ...located })
  .refine(needsLocation, locationMessage)
  .describe('Move the pointer over an element (opens hover menus and tooltips)');

export const PressIntent = z
  .object({
    action: z.literal('press'),
    key: z.string().min(1).describe('A key or chord: "Enter", "Escape", "Tab", "ArrowDown", "Control+a"'),
    ...located,
  })
  .describe('Press a key, on the focused element or on the target');

export const ScrollIntent = z
  .object({
    action: z.literal('scroll'),
    direction: z.enum(['up', 'down', 'left', 'right', 'top', 'bottom']),
    ...located,
    amount: z.union([z.enum(['page', 'half']), z.number().positive()]).default('page').describe('"page", "half" or pixels'),
  })
  .describe('Scroll the page, or a scrollable region named by target');

export const NavigateIntent = z
  .object({ action: z.literal('navigate'), url: z.string().min(1), ...acting })
  .describe('Open a URL in the current tab');

export const BackIntent = z.object({ action: z.literal('back') }).describe('Go back in history');
export const ForwardIntent = z.object({ action: z.literal('forward') }).describe('Go forward in history');
export const ReloadIntent = z.object({ action: z.literal('reload') }).describe('Reload the page');

export const TabIntent = z
  .object({
    action: z.literal('tab'),
    op: z.enum(['open', 'switch', 'close']),
    url: z.string().optional(),
    index: z.number().int().nonnegative().optional().describe('Position of the tab in the tab list, from 0'),
  })
  .describe('Open a new tab, switch to a tab, or close one');

export const WaitIntent = z
  .object({
    action: z.literal('wait'),
    seconds: z.number().positive().max(60).optional(),
    until: z.string().min(1).optional().describe('Text to wait for on the page'),
  })
  .describe('Wait some seconds, or until a text appears');

export const NoteIntent = z
  .object({ action: z.literal('note'), content: z.string().min(1) })
  .describe('Keep a piece of information for the final answer');

export const AskUserIntent = z
  .object({
    action: z.literal('ask_user'),
    question: z.string().min(1),
    kind: z.enum(['choice', 'takeover', 'confirm']).default('choice'),
    options: z.array(z.string()).optional(),
  })
  .describe('Pause and ask the person: a choice, a takeover (login, captcha) or a confirmation');

export const FinishIntent = z
  .object({ action: z.literal('finish'), success: z.boolean(), answer: z.string().optional() })
  .describe('End the task, with the answer if one was asked for');

export const intentSchemas = {
  click: ClickIntent,
  type: TypeIntent,
  select: SelectIntent,
  check: CheckIntent,
  hover: HoverIntent,
  press: PressIntent,
  scroll: ScrollIntent,
  navigate: NavigateIntent,
  back: BackIntent,
  forward: ForwardIntent,
  reload: ReloadIntent,
  tab: TabIntent,
  wait: WaitIntent,
  note: NoteIntent,
  ask_user: AskUserIntent,
  finish: FinishIntent,
} as const;

export type ActionName = keyof typeof intentSchemas;
export const actionNames = Object.keys(intentSchemas) as ActionName[];

export const Intent = z.discriminatedUnion('action', [
  ClickIntent,
  TypeIntent,
  SelectIntent,
  CheckIntent,
  HoverIntent,
  PressIntent,
  ScrollIntent,
  NavigateIntent,
  BackIntent,
  ForwardIntent,
  ReloadIntent,
  TabIntent,
  WaitIntent,
  NoteIntent,
  AskUserIntent,
  FinishIntent,
]);
export type Intent = z.output<typeof Intent>;
export type IntentInput = z.input<typeof Intent>;
export type IntentOf<A extends ActionName> = Extract<Intent, { action: A }>;

/** Actions carried out inside the page by the content script's grounder and executor. */
export const pageActions = ['click', 'type', 'select', 'check', 'hover', 'press', 'scroll'] as const satisfies ActionName[];
export type PageAction = (typeof pageActions)[number];
export type PageIntent = IntentOf<PageAction>;

export function isPageIntent(intent: Intent): intent is PageIntent {
  return (pageActions as readonly string[]).includes(intent.action);
}
