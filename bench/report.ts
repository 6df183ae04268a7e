import { ESCALATE_BELOW_CONFIDENCE } from '../src/shared/escalation.ts';
import { OBSERVER_MARGIN } from './coverage.ts';
import type { BundlePart } from './measure-bundle.ts';
import type { AccuracyResult, ActTimingResult } from './measure-grounding.ts';
import type { MemoryResult } from './measure-memory.ts';
import type { MiniwobResult } from './measure-miniwob.ts';
import type { ObserverResult } from './measure-observer.ts';
import type { PlannerResult } from './measure-planner.ts';
import type { ScaleResult } from './measure-scale.ts';
import type { Spread } from './stats.ts';
import type { Row } from './table.ts';
import { TOKENIZER } from './tokens.ts';

// Turns the measurements into the rows of the one printed table, each figure beside its target.

/** A row that could not be measured in this run, and why. */
export interface Skipped {
  skipped: string;
}

/** What one run measured: a section left out by --only or --skip is absent. */
export interface Measurements {
  observer?: ObserverResult;
  realpages?: ObserverResult | Skipped;
  accuracy?: AccuracyResult;
  actTimings?: ActTimingResult;
  scale?: ScaleResult;
  memory?: MemoryResult;
  bundle?: BundlePart[];
  planner?: PlannerResult;
  miniwob?: MiniwobResult;
}

const isSkipped = (value: object): value is Skipped => 'skipped' in value;

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
  realBuildMs: 15,
  observeRatio: 0.5,
  coverage: 0.99,
  miniwobEpisodes: 0.995,
  miniwobTask: 0.95,
};

function plannerRows({ planner }: Measurements): Row[] {
  if (!planner) return [];
  const section = `Run loop, scripted model (${planner.steps} steps)`;
  return [
    { section, item: 'overhead per step (all but the model)', figure: timing(planner.overhead), target: `median < ${targets.stepOverheadMs} ms`, met: planner.overhead.median < targets.stepOverheadMs },
    { section, item: 'observe (with screenshot)', figure: timing(planner.observe) },
    { section, item: 'ground + act', figure: timing(planner.act) },
    { section, item: 'prompt tokens per step', figure: `${planner.promptTokens.median} (p90 ${planner.promptTokens.p90})` },
  ];
}

function observerRows({ observer }: Measurements): Row[] {
  if (!observer) return [];
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
  rows.push(observeTimeRow('Observe time vs PW ariaSnapshot', observer));

  const coverage = `Observer coverage, viewport +/-${OBSERVER_MARGIN} px`;
  for (const page of observer.pages) {
    rows.push({ section: coverage, item: page.page, figure: `${page.listedRefs} refs listed / ${page.visibleInteractive} visible interactive = ${pct(page.coverage)} (strict viewport: ${page.visibleInViewport})` });
  }
  rows.push({ section: coverage, item: 'all pages', figure: `${observer.listedRefs} / ${observer.visibleInteractive} = ${pct(observer.coverage)} (strict viewport: ${observer.visibleInViewport})` });
  return rows;
}

function observeTimeRow(section: string, result: ObserverResult): Row {
  return {
    section,
    item: 'harness observe / ariaSnapshot()',
    figure: `median page ratio ${result.observeRatioMedian}x; summed medians ${ms(result.observeMsSum)} vs ${ms(result.ariaSnapshotMsSum)} ms = ${result.observeRatioOfSums}x; highest ${result.worstObserveRatio.page} ${result.worstObserveRatio.ratio}x`,
    target: `<= ${targets.observeRatio}x`,
    met: result.observeRatioMedian <= targets.observeRatio,
  };
}

