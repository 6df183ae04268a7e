#!/usr/bin/env node
import { evalCommand } from './eval/command.ts';
import { NoDisplayError } from './launch.ts';
import { openCommand } from './open.ts';
import { UsageError } from './options.ts';
import { replayCommand } from './replay.ts';
import { runCommand } from './run-command.ts';

const usage = `Usage: npm run agent -- <command> [options]

Commands:
  open [--url <url>] [--base-url U --model M] [--headed] [--exit]
      Start Chromium with Webwright loaded and the side panel ready, on --url or else on a welcome
      page (served on 127.0.0.1) with a demo shop to try a first task on. A model from the flags, or
      OPENAI_BASE_URL, OPENAI_API_KEY and WEBWRIGHT_MODEL, is saved in Settings. Headless unless
      --headed. Stays open until Ctrl+C (or closes at once with --exit, after checking the panel works).

  run --url <url> --goal "<text>" [--trace out.json] [--max-steps N] [--base-url U] [--model M] [--request-timeout S] [--max-retries N] [--approve] [--headed]
      Run a goal with a model (from the flags, or OPENAI_BASE_URL, OPENAI_API_KEY, WEBWRIGHT_MODEL),
      printing each step. Consequential steps (paying, deleting, sending, changing credentials) are
      denied unless --approve is given. Exit status 0 only when the run finished with success.

  replay --url <url> --plan <file.json> [--trace out.json] [--headed]
      Carry out a list of intents (a JSON array, or an exported trace) with no model,
      re-grounding every target on the page. Exit status 0 only when every step succeeded.

  eval --suite <dir> [--workers N] [--out <dir>] [--base-url U] [--model M] [--max-steps N] [--timeout S] [--request-timeout S] [--max-retries N] [--approve] [--headed]
      Run every task of a suite (a folder with suite.json and one JSON file per task) with the
      model, N browsers at a time, and check each task's end state. Writes report.json, report.md
      and traces/ to --out (default eval-results/<suite>-<time>/). Exit status 0 only when every
      task passed.

Environment:
  CHROMIUM_PATH / CHROME_PATH   the browser to use (otherwise the usual install places are searched)
`;

/** The part of the usage about one command, from its line to the next command's. */
function usageOf(command: string): string | undefined {
  const blocks = usage.split(/\n(?= {2}[a-z]+ )/);
  const block = blocks.find((candidate) => candidate.startsWith(`  ${command} `) || candidate.startsWith(`  ${command}\n`));
  return block ? `Usage: npm run agent -- ${block.trim().replace(/\n\s*\n[\s\S]*$/, '')}` : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const help = command ? usageOf(command) : undefined;
  if (help && (rest.includes('--help') || rest.includes('-h'))) {
    console.log(help);
    return 0;
  }
  switch (command) {
    case 'open':
      return openCommand(rest);
    case 'replay':
      return replayCommand(rest);
    case 'run':
      return runCommand(rest);
    case 'eval':
      return evalCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return command === undefined ? 2 : 0;
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Playwright's errors end in a call log for debugging Playwright itself; the person gets the first part.
    const message = (error instanceof Error ? error.message : String(error)).split(/\n\s*Call log:/)[0]?.trim() ?? '';
    console.error(error instanceof NoDisplayError || error instanceof UsageError ? message : `webwright: ${message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
