import type { Harness } from 'webwright/harness';
import { startModelServer } from '../test/support/model-server.ts';
import type { FixtureServer } from '../test/support/server.ts';
import { spread, type Spread } from './stats.ts';
import { tokens } from './tokens.ts';

// The run loop's own cost per step: everything but the model's latency, with a scripted model
// that answers at once; and what each step's prompt costs in tokens.

export interface PlannerResult {
  steps: number;
  overhead: Spread;
  observe: Spread;
  act: Spread;
  promptTokens: Spread;
}

interface Task {
  page: string;
  goal: string;
  replies: { tool: string; args: Record<string, unknown> }[];
}

const tasks: Task[] = [
  {
    page: '/shop/index.html',
    goal: 'Add the black jacket and the blue shirt to the cart',
    replies: [
      { tool: 'click', args: { target: "the Add to cart button under 'Black Jacket'" } },
      { tool: 'click', args: { target: "the Add to cart button under 'Blue Shirt'" } },
      { tool: 'scroll', args: { direction: 'down' } },
      { tool: 'finish', args: { success: true } },
    ],
  },
  {
    page: '/account/signup.html',
    goal: 'Sign up as Ada',
    replies: [
      { tool: 'type', args: { target: 'Full name', text: 'Ada Lovelace' } },
      { tool: 'type', args: { target: 'Work email', text: 'ada@example.com' } },
      { tool: 'select', args: { target: 'Country / region', option: 'Canada' } },
      { tool: 'check', args: { target: 'the terms checkbox' } },
      { tool: 'finish', args: { success: true } },
    ],
  },
  {
    page: '/table/index.html',
    goal: 'Go to the second page of users',
    replies: [
      { tool: 'click', args: { target: 'the Next page button' } },
      { tool: 'note', args: { content: 'Page 2 shown.' } },
      { tool: 'finish', args: { success: true } },
    ],
  },
];

function promptText(messages: unknown[]): string {
  return messages
    .map((message) => {
      const content = (message as { content?: unknown }).content;
      return typeof content === 'string' ? content : JSON.stringify(content ?? '');
    })
    .join('\n');
}

export async function measurePlanner(harness: Harness, server: FixtureServer, repeats = 2): Promise<PlannerResult> {
  const model = await startModelServer();
  const overhead: number[] = [];
  const observe: number[] = [];
  const act: number[] = [];
  const promptTokens: number[] = [];
  try {
    for (let round = 0; round < repeats; round++) {
      for (const task of tasks) {
        const page = await harness.context.newPage();
        await page.goto(server.url(task.page));
        model.script(...task.replies);
        const trace = await harness.run(page, task.goal, { baseURL: model.baseURL, model: 'scripted' });
        for (const step of trace.steps) {
          overhead.push(step.timings.total > 0 ? step.timings.total - step.timings.model : step.timings.observe + step.timings.act + step.timings.ground);
          observe.push(step.timings.observe);
          act.push(step.timings.ground + step.timings.act);
          promptTokens.push(tokens(promptText(step.messages)));
        }
        await page.close();
      }
    }
  } finally {
    await model.close();
  }
  return { steps: overhead.length, overhead: spread(overhead), observe: spread(observe), act: spread(act), promptTokens: spread(promptTokens) };
}