function realPageRows({ realpages }: Measurements): Row[] {
  if (!realpages) return [];
  if (isSkipped(realpages)) return [{ section: 'Real pages: observer', item: 'skipped', figure: realpages.skipped }];
  const section = `Real pages: observer (${realpages.pages.length} pages)`;
  const short = realpages.shortPages.slice(0, 5).map((entry) => `${entry.page} ${entry.listed}/${entry.counted}`);
  const rows: Row[] = [
    { section, item: 'in-page build ms', figure: `median over pages ${ms(realpages.buildMsMedianOfMedians)} ms, p90 ${ms(realpages.buildMsP90OfMedians)} ms; worst ${realpages.worstBuildMedian.page} ${ms(realpages.worstBuildMedian.ms)} ms`, target: `median <= ${targets.realBuildMs} ms`, met: realpages.buildMsMedianOfMedians <= targets.realBuildMs },
    observeTimeRow(section, realpages),
    { section, item: `tokens vs PW ariaSnapshot`, figure: `${realpages.oursTokens} vs ${realpages.playwrightTokens} = ${pct(realpages.ratioOfSums)}; median page ${pct(realpages.medianRatio)}; ${realpages.pages.filter((page) => page.truncated).length} snapshots truncated [PW ai mode ${realpages.playwrightAiTokens}]`, target: `<= ${pct(targets.tokenRatio)}`, met: realpages.ratioOfSums <= targets.tokenRatio },
    {
      section,
      item: `coverage, viewport +/-${OBSERVER_MARGIN} px`,
      figure: `${pct(realpages.coverageCapped)} (each page capped at its count); ${realpages.listedRefs} listed / ${realpages.visibleInteractive} counted = ${pct(realpages.coverage)}; ${realpages.shortPages.length} pages short${short.length ? `: ${short.join(', ')}` : ''}`,
      target: `>= ${pct(targets.coverage)}`,
      met: realpages.coverageCapped >= targets.coverage,
    },
  ];
  if (realpages.errors.length > 0) rows.push({ section, item: 'not measured', figure: realpages.errors.map((entry) => `${entry.page}: ${entry.error}`).join('; ') });
  return rows;
}

function miniwobRows({ miniwob }: Measurements): Row[] {
  if (!miniwob) return [];
  if (!miniwob.ran) return [{ section: 'MiniWoB++ through act()', item: 'skipped', figure: miniwob.reason }];
  const section = `MiniWoB++ via act(), seeds ${miniwob.seeds}`;
  const rows: Row[] = miniwob.tasks.map((task) => {
    const share = task.success / Math.max(1, task.episodes);
    return { section, item: task.task, figure: `${task.success}/${task.episodes} = ${pct(share)}`, target: `>= ${pct(targets.miniwobTask)}`, met: share >= targets.miniwobTask };
  });
  const atTarget = miniwob.tasks.filter((task) => task.success / Math.max(1, task.episodes) >= targets.miniwobTask).length;
  rows.push({ section, item: 'episodes', figure: `${miniwob.total.success}/${miniwob.total.episodes} = ${pct(miniwob.total.rate)} in ${miniwob.seconds} s`, target: `>= ${pct(targets.miniwobEpisodes)}`, met: miniwob.total.rate >= targets.miniwobEpisodes });
  rows.push({ section, item: 'tasks at target', figure: `${atTarget} of ${miniwob.tasks.length} tasks at >= ${pct(targets.miniwobTask)}`, target: 'every task', met: atTarget === miniwob.tasks.length });
  const { intents } = miniwob;
  const reasons = Object.entries(intents.byReason).map(([reason, count]) => `${reason} ${count}`).join(', ');
  rows.push({ section, item: 'would escalate', figure: `${intents.escalated} of ${intents.grounded} intents with a target = ${pct(intents.escalated / Math.max(1, intents.grounded))} (${reasons})${intents.okWithoutConfidence ? `; ${intents.okWithoutConfidence} ok answers carried no confidence` : ''}` });
  rows.push({ section, item: 'act() result kinds', figure: Object.entries(intents.kinds).sort((a, b) => b[1] - a[1]).map(([kind, count]) => `${kind} ${count}`).join(', ') });
  return rows;
}

