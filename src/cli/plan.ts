import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { Intent, type IntentInput } from '../shared/intent.ts';

// A plan is a JSON array of intents, or an exported trace whose steps carry intents.

const TraceLike = z.object({ steps: z.array(z.object({ intent: z.unknown() }).passthrough()) }).passthrough();

export async function readPlan(path: string): Promise<IntentInput[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the plan ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const list = Array.isArray(raw) ? raw : TraceLike.safeParse(raw).data?.steps.map((step) => step.intent);
  if (!list) throw new Error(`${path} is neither a JSON array of intents nor a trace with steps.`);
  return list.map((entry, index) => {
    const parsed = Intent.safeParse(entry);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'intent'}: ${issue.message}`).join('; ');
      throw new Error(`Step ${index + 1} of ${path} is not a valid intent (${problems}).`);
    }
    return entry as IntentInput;
  });
}
