import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// What one bench run measures, as bench/run.mjs passed it on in environment variables (Playwright's
// CLI takes no flags of its own for a test). The same names are the values of --only and --skip.

export const sections = ['observer', 'realpages', 'grounding', 'act', 'scale', 'planner', 'memory', 'bundle', 'miniwob'] as const;
export type Section = (typeof sections)[number];

export const projectRoot = fileURLToPath(new URL('../', import.meta.url));

export interface BenchOptions {
  /** The sections this run measures; the others are left out, not reported as skipped. */
  run: Set<Section>;
  /** Some sections left out by --only or --skip: the results go to results/partial/, not over the full run's. */
  partial: boolean;
  miniwob: { dir: string; found: boolean; seeds: string; tasks?: string };
  realpages: { dir: string; found: boolean };
}

export const DEFAULT_MINIWOB_SEEDS = '0-2';

function list(value: string | undefined): Section[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(sections as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown bench section ${unknown.join(', ')}; the sections are ${sections.join(', ')}`);
  return names as Section[];
}

/** A folder given in the environment, or the shared one beside the project. */
function folder(variable: string | undefined, fallback: string): { dir: string; found: boolean } {
  const dir = resolve(projectRoot, variable && variable.trim() !== '' ? variable : fallback);
  return { dir, found: existsSync(dir) };
}

export function benchOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const only = list(env.BENCH_ONLY);
  const skip = list(env.BENCH_SKIP) ?? [];
  const run = new Set<Section>((only ?? sections).filter((name) => !skip.includes(name)));
  return {
    run,
    partial: run.size < sections.length,
    miniwob: { ...folder(env.MINIWOB_DIR, '../shared/miniwob'), seeds: env.MINIWOB_SEEDS?.trim() || DEFAULT_MINIWOB_SEEDS, ...(env.MINIWOB_TASKS?.trim() ? { tasks: env.MINIWOB_TASKS.trim() } : {}) },
    realpages: folder(env.REALPAGES_DIR, '../shared/realpages'),
  };
}
