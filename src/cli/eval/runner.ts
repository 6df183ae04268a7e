import type { BrowserContext, Page } from 'playwright-core';
import type { Trace } from '../../shared/run.ts';
import { launch, type Harness } from '../harness.ts';
import type { ModelChoice } from '../options.ts';
import { startStaticServer } from '../static-server.ts';
import { evaluateChecks, notChecked, type CheckOutcome } from './checks.ts';
import { startUrlOf, type Suite, type Task } from './suite.ts';

// Runs tasks: each in a fresh page, N browsers pulling from one queue. A task that throws (its
// page does not load, the browser dies) is a failed task with the error, and the others go on.

export interface TaskOptions extends ModelChoice {
  /** The origin standing for {{site}}. */
  site?: string | undefined;
  /** Steps allowed when the task does not say. */
  maxSteps?: number | undefined;
  /** Approve consequential steps in every task. */
  approve?: boolean | undefined;
  /** Time allowed when the task does not say. */
  timeoutMs?: number | undefined;
}

export interface TaskResult {
  task: Task;
  passed: boolean;
  checks: CheckOutcome[];
  trace?: Trace | undefined;
  /** Why the task could not be run to its end, when it could not. */
  error?: string | undefined;
  wallMs: number;
  /** The browser stopped answering: it should not run another task. */
  browserLost?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 5 * 60_000;
// After the run's own deadline has stopped it, how long to wait for the browser before giving up on it.
const GRACE_MS = 30_000;
const CLEANUP_MS = 15_000;

/** The browser will not run another task: it stopped answering, crashed or was killed. */
class BrowserLost extends Error {}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BrowserLost(message)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The work, unless the browser goes away first: then at once, and in plain words. */
async function whileBrowserLives<T>(context: BrowserContext, work: Promise<T>): Promise<T> {
  let closed: (() => void) | undefined;
  const gone = new Promise<never>((_, reject) => {
    closed = () => reject(new BrowserLost('The browser closed during the task: it crashed or was killed.'));
    context.once('close', closed);
  });
  try {
    return await Promise.race([work, gone]);
  } finally {
    if (closed) context.off('close', closed);
  }
}

/** The page showing a browser tab: a run can end in a tab other than the one it started in. */
async function pageOfTab(harness: Harness, tabId: number, likely: Page): Promise<Page | undefined> {
  const pages = [likely, ...harness.context.pages().filter((page) => page !== likely)];
  for (const page of pages) {
    if (page.isClosed() || page.url().startsWith('chrome-extension://')) continue;
    if ((await harness.tabIdOf(page).catch(() => undefined)) === tabId) return page;
  }
  return undefined;
}

/** Forgets what the task's sites stored (cookies, local storage), so the next task starts clean. */
async function forgetSites(context: BrowserContext, page: Page, urls: string[]): Promise<void> {
  const origins = new Set(urls.filter((url) => /^https?:/.test(url)).map((url) => new URL(url).origin));
  if (origins.size === 0 || page.isClosed()) return;
  const cdp = await context.newCDPSession(page);
  for (const origin of origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'cookies,local_storage,indexeddb,cache_storage,service_workers' });
  await cdp.detach();
}

export async function runTask(harness: Harness, task: Task, options: TaskOptions): Promise<TaskResult> {
  const started = Date.now();
  const timeoutMs = task.timeoutSeconds !== undefined ? task.timeoutSeconds * 1000 : (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const before = new Set(harness.context.pages());
  const startUrl = startUrlOf(task, options.site);
  const maxSteps = task.maxSteps ?? options.maxSteps;
  let page: Page | undefined;
  let trace: Trace | undefined;
  let checks: CheckOutcome[] | undefined;
  let error: string | undefined;
  let browserLost = false;
  try {
    const work = (async () => {
      page = await harness.context.newPage();
      await page.goto(startUrl);
      trace = await harness.run(page, task.goal, {
        baseURL: options.baseURL,
        model: options.model,
        apiKey: options.apiKey,
        prices: options.prices,
        ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
        ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
        approve: task.approve === true || options.approve === true,
        timeoutMs,
        ...(maxSteps ? { maxSteps } : {}),
      });
      checks = await evaluateChecks(task.checks, await pageOfTab(harness, trace.run.tabId, page), trace);
    })();
    const limit = timeoutMs + GRACE_MS;
    await withDeadline(whileBrowserLives(harness.context, work), limit, `The task did not end within ${Math.round(limit / 1000)} s; the browser stopped answering.`);
  } catch (caught) {
    error = messageOf(caught);
    browserLost = caught instanceof BrowserLost;
  }
  const wallMs = Date.now() - started;
  if (!browserLost) {
    const cleanUp = async () => {
      const urls = [startUrl, ...(trace?.steps.map((step) => step.url) ?? [])];
      if (page) await forgetSites(harness.context, page, urls).catch(() => undefined);
      // The pages the task opened; the extension's own control page stays for the next task.
      const opened = harness.context.pages().filter((other) => !before.has(other) && !other.url().startsWith('chrome-extension://'));
      await Promise.all(opened.map((other) => other.close()));
    };
    browserLost = await withDeadline(cleanUp(), CLEANUP_MS, 'cleanup').then(
      () => false,
      () => true,
    );
  }
  const outcomes = checks ?? task.checks.map(notChecked);
  return { task, passed: error === undefined && outcomes.every((check) => check.held), checks: outcomes, trace, error, wallMs, browserLost };
}

export interface SuiteOptions extends Omit<TaskOptions, 'site'> {
  workers: number;
  headed?: boolean | undefined;
  /** Called as each task ends, in the order they end. */
  onResult?: (result: TaskResult) => void;
}

/** Every task of the suite; the results in the suite's order. */
export async function runSuite(suite: Suite, options: SuiteOptions): Promise<TaskResult[]> {
  const queue = [...suite.tasks];
  const results = new Map<Task, TaskResult>();
  const lost = new WeakSet<Harness>();
  const start = async (): Promise<Harness> => {
    const harness = await launch({ headed: options.headed ?? false });
    harness.context.once('close', () => lost.add(harness));
    return harness;
  };
  const close = (harness: Harness) => withDeadline(harness.close(), CLEANUP_MS, 'close').catch(() => undefined);

  const site = suite.serve ? await startStaticServer(suite.serve) : undefined;
  try {
    const count = Math.max(1, Math.min(options.workers, queue.length));
    const launched = await Promise.allSettled(Array.from({ length: count }, start));
    const browsers = launched.flatMap((entry) => (entry.status === 'fulfilled' ? [entry.value] : []));
    const failed = launched.find((entry) => entry.status === 'rejected');
    if (failed) {
      await Promise.all(browsers.map(close));
      throw failed.reason;
    }
    const work = async (first: Harness) => {
      let harness: Harness | undefined = first;
      try {
        for (let task = queue.shift(); task; task = queue.shift()) {
          let result: TaskResult;
          try {
            harness ??= await start();
            result = await runTask(harness, task, { ...options, site: site?.origin });
          } catch (error) {
            result = { task, passed: false, checks: task.checks.map(notChecked), error: `Could not start a browser: ${messageOf(error)}`, wallMs: 0 };
          }
          results.set(task, result);
          options.onResult?.(result);
          if (harness && (result.browserLost || lost.has(harness))) {
            await close(harness);
            harness = undefined;
          }
        }
      } finally {
        if (harness) await close(harness);
      }
    };
    await Promise.all(browsers.map(work));
  } finally {
    await site?.close();
  }
  return suite.tasks.flatMap((task) => results.get(task) ?? []);
}
