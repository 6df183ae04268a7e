import type { Page } from 'playwright-core';
import { terminalStatuses, type Step, type Trace } from '../shared/run.ts';
import type { Control } from './control.ts';
import { WebwrightError } from '../shared/errors.ts';

// Driving a run from Node: start it through the extension's protocol, then follow its steps as
// they are stored, until it ends.

export interface RunOptions {
  baseURL?: string;
  model?: string;
  apiKey?: string;
  maxSteps?: number;
  /** US dollars per million prompt and completion tokens, for the run's cost. */
  prices?: { input: number; output: number } | undefined;
  /** Send a screenshot of the page with each step (for models that take images). */
  vision?: boolean;
  /** Give up waiting after this long (the run is stopped). */
  timeoutMs?: number;
  /** How long one model request may take, for this run; the stored setting otherwise. */
  requestTimeoutMs?: number;
  /** How many times a failed model request is tried again, for this run; the stored setting otherwise. */
  maxRetries?: number;
  /** Called once per step as it is recorded. */
  onStep?: (step: Step) => void;
  /** Approve consequential steps (paying, deleting, sending...) without asking. Denied otherwise. */
  approve?: boolean;
  /** Answers the agent's questions (ask_user); without it, a question stops the run. */
  onQuestion?: (question: { question: string; kind: string; options?: string[] | undefined }) => string | Promise<string>;
}

const POLL_MS = 200;

/** An answer lost to a worker restart is not sent twice; the next look at the run tells whether it arrived. */
async function answer(control: Control, runId: string, text: string): Promise<void> {
  try {
    await control.send('run.answer', { runId, answer: text });
  } catch (error) {
    if (!(error instanceof WebwrightError && error.kind === 'no-response')) throw error;
  }
}

export async function runGoal(control: Control, tabId: number, goal: string, options: RunOptions = {}): Promise<Trace> {
  const model = {
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    ...(options.model ? { model: options.model } : {}),
    ...(options.vision !== undefined ? { vision: options.vision } : {}),
    ...(options.prices ? { inputPricePerMillion: options.prices.input, outputPricePerMillion: options.prices.output } : {}),
    ...(options.requestTimeoutMs !== undefined ? { timeoutMs: options.requestTimeoutMs } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
  };
  const run = await control.send('run.start', {
    runId: crypto.randomUUID(),
    tabId,
    goal,
    overrides: { model, ...(options.maxSteps ? { budgets: { maxSteps: options.maxSteps } } : {}) },
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
  });
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  let seen = 0;
  for (;;) {
    const { run: current, steps } = await control.send('run.get', { runId: run.id, fromStep: seen });
    for (const step of steps) {
      // A step written before its action shows up again with its result; report it once, complete.
      if (step.intent && !step.result && !step.error && !step.interrupted && !terminalStatuses.includes(current.status)) break;
      options.onStep?.(step);
      seen = step.index + 1;
    }
    if (terminalStatuses.includes(current.status) && steps.every((step) => step.index < seen)) break;
    if (current.status === 'waiting-user' && current.question && seen >= current.stepCount) {
      if (current.question.kind === 'confirm' && current.pending) {
        if (options.approve) await answer(control, run.id, 'Approve');
        else await control.send('run.control', { runId: run.id, op: 'stop', reason: `A consequential step needed approval and was denied: ${current.question.question} Run with --approve to allow such steps.` });
        continue;
      }
      if (!options.onQuestion) {
        await control.send('run.control', { runId: run.id, op: 'stop', reason: `The agent needs the person ("${current.question.question}"), and nobody can answer from here. Run it from the side panel.` });
        continue;
      }
      await answer(control, run.id, await options.onQuestion(current.question));
      continue;
    }
    if (Date.now() > deadline && !terminalStatuses.includes(current.status)) {
      await control.send('run.control', { runId: run.id, op: 'stop', reason: `Stopped after waiting ${Math.round((options.timeoutMs ?? 600_000) / 1000)} s for the run to end.` });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return control.send('run.export', { runId: run.id });
}

export type { Page };
