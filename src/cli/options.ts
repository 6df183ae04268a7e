// What `run` and `eval` share: the model from flags or the environment, and numeric flags.

/** Bad command-line input: the command prints the message and exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export interface ModelChoice {
  baseURL: string;
  model: string;
  apiKey: string;
  /** US dollars per million prompt and completion tokens, for the cost in traces and reports. */
  prices?: { input: number; output: number } | undefined;
}

function price(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`${flag} must be a price in US dollars per million tokens, like 0.4, not "${raw}".`);
  return value;
}

/** --base-url and --model, else OPENAI_BASE_URL and WEBWRIGHT_MODEL; the key only from OPENAI_API_KEY; prices from --price-in/--price-out or WEBWRIGHT_PRICE_IN/OUT. */
export function chooseModel(flags: { 'base-url'?: string | undefined; model?: string | undefined; 'price-in'?: string | undefined; 'price-out'?: string | undefined }, env: NodeJS.ProcessEnv = process.env): ModelChoice {
  const baseURL = flags['base-url'] ?? env.OPENAI_BASE_URL;
  const model = flags.model ?? env.WEBWRIGHT_MODEL;
  if (!baseURL || !model) {
    throw new UsageError('Say which model to use: --base-url and --model, or OPENAI_BASE_URL and WEBWRIGHT_MODEL (and OPENAI_API_KEY if the server needs a key).');
  }
  const input = price('--price-in', flags['price-in'] ?? env.WEBWRIGHT_PRICE_IN);
  const output = price('--price-out', flags['price-out'] ?? env.WEBWRIGHT_PRICE_OUT);
  const prices = input !== undefined || output !== undefined ? { input: input ?? 0, output: output ?? 0 } : undefined;
  return { baseURL, model, apiKey: env.OPENAI_API_KEY ?? '', ...(prices ? { prices } : {}) };
}

export function positiveInteger(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} must be a positive whole number, not "${raw}".`);
  return value;
}
