import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from '@playwright/test';
import type { IntentInput } from '../../src/shared/intent.ts';

// The grounding cases kept as data beside the fixture pages (test/fixtures/cases/<site>.json).

export type SetupStep = { click: string } | { fill: [string, string] } | { scroll: number } | { wait: number } | { remove: string };

export interface GroundingCase {
  id: string;
  page: string;
  setup?: SetupStep[];
  intent: IntentInput;
  expect: { element: string } | { kind: 'ambiguous' | 'not-found' };
  /** A shortfall the grounder is known to have on this case, and why. */
  known?: string;
}

export interface CaseFile {
  site: string;
  /** The language the targets are written in; 'en' when absent. */
  lang?: 'en' | 'zh';
  cases: GroundingCase[];
}

const folder = fileURLToPath(new URL('../fixtures/cases/', import.meta.url));

export function loadCaseFiles(): CaseFile[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(`${folder}${name}`, 'utf8')) as CaseFile);
}

export async function runSetup(page: Page, steps: SetupStep[] = []): Promise<void> {
  for (const step of steps) {
    if ('click' in step) await page.locator(step.click).first().click();
    else if ('fill' in step) await page.locator(step.fill[0]).first().fill(step.fill[1]);
    else if ('scroll' in step) await page.evaluate((y) => window.scrollTo(0, y), step.scroll);
    else if ('remove' in step) await page.locator(step.remove).evaluateAll((elements) => elements.forEach((element) => element.remove()));
    else await page.waitForTimeout(step.wait);
  }
}

/** The element a case expects, wherever it is: main document, open shadow roots or any frame. */
export async function findExpected(page: Page, name: string): Promise<{ frame: Frame; box: { x: number; y: number; width: number; height: number } } | undefined> {
  for (const frame of page.frames()) {
    const locator = frame.locator(`[data-case="${name}"]`);
    if ((await locator.count()) === 1) {
      const box = await locator.boundingBox();
      if (box) return { frame, box };
    }
  }
  return undefined;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Same element: boxes overlap mostly, or one's centre lies in the other (a label standing in for its input). */
export function sameElement(expected: Box, reported: Box): boolean {
  const ix = Math.max(0, Math.min(expected.x + expected.width, reported.x + reported.width) - Math.max(expected.x, reported.x));
  const iy = Math.max(0, Math.min(expected.y + expected.height, reported.y + reported.height) - Math.max(expected.y, reported.y));
  const inter = ix * iy;
  const union = expected.width * expected.height + reported.width * reported.height - inter;
  if (union > 0 && inter / union >= 0.6) return true;
  const inside = (p: { x: number; y: number }, b: Box) => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
  const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  return (expected.width * expected.height < 16 && inside(centre(expected), reported)) || (inside(centre(reported), expected) && inter / union >= 0.3);
}
