import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Harness } from 'webwright/harness';
import type { FixtureServer } from '../test/support/server.ts';
import { countVisibleInteractive, listedRefs, OBSERVER_MARGIN } from './coverage.ts';
import { median, round, spread, type Spread } from './stats.ts';
import { tokens } from './tokens.ts';

// The Observer on every fixture page: in-page build time, snapshot size in tokens against
// Playwright's ARIA snapshot of the same page, and how many of the visible interactive elements
// in the viewport the snapshot lists with a ref.

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

export interface ObserverPage {
  page: string;
  buildMs: Spread;
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
  buildMsMedianOfMedians: number;
  worstBuildMedian: { page: string; ms: number };
  oursTokens: number;
  oursOutlineTokens: number;
  playwrightTokens: number;
  playwrightAiTokens: number;
  ratioOfSums: number;
  medianRatio: number;
  listedRefs: number;
  visibleInteractive: number;
  visibleInViewport: number;
  coverage: number;
}

export async function measureObserver(harness: Harness, server: FixtureServer, repeats = 5): Promise<ObserverResult> {
  const page = await harness.context.newPage();
  // One tab, as a person usually has it: with more, the snapshot starts with a line listing them.
  for (const other of harness.context.pages()) if (other !== page) await other.close();
  const results: ObserverPage[] = [];
  try {
    for (const path of fixturePages()) {
      await page.goto(server.url(path));
      await page.waitForLoadState('load');
      const builds: number[] = [];
      let text = '';
      let truncated = false;
      for (let run = 0; run < repeats; run++) {
        const observation = await harness.observation(page);
        builds.push(observation.buildMs ?? Number.NaN);
        text = observation.text;
        truncated = observation.truncated;
      }
      const aria = await page.locator('body').ariaSnapshot();
      const ariaAi = await page.locator('body').ariaSnapshot({ mode: 'ai' });
      const counted = await countVisibleInteractive(page, OBSERVER_MARGIN);
      const strict = await countVisibleInteractive(page);
      const listed = listedRefs(text);
      const oursTokens = tokens(text);
      const playwrightTokens = tokens(aria);
      results.push({
        page: path.replace(/^\//, ''),
        buildMs: spread(builds),
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
      });
    }
  } finally {
    await page.close();
  }
  const sum = (pick: (entry: ObserverPage) => number) => results.reduce((total, entry) => total + pick(entry), 0);
  const worst = results.reduce((a, b) => (b.buildMs.median > a.buildMs.median ? b : a));
  const listedSum = sum((entry) => entry.listedRefs);
  const countedSum = sum((entry) => entry.visibleInteractive);
  return {
    pages: results,
    buildMsMedianOfMedians: round(median(results.map((entry) => entry.buildMs.median))),
    worstBuildMedian: { page: worst.page, ms: worst.buildMs.median },
    oursTokens: sum((entry) => entry.oursTokens),
    oursOutlineTokens: sum((entry) => entry.oursOutlineTokens),
    playwrightTokens: sum((entry) => entry.playwrightTokens),
    playwrightAiTokens: sum((entry) => entry.playwrightAiTokens),
    ratioOfSums: round(sum((entry) => entry.oursTokens) / sum((entry) => entry.playwrightTokens), 3),
    medianRatio: round(median(results.map((entry) => entry.ratio)), 3),
    listedRefs: listedSum,
    visibleInteractive: countedSum,
    visibleInViewport: sum((entry) => entry.visibleInViewport),
    coverage: round(listedSum / countedSum, 3),
  };
}
