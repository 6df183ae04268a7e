import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { test } from '@playwright/test';
import { launch } from 'webwright/harness';
import { startFixtureServer } from '../test/support/server.ts';
import { snapshotDist } from './dist-snapshot.ts';
import { measureBundle } from './measure-bundle.ts';
import { measureAccuracy, measureActTimings } from './measure-grounding.ts';
import { measureMiniwob } from './measure-miniwob.ts';
import { measurePlanner } from './measure-planner.ts';
import { measureMemory } from './measure-memory.ts';
import { fixturePagesAt, measureObserver } from './measure-observer.ts';
import { measureScale } from './measure-scale.ts';
import { benchOptions, type Section } from './options.ts';
import { generatePage, servePages } from './pages.ts';
import { blockOtherHosts, serveRealPages } from './realpages.ts';
import { buildNotes, buildRows, targets, type Measurements } from './report.ts';
import { formatTable, saveResults } from './table.ts';
import { TOKENIZER } from './tokens.ts';

// `npm run bench`: every measurement side by side in one run and one browser, printed as one
// table and saved to bench/results/. Timings are printed, never asserted. bench/run.mjs passes
// the flags (--only, --skip, --miniwob-seeds...) through the environment: see bench/options.ts.

const SIZES = [1_000, 5_000, 20_000, 50_000];
const options = benchOptions();

/** The saved real pages the observer rows will load. */
function realPageCount(): number {
  if (!options.run.has('realpages') || !options.realpages.found) return 0;
  return readdirSync(options.realpages.dir).filter((name) => name.endsWith('.html')).length;
}

/** The episodes the MiniWoB++ row will run, for the time the test may take: 58 tasks unless named. */
function miniwobEpisodes(): number {
  if (!options.run.has('miniwob') || !options.miniwob.found) return 0;
  const tasks = options.miniwob.tasks ? options.miniwob.tasks.split(',').length : 58;
  const seeds = options.miniwob.seeds.split(',').reduce((count, part) => {
    const [from = 0, to = from] = part.split('-').map(Number);
    return count + Math.max(1, to - from + 1);
  }, 0);
  return tasks * seeds;
}

test('webwright bench', async () => {
  // Ten minutes for the rest, 15 s a real page (1-5 s on a quiet machine) and a generous 5 s an
  // episode (the runner takes about 1.2 s).
  test.setTimeout(10 * 60_000 + realPageCount() * 15_000 + miniwobEpisodes() * 5_000);
  const started = Date.now();
  const dist = await snapshotDist();
  const wants = (section: Section) => options.run.has(section);
  const bundle = wants('bundle') ? measureBundle(dist.path) : undefined;
  const generated = wants('scale') || wants('memory') ? SIZES.map(generatePage) : [];
  const server = await startFixtureServer();
  const pageServer = await servePages(generated);
  const harness = await launch({ extensionPath: dist.path });
  const measurements: Measurements = bundle ? { bundle } : {};
  let browserVersion: string;
  const phases: Record<string, number> = {};
  // A section that throws is reported as failed with its error; the others still run and print.
  const failed: Record<string, string> = {};
  const phase = async <T>(name: Section, run: () => Promise<T>): Promise<T | undefined> => {
    if (!wants(name)) return undefined;
    const start = Date.now();
    try {
      return await run();
    } catch (error) {
      failed[name] = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      return undefined;
    } finally {
      phases[name] = Math.round((Date.now() - start) / 100) / 10;
    }
  };
  try {
    const probe = await harness.context.newPage();
    browserVersion = await probe.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
    await probe.close();
    measurements.observer = await phase('observer', () => measureObserver(harness, fixturePagesAt(server)));
    measurements.realpages = await phase('realpages', async () => {
      if (!options.realpages.found) return { skipped: `skipped: ${options.realpages.dir} not found (set REALPAGES_DIR or --realpages-dir)` };
      const real = await serveRealPages(options.realpages.dir);
      try {
        // Three turns each, not five: 90 pages, some of them heavy.
        const progress = (done: number, total: number) => {
          if (done % 10 === 0 || done === total) console.log(`  real pages: ${done}/${total}`);
        };
        return await measureObserver(harness, real.pages, { repeats: 3, prepare: blockOtherHosts, progress });
      } finally {
        await real.close();
      }
    });
    measurements.accuracy = (await phase('grounding', () => measureAccuracy(harness, server)))?.result;
    measurements.actTimings = await phase('act', () => measureActTimings(harness, server));
    measurements.scale = await phase('scale', () => measureScale(harness, pageServer, generated));
    measurements.planner = await phase('planner', () => measurePlanner(harness, server));
    measurements.memory = await phase('memory', () => measureMemory(harness, pageServer.url(SIZES[SIZES.length - 1] ?? 50_000)));
    // Last, in a browser of its own (the runner launches it): the bench's browser is idle meanwhile.
    measurements.miniwob = await phase('miniwob', async () => {
      if (!options.miniwob.found) return { ran: false, reason: `skipped: ${options.miniwob.dir} not found (set MINIWOB_DIR or --miniwob-dir)` };
      return measureMiniwob(options.miniwob.dir, { seeds: options.miniwob.seeds, ...(options.miniwob.tasks ? { tasks: options.miniwob.tasks } : {}), extensionPath: dist.path });
    });
  } finally {
    await harness.close();
    await pageServer.close();
    await server.close();
    dist.remove();
  }

  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const rows = [...buildRows(measurements), ...Object.entries(failed).map(([name, error]) => ({ section: 'Sections that failed', item: name, figure: error }))];
  const notes = [
    ...buildNotes(measurements),
    `Run: ${new Date(started).toISOString()}, ${seconds} s (${Object.entries(phases).map(([name, s]) => `${name} ${s} s`).join(', ')}); ${browserVersion}, Node ${process.version}, ${cpus().length} cores${options.partial ? `; only ${[...options.run].join(', ')}` : ''}.`,
  ];
  const report = { date: new Date(started).toISOString(), durationSeconds: seconds, sections: [...options.run], failed, phases, environment: { browser: browserVersion, node: process.version, cores: cpus().length }, tokenizer: TOKENIZER, targets, rows, notes, measurements };
  const paths = saveResults(report, new Date(started), options.partial);
  console.log(`\n${formatTable(rows, notes)}\nSaved ${paths.join(' and ')}\n`);
});
