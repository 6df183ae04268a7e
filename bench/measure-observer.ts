import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { Harness } from 'webwright/harness';
import type { FixtureServer } from '../test/support/server.ts';
import { countVisibleInteractive, listedRefs, OBSERVER_MARGIN } from './coverage.ts';
import { median, p90, round, spread, timed, type Spread } from './stats.ts';
import { tokens } from './tokens.ts';

// The Observer on a set of pages (the fixture sites, or saved real pages): in-page build time,
// the harness's observe time beside Playwright's ariaSnapshot() time on the same load, snapshot
// size in tokens against that ARIA snapshot, and how many of the visible interactive elements in
// the viewport the snapshot lists with a ref.

const pagesRoot = fileURLToPath(new URL('../test/fixtures/pages/', import.meta.url));

export function fixturePages(): string[] {
  const sites = readdirSync(pagesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_') && entry.name !== 'attack' && existsSync(`${pagesRoot}${entry.name}/index.html`))
    .map((entry) => `/${entry.name}/index.html`);
  return [...sites, '/shop/cart.html', '/account/login.html', '/account/signup.html'].filter((path, index, all) => all.indexOf(path) === index).sort();
}

/** The snapshot less the header lines that precede the outline. */
function outlineOf(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^(Tabs|Page|URL|Viewport): /.test(line))
    .join('\n');
}

export interface PageToMeasure {
  /** How the page is named in the table. */
  name: string;
  url: string;
}

