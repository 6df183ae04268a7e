import { cpus } from 'node:os';
import { test } from '@playwright/test';
import { launch } from 'webwright/harness';
import { startFixtureServer } from '../test/support/server.ts';
import { snapshotDist } from './dist-snapshot.ts';
import { measureBundle } from './measure-bundle.ts';
import { measureAccuracy, measureActTimings } from './measure-grounding.ts';
import { measurePlanner } from './measure-planner.ts';
import { measureMemory } from './measure-memory.ts';
import { measureObserver } from './measure-observer.ts';
import { measureScale } from './measure-scale.ts';
import { generatePage, servePages } from './pages.ts';
import { buildNotes, buildRows, targets, type Measurements } from './report.ts';
import { formatTable, saveResults } from './table.ts';
import { TOKENIZER } from './tokens.ts';

// `npm run bench`: every measurement side by side in one run and one browser, printed as one
// table and saved to bench/results/. Timings are printed, never asserted.

const SIZES = [1_000, 5_000, 20_000, 50_000];

test('webwright bench', async () => {
  const started = Date.now();
  const dist = await snapshotDist();
  const bundle = measureBundle(dist.path);
  const generated = SIZES.map(generatePage);
  const server = await startFixtureServer();
  const pageServer = await servePages(generated);
  const harness = await launch({ extensionPath: dist.path });
  let measurements: Measurements;
  let browserVersion: string;
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const start = Date.now();
    try {
      return await run();
    } finally {
      phases[name] = Math.round((Date.now() - start) / 100) / 10;
    }
  };
  try {
    const probe = await harness.context.newPage();
    browserVersion = await probe.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
    await probe.close();
    const observer = await phase('observer', () => measureObserver(harness, server));
    const { result: accuracy } = await phase('accuracy', () => measureAccuracy(harness, server));
    const actTimings = await phase('act timings', () => measureActTimings(harness, server));
    const scale = await phase('scale', () => measureScale(harness, pageServer, generated));
    const planner = await phase('planner', () => measurePlanner(harness, server));
    const memory = await phase('memory', () => measureMemory(harness, pageServer.url(SIZES[SIZES.length - 1] ?? 50_000)));
    measurements = { observer, accuracy, actTimings, scale, memory, bundle, planner };
  } finally {
    await harness.close();
    await pageServer.close();
    await server.close();
    dist.remove();
  }

  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const rows = buildRows(measurements);
  const notes = [
    ...buildNotes(measurements),
    `Run: ${new Date(started).toISOString()}, ${seconds} s (${Object.entries(phases).map(([name, s]) => `${name} ${s} s`).join(', ')}); ${browserVersion}, Node ${process.version}, ${cpus().length} cores.`,
  ];
  const paths = saveResults({ date: new Date(started).toISOString(), durationSeconds: seconds, phases, environment: { browser: browserVersion, node: process.version, cores: cpus().length }, tokenizer: TOKENIZER, targets, rows, notes, measurements }, new Date(started));
  console.log(`\n${formatTable(rows, notes)}\nSaved ${paths.join(' and ')}\n`);
});
