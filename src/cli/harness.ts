// The harness for Playwright users (QA): Chromium with the Webwright extension loaded, and the
// extension's own observer, grounder and executor driven from Node. Built to dist-node/harness.js
// and exported as "webwright/harness".
import type { Page } from 'playwright-core';
import { WebwrightError } from '../shared/errors.ts';
import { Intent, type IntentInput } from '../shared/intent.ts';
import type { ActResult, GroundReport, Observation } from '../shared/results.ts';
import { createControl } from './control.ts';
import { launchBrowser, type LaunchedBrowser, type LaunchOptions } from './launch.ts';
import { runGoal, type RunOptions } from './run.ts';
import type { Trace } from '../shared/run.ts';

export type { ActResult, GroundReport, IntentInput, LaunchOptions, Observation, RunOptions, Trace };

export interface ReplayResult {
  ok: boolean;
  /** One result per intent carried out; replay stops at the first that fails. */
  results: ActResult[];
  skipped: number;
}

export interface Harness extends LaunchedBrowser {
  /** The text snapshot the planner would be shown for the page. */
  observe(page: Page, options?: { maxTokens?: number; full?: boolean }): Promise<string>;
  /** The snapshot with the facts around it (URL, scroll, frames, counts). */
  observation(page: Page, options?: { maxTokens?: number; full?: boolean }): Promise<Observation>;
  /** Carries out one intent in the page through the extension's grounder and executor. */
  act(page: Page, intent: IntentInput): Promise<ActResult>;
  /** Resolves an intent's element without acting. */
  ground(page: Page, intent: IntentInput): Promise<GroundReport>;
  /** Carries out intents in order, stopping at the first that fails. */
  replay(page: Page, intents: IntentInput[]): Promise<ReplayResult>;
  /** Runs a goal on the page with the configured model; resolves to the trace when the run ends. */
  run(page: Page, goal: string, options?: RunOptions): Promise<Trace>;
}

function invalid(message: string): ActResult {
  return { ok: false, kind: 'error', message };
}

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  const browser = await launchBrowser(options);
  const control = createControl(browser.controlPage);
  const tabIds = new WeakMap<Page, number>();
  const tabOf = async (page: Page): Promise<number> => {
    let id = tabIds.get(page);
    if (id === undefined) {
      id = await browser.tabIdOf(page);
      tabIds.set(page, id);
    }
    return id;
  };

  const act = async (page: Page, input: IntentInput): Promise<ActResult> => {
    const parsed = Intent.safeParse(input);
    if (!parsed.success) return invalid(`Not a valid intent: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'intent'}: ${issue.message}`).join('; ')}`);
    try {
      return await control.send('agent.act', { tabId: await tabOf(page), intent: parsed.data });
    } catch (error) {
      if (error instanceof WebwrightError) return { ok: false, kind: 'error', message: error.message };
      throw error;
    }
  };

  return {
    ...browser,
    observation: async (page, observeOptions = {}) => control.send('agent.observe', { tabId: await tabOf(page), ...observeOptions }),
    observe: async (page, observeOptions = {}) => (await control.send('agent.observe', { tabId: await tabOf(page), ...observeOptions })).text,
    act,
    ground: async (page, input) => control.send('agent.ground', { tabId: await tabOf(page), intent: Intent.parse(input) }),
    run: async (page, goal, runOptions = {}) => runGoal(control, await tabOf(page), goal, runOptions),
    replay: async (page, intents) => {
      const results: ActResult[] = [];
      for (const intent of intents) {
        const result = await act(page, intent);
        results.push(result);
        if (!result.ok) return { ok: false, results, skipped: intents.length - results.length };
      }
      return { ok: true, results, skipped: 0 };
    },
  };
}
