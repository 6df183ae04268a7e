#!/usr/bin/env node
// `npm run bench -- [flags]`: reads the bench's own flags and starts the Playwright bench with them
// in environment variables, since Playwright's CLI refuses flags it does not know.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SECTIONS = ['observer', 'realpages', 'grounding', 'act', 'scale', 'planner', 'memory', 'bundle', 'miniwob'];

const USAGE = `usage: npm run bench -- [--only a,b] [--skip a,b] [--miniwob-seeds 0-2] [--miniwob-tasks a,b]
                       [--miniwob-dir DIR] [--realpages-dir DIR]
  --only a,b            measure only these sections
  --skip a,b            measure all but these sections
                        sections: ${SECTIONS.join(', ')}
  --miniwob-seeds SPEC  MiniWoB++ seeds, e.g. 0-19, 3, 0-4,10 (default 0-2; 0-19 is the development set)
  --miniwob-tasks a,b   MiniWoB++ tasks (default: all 58)
  --miniwob-dir DIR     the MiniWoB++ runner (default $MINIWOB_DIR, else ../shared/miniwob)
  --realpages-dir DIR   the saved real pages (default $REALPAGES_DIR, else ../shared/realpages)`;

const flags = {
  only: 'BENCH_ONLY',
  skip: 'BENCH_SKIP',
  'miniwob-seeds': 'MINIWOB_SEEDS',
  'miniwob-tasks': 'MINIWOB_TASKS',
  'miniwob-dir': 'MINIWOB_DIR',
  'realpages-dir': 'REALPAGES_DIR',
};

function fail(message) {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

const env = { ...process.env };
const argv = process.argv.slice(2);
for (let index = 0; index < argv.length; index++) {
  const arg = argv[index] ?? '';
  if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  }
  const match = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
  const variable = match ? flags[match[1]] : undefined;
  if (!match || !variable) fail(`unknown argument ${arg}`);
  const value = match[2] ?? argv[++index];
  if (value === undefined || value.startsWith('--')) fail(`${arg} needs a value`);
  env[variable] = value;
}

for (const name of ['BENCH_ONLY', 'BENCH_SKIP']) {
  const unknown = (env[name] ?? '').split(',').map((part) => part.trim()).filter((part) => part && !SECTIONS.includes(part));
  if (unknown.length > 0) fail(`unknown section ${unknown.join(', ')}`);
}
if (env.MINIWOB_SEEDS !== undefined && !/^\s*\d+(-\d+)?(\s*,\s*\d+(-\d+)?)*\s*$/.test(env.MINIWOB_SEEDS)) fail(`bad --miniwob-seeds ${env.MINIWOB_SEEDS}: use e.g. 0-19, 3 or 0-4,10`);

const config = fileURLToPath(new URL('./playwright.config.ts', import.meta.url));
const child = spawn('npx', ['playwright', 'test', '-c', config], { stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
