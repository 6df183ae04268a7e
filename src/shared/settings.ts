import { z } from 'zod';

// What the person sets: the model endpoint, budgets, safety. Kept in extension storage; the API
// key never goes into a trace or an export.

export const providerPresets = {
  openai: { label: 'OpenAI', baseURL: 'https://api.openai.com/v1', model: 'gpt-4.1-mini' },
  zhipu: { label: 'Zhipu GLM', baseURL: 'https://open.bigmodel.cn/api/paas/v4', model: 'glm-4.5' },
  openrouter: { label: 'OpenRouter', baseURL: 'https://openrouter.ai/api/v1', model: 'openai/gpt-4.1-mini' },
  ollama: { label: 'Ollama', baseURL: 'http://localhost:11434/v1', model: 'qwen2.5:7b-instruct' },
  vllm: { label: 'vLLM / LM Studio', baseURL: 'http://localhost:8000/v1', model: 'default' },
  custom: { label: 'Custom', baseURL: '', model: '' },
} as const;
export type Provider = keyof typeof providerPresets;

export const Budgets = z.object({
  maxSteps: z.number().int().positive().default(30),
  maxTokens: z.number().int().positive().default(400_000),
  maxCostUsd: z.number().nonnegative().default(2),
});

export const ModelSettings = z.object({
  provider: z.enum(Object.keys(providerPresets) as [Provider, ...Provider[]]).default('openai'),
  baseURL: z.string().url().default(providerPresets.openai.baseURL),
  model: z.string().min(1).default(providerPresets.openai.model),
  headers: z.record(z.string(), z.string()).default({}),
  timeoutMs: z.number().int().positive().default(60_000),
  maxRetries: z.number().int().min(0).max(10).default(3),
  /** Prices in US dollars per million tokens, for the cost budget. */
  inputPricePerMillion: z.number().nonnegative().default(0),
  outputPricePerMillion: z.number().nonnegative().default(0),
  /** How many tokens the model takes in; the prompt is cut to fit. */
  contextTokens: z.number().int().positive().default(32_000),
  vision: z.boolean().default(false),
});
export type ModelSettings = z.output<typeof ModelSettings>;

type Overrides<S extends z.ZodRawShape> = z.ZodObject<{ [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K]> }>;

/**
 * Every field optional and none filled in: what one run changes on top of the stored settings.
 * (Zod 4's `.partial()` still fills a missing field with its default, which would replace the
 * stored value.)
 */
function overridesOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>): Overrides<S> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]),
  );
  return z.object(shape) as unknown as Overrides<S>;
}

export const ModelOverrides = overridesOf(ModelSettings);
export const BudgetOverrides = overridesOf(Budgets);

export const Safety = z.object({
  /** Sites the agent may never open (a domain covers its subdomains). */
  blockedDomains: z.array(z.string().trim().toLowerCase().min(1)).default([]),
  /** When not empty, opening any other site needs the person's approval. */
  allowedDomains: z.array(z.string().trim().toLowerCase().min(1)).default([]),
});

/** When a target matches several elements, a model may choose among them before the planner is asked again. */
export const Grounding = z.object({
  enabled: z.boolean().default(false),
  /** The model to ask, on the planner's endpoint and key; empty: the planner's own model. */
  model: z.string().trim().default(''),
});

export const Settings = z.object({
  safety: Safety.default(Safety.parse({})),
  grounding: Grounding.default(Grounding.parse({})),
  model: ModelSettings.default(ModelSettings.parse({})),
  budgets: Budgets.default(Budgets.parse({})),
  /** How many times a reply that cannot be parsed goes back to the model before the run fails. */
  maxParseRetries: z.number().int().min(0).max(5).default(2),
});
export type Settings = z.output<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;
