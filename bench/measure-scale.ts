import type { Page } from '@playwright/test';
import type { Harness } from 'webwright/harness';
import { sameElement } from '../test/support/cases.ts';
import type { GeneratedPage, PageServer } from './pages.ts';
import { logLogSlope, round, spread, timed, type Spread } from './stats.ts';
import { tokens } from './tokens.ts';

// The Observer and the Grounder on large generated pages: how their cost grows with the page.

export interface ScaleRow {
  size: number;
  elements: number;
  loadMs: number;
  buildMs: Spread;
  observeRoundTripMs: Spread;
  snapshotTokens: number;
  target: string;
  targetKind: string;
  targetCorrect: boolean;
  /** In-page grounding time: ActResult.timings.ground of a hover on the target. */
  targetGroundMs: Spread;
  ambiguousKind: string;
  ambiguousGroundMs: Spread;
}

export interface ScaleResult {
  rows: ScaleRow[];
  /** k in time ~ elements^k, from the log-log slope over all sizes. */
  exponents: { build: number; targetGround: number; ambiguousGround: number };
}

async function targetBox(page: Page, product: string) {
  return page.locator(`[data-bench-add="${product.replace('Product ', '')}"]`).boundingBox();
}

export async function measureScale(harness: Harness, server: PageServer, pages: GeneratedPage[], observeRepeats = 5, groundRepeats = 3): Promise<ScaleResult> {
  const rows: ScaleRow[] = [];
  const page = await harness.context.newPage();
  try {
    for (const generated of pages) {
      const load = await timed(async () => {
        await page.goto(server.url(generated.size));
        await page.waitForLoadState('load');
      });
      const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
      const builds: number[] = [];
      const observeTrips: number[] = [];
      let text = '';
      for (let run = 0; run < observeRepeats; run++) {
        const { value, ms } = await timed(() => harness.observation(page));
        builds.push(value.buildMs ?? Number.NaN);
        observeTrips.push(ms);
        text = value.text;
      }

      const target = `the Add to cart button under '${generated.targetProduct}'`;
      const targetGround: number[] = [];
      let targetKind = '';
      let targetCorrect = false;
      for (let run = 0; run < groundRepeats; run++) {
        await page.evaluate(() => window.scrollTo(0, 0));
        // The box the grounder reports is taken before the hover scrolls the element into view.
        const expected = await targetBox(page, generated.targetProduct);
        // A hover grounds, then only moves the pointer: ActResult.timings.ground is the in-page grounding time.
        const acted = await harness.act(page, { action: 'hover', target });
        targetKind = acted.kind === 'no-effect' ? 'ok' : acted.kind;
        if (acted.timings?.ground !== undefined) targetGround.push(acted.timings.ground);
        targetCorrect = Boolean(acted.ok && expected && acted.element && sameElement(expected, acted.element.box));
      }

      const ambiguous = 'the Add to cart button';
      const ambiguousGround: number[] = [];
      let ambiguousKind = '';
      for (let run = 0; run < groundRepeats; run++) {
        // An ambiguous target stops after grounding: act reports the grounding time and acts on nothing.
        const acted = await harness.act(page, { action: 'click', target: ambiguous });
        ambiguousKind = acted.kind;
        if (acted.timings?.ground !== undefined) ambiguousGround.push(acted.timings.ground);
      }

      rows.push({
        size: generated.size,
        elements,
        loadMs: round(load.ms, 0),
        buildMs: spread(builds),
        observeRoundTripMs: spread(observeTrips),
        snapshotTokens: tokens(text),
        target,
        targetKind,
        targetCorrect,
        targetGroundMs: spread(targetGround),
        ambiguousKind,
        ambiguousGroundMs: spread(ambiguousGround),
      });
    }
  } finally {
    await page.close();
  }
  const slope = (pick: (row: ScaleRow) => number) => round(logLogSlope(rows.map((row) => ({ x: row.elements, y: pick(row) }))));
  return {
    rows,
    exponents: {
      build: slope((row) => row.buildMs.median),
      targetGround: slope((row) => row.targetGroundMs.median),
      ambiguousGround: slope((row) => row.ambiguousGroundMs.median),
    },
  };
}
