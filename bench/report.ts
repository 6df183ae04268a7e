import { OBSERVER_MARGIN } from './coverage.ts';
import type { BundlePart } from './measure-bundle.ts';
import type { AccuracyResult, ActTimingResult } from './measure-grounding.ts';
import type { MemoryResult } from './measure-memory.ts';
import type { ObserverResult } from './measure-observer.ts';
import type { PlannerResult } from './measure-planner.ts';
import type { ScaleResult } from './measure-scale.ts';
import type { Spread } from './stats.ts';
import type { Row } from './table.ts';
import { TOKENIZER } from './tokens.ts';

// Turns the measurements into the rows of the one printed table, each figure beside its target.

export interface Measurements {
  observer: ObserverResult;
  accuracy: AccuracyResult;
  actTimings: ActTimingResult;
  scale: ScaleResult;
  memory: MemoryResult;
  bundle: BundlePart[];
  planner: PlannerResult;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const pct = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : 'n/a');
const timing = (spread: Spread) => `${ms(spread.median)} ms (p90 ${ms(spread.p90)}, n=${spread.n})`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export const targets = {
  buildMs: 25,
  tokenRatio: 0.6,
  accuracy: 0.97,
  wrongActions: 0,
  overheadMs: 30,
  stepOverheadMs: 150,
};

function plannerRows({ planner }: Measurements): Row[] {
  const section = `Run loop, scripted model (${planner.steps} steps)`;
  return [
    { section, item: 'overhead per step (all but the model)', figure: timing(planner.overhead), target: `median < ${targets.stepOverheadMs} ms`, met: planner.overhead.median < targets.stepOverheadMs },
    { section, item: 'observe (with screenshot)', figure: timing(planner.observe) },
    { section, item: 'ground + act', figure: timing(planner.act) },
    { section, item: 'prompt tokens per step', figure: `${planner.promptTokens.median} (p90 ${planner.promptTokens.p90})` },
  ];
}

function observerRows({ observer }: Measurements): Row[] {
  const rows: Row[] = [];
  const build = 'Observer build ms';
  for (const page of observer.pages) {
    rows.push({ section: build, item: page.page, figure: timing(page.buildMs), target: `median < ${targets.buildMs} ms`, met: page.buildMs.median < targets.buildMs });
  }
  rows.push({ section: build, item: 'all pages', figure: `median of medians ${ms(observer.buildMsMedianOfMedians)} ms; worst ${observer.worstBuildMedian.page} ${ms(observer.worstBuildMedian.ms)} ms`, target: `every median < ${targets.buildMs} ms`, met: observer.pages.every((page) => page.buildMs.median < targets.buildMs) });

  const size = `Tokens vs PW ariaSnapshot, ${TOKENIZER.replace(/[()]/g, '')}`;
  for (const page of observer.pages) {
    rows.push({ section: size, item: page.page, figure: `${page.oursTokens} vs ${page.playwrightTokens} = ${pct(page.ratio)}${page.truncated ? ' (ours truncated)' : ''} [outline only ${page.oursOutlineTokens}; PW ai mode ${page.playwrightAiTokens}]`, target: `<= ${pct(targets.tokenRatio)}`, met: page.ratio <= targets.tokenRatio });
  }
  rows.push({ section: size, item: 'ratio of sums', figure: `${observer.oursTokens} vs ${observer.playwrightTokens} = ${pct(observer.ratioOfSums)} [outline only ${observer.oursOutlineTokens} = ${pct(observer.oursOutlineTokens / observer.playwrightTokens)}; PW ai mode ${observer.playwrightAiTokens}]`, target: `<= ${pct(targets.tokenRatio)}`, met: observer.ratioOfSums <= targets.tokenRatio });
  rows.push({ section: size, item: 'median ratio', figure: pct(observer.medianRatio), target: `<= ${pct(targets.tokenRatio)}`, met: observer.medianRatio <= targets.tokenRatio });

  const coverage = `Observer coverage, viewport +/-${OBSERVER_MARGIN} px`;
  for (const page of observer.pages) {
    rows.push({ section: coverage, item: page.page, figure: `${page.listedRefs} refs listed / ${page.visibleInteractive} visible interactive = ${pct(page.coverage)} (strict viewport: ${page.visibleInViewport})` });
  }
  rows.push({ section: coverage, item: 'all pages', figure: `${observer.listedRefs} / ${observer.visibleInteractive} = ${pct(observer.coverage)} (strict viewport: ${observer.visibleInViewport})` });
  return rows;
}

function scaleRows({ scale }: Measurements): Row[] {
  const section = 'Scale: generated pages';
  const rows: Row[] = [];
  for (const row of scale.rows) {
    const item = `${row.size / 1000}k (${row.elements} elements)`;
    rows.push({ section, item, figure: `observe build ${timing(row.buildMs)}; round trip ${ms(row.observeRoundTripMs.median)} ms; snapshot ${row.snapshotTokens} tokens` });
    rows.push({ section, item: '', figure: `ground "${row.target}": ${timing(row.targetGroundMs)} in page; ${row.targetKind}${row.targetKind === 'ok' ? (row.targetCorrect ? ', right element' : ', WRONG element') : ''}`, target: 'right element', met: row.targetCorrect });
    rows.push({ section, item: '', figure: `ground "the Add to cart button": ${timing(row.ambiguousGroundMs)} in page; ${row.ambiguousKind}`, target: 'ambiguous', met: row.ambiguousKind === 'ambiguous' });
  }
  const { build, targetGround, ambiguousGround } = scale.exponents;
  rows.push({ section, item: 'growth exponent k', figure: `time ~ elements^k (log-log slope; 1 = linear): observe build k=${build}, ground target k=${targetGround}, ground ambiguous k=${ambiguousGround}` });
  return rows;
}