function scaleRows({ scale }: Measurements): Row[] {
  if (!scale) return [];
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

function groundingRows({ accuracy }: Measurements): Row[] {
  if (!accuracy) return [];
  const section = 'Grounding cases';
  const rows: Row[] = [
    { section, item: 'top-1 accuracy', figure: `${accuracy.passed} / ${accuracy.total} = ${pct(accuracy.accuracy)}`, target: `>= ${pct(targets.accuracy)}`, met: accuracy.accuracy >= targets.accuracy },
  ];
  for (const [lang, entry] of Object.entries(accuracy.byLang)) {
    rows.push({ section, item: `top-1, ${lang}`, figure: entry.total === 0 ? `no ${lang} cases` : `${entry.passed} / ${entry.total} = ${pct(entry.accuracy)}`, target: `>= ${pct(targets.accuracy)}`, met: entry.total > 0 && entry.accuracy >= targets.accuracy });
  }
  const zh = accuracy.byLang.zh;
  const en = accuracy.byLang.en;
  rows.push(
    zh && en && zh.total > 0
      ? { section, item: 'Chinese vs English', figure: `zh ${pct(zh.accuracy)} vs en ${pct(en.accuracy)}`, target: 'zh >= en', met: zh.accuracy >= en.accuracy }
      : { section, item: 'Chinese vs English', figure: 'no case file with "lang": "zh"', target: 'zh >= en', met: false },
  );
  for (const [kind, entry] of Object.entries(accuracy.byKind)) {
    rows.push({ section, item: `expects ${kind}`, figure: `${entry.passed} / ${entry.total} = ${pct(entry.accuracy)}` });
  }
  rows.push({ section, item: 'wrong actions', figure: `${accuracy.wrongActions} of the cases expecting ambiguous/not-found came back ok${accuracy.wrongActionIds.length ? `: ${accuracy.wrongActionIds.join(', ')}` : ''}`, target: `${targets.wrongActions}`, met: accuracy.wrongActions === targets.wrongActions });
  const { removed } = accuracy;
  rows.push({ section, item: 'removed-target cases', figure: removed.total === 0 ? 'none (a setup that removes the element, and expect not-found)' : `${removed.passed} / ${removed.total} not-found; ${removed.wrongActions} came back ok on another element`, target: `${targets.wrongActions} wrong`, met: removed.total > 0 && removed.wrongActions === targets.wrongActions });
  const known = accuracy.failing.filter((entry) => entry.known).length;
  rows.push({ section, item: 'failing cases', figure: accuracy.failing.length === 0 ? 'none' : `${accuracy.failing.map((entry) => `${entry.id}${entry.known ? '*' : ''}`).join(', ')} (${known} marked known*)` });
  rows.push({ section, item: 'harness.ground round trip', figure: timing(accuracy.roundTripMs) });
  return rows;
}

function actRows({ actTimings }: Measurements): Row[] {
  if (!actTimings) return [];
  const rows: Row[] = [];
  const act = `In-extension act time (${actTimings.timed} of ${actTimings.sampled.length} sampled cases)`;
  rows.push({ section: act, item: 'ground + act overhead', figure: timing(actTimings.overhead), target: `median < ${targets.overheadMs} ms`, met: actTimings.overhead.median < targets.overheadMs });
  rows.push({ section: act, item: 'ground', figure: timing(actTimings.ground) });
  rows.push({ section: act, item: 'act', figure: timing(actTimings.act) });
  rows.push({ section: act, item: 'settle (excluded)', figure: timing(actTimings.settle) });
  return rows;
}

function resourceRows({ bundle = [], memory }: Measurements): Row[] {
  const rows: Row[] = bundle.map((part) => ({ section: 'Bundle (dist/)', item: part.part, figure: `${kb(part.rawBytes)} raw, ${kb(part.gzipBytes)} gzip (${part.files.length} files)` }));
  if (!memory) return rows;
  const section = 'Memory, 50k page';
  rows.push({ section, item: `${memory.observations} observations`, figure: `page JS heap ${memory.baselineMB} -> ${memory.afterMB} MB (+${memory.deltaMB} MB); after GC ${memory.afterGcMB} MB (retained +${memory.retainedMB} MB)` });
  rows.push({ section, item: 'JSHeapUsedSize delta', figure: `+${memory.jsHeapUsedDeltaMB} MB (Performance.getMetrics, no GC)` });
  return rows;
}

export function buildRows(measurements: Measurements): Row[] {
  return [
    ...miniwobRows(measurements),
    ...realPageRows(measurements),
    ...observerRows(measurements),
    ...scaleRows(measurements),
    ...groundingRows(measurements),
    ...actRows(measurements),
    ...plannerRows(measurements),
    ...resourceRows(measurements),
  ];
}

export function buildNotes(measurements: Measurements): string[] {
  const { observer, realpages, accuracy, actTimings, scale, memory, miniwob } = measurements;
  const observed = observer !== undefined || (realpages !== undefined && !isSkipped(realpages));
  return [
    miniwob?.ran
      ? `MiniWoB++ = ../shared/miniwob/run.mjs (or $MINIWOB_DIR) with --project bench/miniwob: the project's harness act() on every intent the runner's oracle writes, scored by MiniWoB's own reward; the targets are set for seeds 0-19 (npm run bench -- --miniwob-seeds 0-19). "Would escalate" applies escalationReason (src/shared/escalation.ts) to each act() result of an intent with a target: not-found, ambiguous, or ok below confidence ${ESCALATE_BELOW_CONFIDENCE}.`
      : undefined,
    observed
      ? `Tokens counted with ${TOKENIZER}. Ours = harness.observe text with default options (off-screen content summarised); Playwright = page.locator('body').ariaSnapshot() of the whole page, same load (default mode leaves iframes out; "PW ai mode" = ariaSnapshot({ mode: 'ai' }), with refs and iframes). "outline only" drops our header lines (title, URL, viewport). One tab open, so no tab list line.`
      : undefined,
    observed ? "Build ms = Observation.buildMs, the top frame's in-page build time (frames stitched in are built in their own content scripts and not included). Observe time = the harness.observation() round trip from Node (Node <-> service worker <-> content script, the build included) beside page.locator('body').ariaSnapshot() from Node, in turn on the same load, 5 times each on the fixture pages and 3 on the real pages; the ratio is of their medians." : undefined,
    observed
      ? `Coverage compares the refs our snapshot lists with an independent Playwright count of visible (checkVisibility), non-zero-size interactive elements (native controls and ARIA widget roles), every frame and open shadow root included. Our snapshot summarises off-screen content, so only the part it lists in full is compared: the viewport and ${OBSERVER_MARGIN} px above and below it (the Observer's own band). Over 100% means we list elements the count does not (clickable labels, elements with click handlers); on the real pages each page's listed refs are capped at its own count before summing.`
      : undefined,
    realpages && !isSkipped(realpages) ? 'Real pages = ../shared/realpages (or $REALPAGES_DIR), served as they are from 127.0.0.1; every request to another host is aborted, so remote scripts, images and fonts do not load.' : undefined,
    accuracy ? 'Grounding cases = test/fixtures/cases/*.json judged as the e2e grounding-cases test judges them; a file\'s "lang" (default "en") gives its language; removed-target cases expect not-found after their setup took the element out (a { "remove": selector } step, or a click on a Remove/Delete/删除 control).' : undefined,
    actTimings ? 'Act overhead = ActResult.timings.ground + timings.act on a fresh load; settle (waiting for the page to react) is excluded. Round trips include Node <-> service worker <-> content script messaging.' : undefined,
    scale ? `Scale grounding in page = ActResult.timings.ground of a hover on the target (nothing changes) and of a click on the ambiguous target (stops after grounding); ${scale.rows.length} sizes, medians over repeats.` : undefined,
    memory ? "Memory = Runtime.getHeapUsage of the page's V8 isolate, which holds the page's main world and the content script's isolated world; baseline after load and GC, so the delta is what building the snapshots allocated (and, after GC, kept)." : undefined,
  ].filter((note): note is string => note !== undefined);
}