export function fixturePagesAt(server: FixtureServer): PageToMeasure[] {
  return fixturePages().map((path) => ({ name: path.replace(/^\//, ''), url: server.url(path) }));
}

export interface ObserverPage {
  page: string;
  buildMs: Spread;
  /** harness.observation() round trip from Node, taken in turn with ariaSnapshot() on the same load. */
  observeMs: Spread;
  /** page.locator('body').ariaSnapshot() from Node, same load, same repeats. */
  ariaSnapshotMs: Spread;
  /** observeMs median / ariaSnapshotMs median. */
  observeRatio: number;
  oursTokens: number;
  /** Our snapshot without its header lines (page title, URL, viewport). */
  oursOutlineTokens: number;
  playwrightTokens: number;
  /** Playwright's ariaSnapshot({ mode: 'ai' }): refs, and iframes included. */
  playwrightAiTokens: number;
  ratio: number;
  listedRefs: number;
  /** Independent count in the Observer's band: the viewport and OBSERVER_MARGIN px above and below. */
  visibleInteractive: number;
  /** Independent count in the viewport proper. */
  visibleInViewport: number;
  coverage: number;
  truncated: boolean;
}

export interface ObserverResult {
  pages: ObserverPage[];
  /** Pages that could not be measured, and why. */
  errors: { page: string; error: string }[];
  buildMsMedianOfMedians: number;
  /** p90 over the pages of each page's median build time. */
  buildMsP90OfMedians: number;
  worstBuildMedian: { page: string; ms: number };
  oursTokens: number;
  oursOutlineTokens: number;
  playwrightTokens: number;
  playwrightAiTokens: number;
  ratioOfSums: number;
  medianRatio: number;
  /** Median over pages of observeRatio. */
  observeRatioMedian: number;
  /** Sum of observe medians / sum of ariaSnapshot medians. */
  observeRatioOfSums: number;
  observeMsSum: number;
  ariaSnapshotMsSum: number;
  worstObserveRatio: { page: string; ratio: number };
  listedRefs: number;
  visibleInteractive: number;
  visibleInViewport: number;
  coverage: number;
  /** Each page's listed refs capped at its own count, over the counts: a page listing extras cannot make up for another missing some. */
  coverageCapped: number;
  /** Pages whose listed refs fall short of the count, lowest coverage first. */
  shortPages: { page: string; listed: number; counted: number }[];
}

export interface ObserverOptions {
  repeats?: number;
  /** Runs on the tab before the pages load (e.g. blocking hosts other than loopback). */
  prepare?: (page: Page) => Promise<void>;
  /** Told after each page, so that a long run can show how far it got. */
  progress?: (done: number, total: number) => void;
}

async function measurePage(harness: Harness, page: Page, target: PageToMeasure, repeats: number): Promise<ObserverPage> {
  await page.goto(target.url, { waitUntil: 'load' });
  const builds: number[] = [];
  const observeTimes: number[] = [];
  const ariaTimes: number[] = [];
  let text = '';
  let truncated = false;
  let aria = '';
  const observeOnce = async () => {
    const { value: observation, ms } = await timed(() => harness.observation(page));
    observeTimes.push(ms);
    builds.push(observation.buildMs ?? Number.NaN);
    text = observation.text;
    truncated = observation.truncated;
  };
  const ariaOnce = async () => {
    const { value, ms } = await timed(() => page.locator('body').ariaSnapshot());
    ariaTimes.push(ms);
    aria = value;
  };
  // Side by side, taking turns at going first, so neither is favoured by what ran just before.
  for (let run = 0; run < repeats; run++) {
    if (run % 2 === 0) {
      await observeOnce();
      await ariaOnce();
    } else {
      await ariaOnce();
      await observeOnce();
    }
  }
  const ariaAi = await page.locator('body').ariaSnapshot({ mode: 'ai' });
  const counted = await countVisibleInteractive(page, OBSERVER_MARGIN);
  const strict = await countVisibleInteractive(page);
  const listed = listedRefs(text);
  const oursTokens = tokens(text);
  const playwrightTokens = tokens(aria);
  const observeMs = spread(observeTimes);
  const ariaSnapshotMs = spread(ariaTimes);
  return {
    page: target.name,
    buildMs: spread(builds),
    observeMs,
    ariaSnapshotMs,
    observeRatio: round(observeMs.median / ariaSnapshotMs.median, 3),
    oursTokens,
    oursOutlineTokens: tokens(outlineOf(text)),
    playwrightTokens,
    playwrightAiTokens: tokens(ariaAi),
    ratio: round(oursTokens / playwrightTokens, 3),
    listedRefs: listed,
    visibleInteractive: counted,
    visibleInViewport: strict,
    coverage: round(counted === 0 ? Number.NaN : listed / counted, 3),
    truncated,
  };
}

export async function measureObserver(harness: Harness, pages: PageToMeasure[], options: ObserverOptions = {}): Promise<ObserverResult> {
  const repeats = options.repeats ?? 5;
  let page = await harness.context.newPage();
  // One tab, as a person usually has it: with more, the snapshot starts with a line listing them.
  for (const other of harness.context.pages()) if (other !== page) await other.close();
  await options.prepare?.(page);
  const results: ObserverPage[] = [];
  const errors: ObserverResult['errors'] = [];
  try {
    for (const target of pages) {
      try {
        results.push(await measurePage(harness, page, target, repeats));
        options.progress?.(results.length + errors.length, pages.length);
      } catch (error) {
        errors.push({ page: target.name, error: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error) });
        // A fresh tab: the one that failed may be stuck in a navigation.
        const fresh = await harness.context.newPage();
        await page.close().catch(() => undefined);
        page = fresh;
        await options.prepare?.(page);
      }
    }
  } finally {
    await page.close();
  }
  if (results.length === 0) throw new Error(`no page could be measured: ${errors[0]?.page ?? ''} ${errors[0]?.error ?? ''}`);
  const sum = (pick: (entry: ObserverPage) => number) => results.reduce((total, entry) => total + pick(entry), 0);
  const worst = results.reduce((a, b) => (b.buildMs.median > a.buildMs.median ? b : a));
  const slowest = results.reduce((a, b) => (b.observeRatio > a.observeRatio ? b : a));
  const listedSum = sum((entry) => entry.listedRefs);
  const countedSum = sum((entry) => entry.visibleInteractive);
  const observeMsSum = round(sum((entry) => entry.observeMs.median), 1);
  const ariaSnapshotMsSum = round(sum((entry) => entry.ariaSnapshotMs.median), 1);
  const builds = results.map((entry) => entry.buildMs.median);
  return {
    pages: results,
    errors,
    buildMsMedianOfMedians: round(median(builds)),
    buildMsP90OfMedians: round(p90(builds)),
    worstBuildMedian: { page: worst.page, ms: worst.buildMs.median },
    oursTokens: sum((entry) => entry.oursTokens),
    oursOutlineTokens: sum((entry) => entry.oursOutlineTokens),
    playwrightTokens: sum((entry) => entry.playwrightTokens),
    playwrightAiTokens: sum((entry) => entry.playwrightAiTokens),
    ratioOfSums: round(sum((entry) => entry.oursTokens) / sum((entry) => entry.playwrightTokens), 3),
    medianRatio: round(median(results.map((entry) => entry.ratio)), 3),
    observeRatioMedian: round(median(results.map((entry) => entry.observeRatio)), 3),
    observeRatioOfSums: round(observeMsSum / ariaSnapshotMsSum, 3),
    observeMsSum,
    ariaSnapshotMsSum,
    worstObserveRatio: { page: slowest.page, ratio: slowest.observeRatio },
    listedRefs: listedSum,
    visibleInteractive: countedSum,
    visibleInViewport: sum((entry) => entry.visibleInViewport),
    coverage: round(listedSum / countedSum, 3),
    coverageCapped: round(sum((entry) => Math.min(entry.listedRefs, entry.visibleInteractive)) / countedSum, 3),
    shortPages: results
      .filter((entry) => entry.listedRefs < entry.visibleInteractive)
      .sort((a, b) => a.listedRefs / a.visibleInteractive - b.listedRefs / b.visibleInteractive)
      .map((entry) => ({ page: entry.page, listed: entry.listedRefs, counted: entry.visibleInteractive })),
  };
}