function groundingRows({ accuracy, actTimings }: Measurements): Row[] {
  const section = 'Grounding cases';
  const rows: Row[] = [
    { section, item: 'top-1 accuracy', figure: `${accuracy.passed} / ${accuracy.total} = ${pct(accuracy.accuracy)}`, target: `>= ${pct(targets.accuracy)}`, met: accuracy.accuracy >= targets.accuracy },
  ];
  for (const [kind, entry] of Object.entries(accuracy.byKind)) {
    rows.push({ section, item: `expects ${kind}`, figure: `${entry.passed} / ${entry.total} = ${pct(entry.accuracy)}` });
  }
  rows.push({ section, item: 'wrong actions', figure: `${accuracy.wrongActions} of the cases expecting ambiguous/not-found came back ok${accuracy.wrongActionIds.length ? `: ${accuracy.wrongActionIds.join(', ')}` : ''}`, target: `${targets.wrongActions}`, met: accuracy.wrongActions === targets.wrongActions });
  const known = accuracy.failing.filter((entry) => entry.known).length;
  rows.push({ section, item: 'failing cases', figure: accuracy.failing.length === 0 ? 'none' : `${accuracy.failing.map((entry) => `${entry.id}${entry.known ? '*' : ''}`).join(', ')} (${known} marked known*)` });
  rows.push({ section, item: 'harness.ground round trip', figure: timing(accuracy.roundTripMs) });
  const act = `In-extension act time (${actTimings.timed} of ${actTimings.sampled.length} sampled cases)`;
  rows.push({ section: act, item: 'ground + act overhead', figure: timing(actTimings.overhead), target: `median < ${targets.overheadMs} ms`, met: actTimings.overhead.median < targets.overheadMs });
  rows.push({ section: act, item: 'ground', figure: timing(actTimings.ground) });
  rows.push({ section: act, item: 'act', figure: timing(actTimings.act) });
  rows.push({ section: act, item: 'settle (excluded)', figure: timing(actTimings.settle) });
  return rows;
}

function resourceRows({ bundle, memory }: Measurements): Row[] {
  const rows: Row[] = bundle.map((part) => ({ section: 'Bundle (dist/)', item: part.part, figure: `${kb(part.rawBytes)} raw, ${kb(part.gzipBytes)} gzip (${part.files.length} files)` }));
  const section = 'Memory, 50k page';
  rows.push({ section, item: `${memory.observations} observations`, figure: `page JS heap ${memory.baselineMB} -> ${memory.afterMB} MB (+${memory.deltaMB} MB); after GC ${memory.afterGcMB} MB (retained +${memory.retainedMB} MB)` });
  rows.push({ section, item: 'JSHeapUsedSize delta', figure: `+${memory.jsHeapUsedDeltaMB} MB (Performance.getMetrics, no GC)` });
  return rows;
}

export function buildRows(measurements: Measurements): Row[] {
  return [...observerRows(measurements), ...scaleRows(measurements), ...groundingRows(measurements), ...plannerRows(measurements), ...resourceRows(measurements)];
}

export function buildNotes(measurements: Measurements): string[] {
  return [
    `Tokens counted with ${TOKENIZER}. Ours = harness.observe text with default options (off-screen content summarised); Playwright = page.locator('body').ariaSnapshot() of the whole page, same load (default mode leaves iframes out; "PW ai mode" = ariaSnapshot({ mode: 'ai' }), with refs and iframes). "outline only" drops our header lines (title, URL, viewport). One tab open, so no tab list line.`,
    'Build ms = Observation.buildMs, the top frame\'s in-page build time (frames stitched in are built in their own content scripts and not included).',
    `Coverage compares the refs our snapshot lists with an independent Playwright count of visible (checkVisibility), non-zero-size interactive elements (native controls and ARIA widget roles), every frame and open shadow root included. Our snapshot summarises off-screen content, so only the part it lists in full is compared: the viewport and ${OBSERVER_MARGIN} px above and below it (the Observer's own band). Over 100% means we list elements the count does not (clickable labels, elements with click handlers).`,
    'Act overhead = ActResult.timings.ground + timings.act on a fresh load; settle (waiting for the page to react) is excluded. Round trips include Node <-> service worker <-> content script messaging.',
    `Scale grounding in page = ActResult.timings.ground of a hover on the target (nothing changes) and of a click on the ambiguous target (stops after grounding); ${measurements.scale.rows.length} sizes, medians over repeats.`,
    'Memory = Runtime.getHeapUsage of the page\'s V8 isolate, which holds the page\'s main world and the content script\'s isolated world; baseline after load and GC, so the delta is what building the snapshots allocated (and, after GC, kept).',
  ];
}
