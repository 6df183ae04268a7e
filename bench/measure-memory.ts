import type { Harness } from 'webwright/harness';
import { round } from './stats.ts';

// The content script's memory on a large page. It runs in an isolated world of the page's V8
// isolate, so the page's JS heap (Runtime.getHeapUsage covers the whole isolate, every world)
// grows by what building snapshots allocates and keeps.

export interface MemoryResult {
  url: string;
  observations: number;
  baselineMB: number;
  afterMB: number;
  afterGcMB: number;
  /** Heap growth right after the observations, garbage included. */
  deltaMB: number;
  /** Heap growth that survives a forced garbage collection: what the content script keeps. */
  retainedMB: number;
  jsHeapUsedDeltaMB: number;
}

const mb = (bytes: number) => round(bytes / 1024 / 1024, 2);

export async function measureMemory(harness: Harness, url: string, observations = 3): Promise<MemoryResult> {
  const page = await harness.context.newPage();
  try {
    await page.goto(url);
    await page.waitForLoadState('load');
    // Give the content script (loaded at document_idle) time to start before the baseline.
    await page.waitForTimeout(500);
    const cdp = await harness.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const jsHeapUsed = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    await cdp.send('HeapProfiler.collectGarbage');
    const baseline = await heap();
    const baselineMetric = await jsHeapUsed();
    for (let run = 0; run < observations; run++) await harness.observation(page);
    const after = await heap();
    const afterMetric = await jsHeapUsed();
    await cdp.send('HeapProfiler.collectGarbage');
    const afterGc = await heap();
    await cdp.detach();
    return {
      url,
      observations,
      baselineMB: mb(baseline),
      afterMB: mb(after),
      afterGcMB: mb(afterGc),
      deltaMB: mb(after - baseline),
      retainedMB: mb(afterGc - baseline),
      jsHeapUsedDeltaMB: mb(afterMetric - baselineMetric),
    };
  } finally {
    await page.close();
  }
}
