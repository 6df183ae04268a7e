import type { Page } from '@playwright/test';
import type { Harness } from 'webwright/harness';
import { findExpected, loadCaseFiles, runSetup, sameElement, type CaseFile, type GroundingCase } from '../test/support/cases.ts';
import type { FixtureServer } from '../test/support/server.ts';
import { round, spread, timed, type Spread } from './stats.ts';

// Grounding accuracy on every case, judged as test/e2e/grounding-cases.spec.ts judges it, and
// the in-extension cost of grounding and acting on a sample of element cases.

type ExpectKind = 'element' | 'ambiguous' | 'not-found';

export interface CaseOutcome {
  id: string;
  lang: string;
  /** The case's setup removes the element it would otherwise name; the answer must be not-found. */
  removed: boolean;
  expected: ExpectKind;
  got: string;
  pass: boolean;
  known: boolean;
  ms: number;
}

export interface AccuracyResult {
  total: number;
  passed: number;
  accuracy: number;
  byKind: Record<ExpectKind, { total: number; passed: number; accuracy: number }>;
  /** Top-1 by the language of the case file ("lang", default "en"). */
  byLang: Record<string, Rate>;
  removed: Rate & { wrongActions: number };
  /** Cases expecting ambiguous or not-found that came back ok: the grounder would have acted. */
  wrongActions: number;
  wrongActionIds: string[];
  failing: { id: string; expected: ExpectKind; got: string; known: boolean }[];
  roundTripMs: Spread;
}

interface Rate {
  total: number;
  passed: number;
  accuracy: number;
}

const rate = (outcomes: CaseOutcome[]): Rate => {
  const passed = outcomes.filter((outcome) => outcome.pass).length;
  return { total: outcomes.length, passed, accuracy: round(passed / Math.max(1, outcomes.length), 4) };
};

/** A case file's language: "lang" at its top, English when absent. */
const langOf = (file: CaseFile): string => (file as CaseFile & { lang?: string }).lang ?? 'en';

/**
 * A setup step that takes an element out of the page: a { "remove": selector } step, or a click on
 * a control that removes or deletes (a cart line's Remove button, a to-do's 删除).
 */
const removesElement = (entry: GroundingCase): boolean =>
  (entry.setup ?? []).some((step) => Object.keys(step).some((key) => /^remove/i.test(key)) || ('click' in step && /remove|delete|删除/i.test(step.click)));

const expectedKind = (entry: GroundingCase): ExpectKind => ('element' in entry.expect ? 'element' : entry.expect.kind);

type Judged = Omit<CaseOutcome, 'id' | 'lang' | 'removed' | 'expected' | 'known'>;

async function judge(harness: Harness, page: Page, entry: GroundingCase): Promise<Judged> {
  const { value: report, ms } = await timed(() => harness.ground(page, entry.intent));
  if ('kind' in entry.expect) return { got: report.kind, pass: report.kind === entry.expect.kind, ms };
  if (report.kind !== 'ok') return { got: report.kind, pass: false, ms };
  const expected = await findExpected(page, entry.expect.element);
  const box = report.element?.box;
  const pass = Boolean(expected && box && sameElement(expected.box, box));
  return { got: pass ? 'ok' : `ok: other element ${report.element?.role ?? ''} "${report.element?.name ?? ''}"`, pass, ms };
}

