import type { Run, Usage } from '../../shared/run.ts';
import type { ModelSettings } from '../../shared/settings.ts';

export function costOf(model: ModelSettings, usage: Pick<Usage, 'promptTokens' | 'completionTokens'>): number {
  return (usage.promptTokens * model.inputPricePerMillion + usage.completionTokens * model.outputPricePerMillion) / 1_000_000;
}

/** Why the run may not take another step, or undefined. */
export function budgetExceeded(run: Run): string | undefined {
  const { budgets, usage } = run;
  if (run.stepCount >= budgets.maxSteps) return `Step budget reached: ${run.stepCount} of ${budgets.maxSteps} steps used before the task was finished. Raise the step budget in settings to let it go on.`;
  const tokens = usage.promptTokens + usage.completionTokens;
  if (tokens >= budgets.maxTokens) return `Token budget reached: ${tokens} of ${budgets.maxTokens} tokens used. Raise the token budget in settings to let it go on.`;
  if (budgets.maxCostUsd > 0 && usage.costUsd >= budgets.maxCostUsd) return `Cost budget reached: $${usage.costUsd.toFixed(4)} of $${budgets.maxCostUsd.toFixed(2)}. Raise the cost budget in settings to let it go on.`;
  return undefined;
}

/** The run's usage with a step's added. */
export function addUsage(total: Usage, step: Usage): Usage {
  return {
    promptTokens: total.promptTokens + step.promptTokens,
    completionTokens: total.completionTokens + step.completionTokens,
    costUsd: total.costUsd + step.costUsd,
  };
}