export async function measureAccuracy(harness: Harness, server: FixtureServer): Promise<{ result: AccuracyResult; outcomes: CaseOutcome[] }> {
  const outcomes: CaseOutcome[] = [];
  const page = await harness.context.newPage();
  let loadedKey = '';
  try {
    for (const file of loadCaseFiles()) {
      for (const entry of file.cases) {
        // Grounding does not change the page, so cases sharing a page and setup share one load.
        const url = server.url(entry.page);
        const key = `${url} ${JSON.stringify(entry.setup ?? [])}`;
        if (key !== loadedKey) {
          await page.goto(url);
          await page.waitForLoadState('load');
          await runSetup(page, entry.setup);
          loadedKey = key;
        }
        let outcome: Judged;
        try {
          outcome = await judge(harness, page, entry);
        } catch (error) {
          outcome = { got: `error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, pass: false, ms: Number.NaN };
          loadedKey = '';
        }
        outcomes.push({ id: entry.id, lang: langOf(file), removed: expectedKind(entry) === 'not-found' && removesElement(entry), expected: expectedKind(entry), known: entry.known !== undefined, ...outcome });
      }
    }
  } finally {
    await page.close();
  }
  const byKind = {} as AccuracyResult['byKind'];
  for (const kind of ['element', 'ambiguous', 'not-found'] as const) {
    const ofKind = outcomes.filter((outcome) => outcome.expected === kind);
    const passed = ofKind.filter((outcome) => outcome.pass).length;
    byKind[kind] = { total: ofKind.length, passed, accuracy: round(passed / Math.max(1, ofKind.length), 4) };
  }
  const byLang: Record<string, Rate> = {};
  for (const lang of [...new Set(['en', ...outcomes.map((outcome) => outcome.lang)])]) byLang[lang] = rate(outcomes.filter((outcome) => outcome.lang === lang));
  const removed = outcomes.filter((outcome) => outcome.removed);
  const wrong = outcomes.filter((outcome) => outcome.expected !== 'element' && outcome.got === 'ok');
  const passed = outcomes.filter((outcome) => outcome.pass).length;
  return {
    outcomes,
    result: {
      total: outcomes.length,
      passed,
      accuracy: round(passed / outcomes.length, 4),
      byKind,
      byLang,
      removed: { ...rate(removed), wrongActions: removed.filter((outcome) => outcome.got === 'ok').length },
      wrongActions: wrong.length,
      wrongActionIds: wrong.map((outcome) => outcome.id),
      failing: outcomes.filter((outcome) => !outcome.pass).map(({ id, expected, got, known }) => ({ id, expected, got, known })),
      roundTripMs: spread(outcomes.map((outcome) => outcome.ms).filter((ms) => Number.isFinite(ms))),
    },
  };
}

export interface ActTimingResult {
  sampled: string[];
  /** Samples whose result carried timings (a target ambiguous across frames carries none). */
  timed: number;
  ground: Spread;
  act: Spread;
  overhead: Spread;
  settle: Spread;
}

/** About `size` element cases whose intent is click/type/check/select, spread evenly over all files. */
export function actSample(size = 40): GroundingCase[] {
  const eligible = loadCaseFiles()
    .flatMap((file) => file.cases)
    .filter((entry) => 'element' in entry.expect && entry.known === undefined && ['click', 'type', 'check', 'select'].includes(entry.intent.action));
  const step = eligible.length / Math.min(size, eligible.length);
  return Array.from({ length: Math.min(size, eligible.length) }, (_, index) => eligible[Math.floor(index * step)]).filter((entry): entry is GroundingCase => entry !== undefined);
}

export async function measureActTimings(harness: Harness, server: FixtureServer, sample = actSample()): Promise<ActTimingResult> {
  const ground: number[] = [];
  const act: number[] = [];
  const overhead: number[] = [];
  const settle: number[] = [];
  const keep = new Set(harness.context.pages());
  for (const entry of sample) {
    // A fresh load for each: acting changes the page.
    const page = await harness.context.newPage();
    try {
      await page.goto(server.url(entry.page));
      await page.waitForLoadState('load');
      await runSetup(page, entry.setup);
      const result = await harness.act(page, entry.intent);
      const timings = result.timings;
      if (timings?.ground !== undefined && timings.act !== undefined) {
        ground.push(timings.ground);
        act.push(timings.act);
        overhead.push(timings.ground + timings.act);
        if (timings.settle !== undefined) settle.push(timings.settle);
      }
    } finally {
      for (const other of harness.context.pages()) if (!keep.has(other)) await other.close();
    }
  }
  return { sampled: sample.map((entry) => entry.id), timed: overhead.length, ground: spread(ground), act: spread(act), overhead: spread(overhead), settle: spread(settle) };
}
