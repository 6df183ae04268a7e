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
  /** How long one model request may take; the stored setting when not given. */
  requestTimeoutMs?: number | undefined;
  /** How many times a failed model request is tried again; the stored setting when not given. */
  maxRetries?: number | undefined;
}

function retries(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 10) throw new UsageError(`--max-retries must be a whole number from 0 to 10, not "${raw}".`);
  return value;
}

function price(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`${flag} must be a price in US dollars per million tokens, like 0.4, not "${raw}".`);
  return value;
}

/**
 * --base-url and --model, else OPENAI_BASE_URL and WEBWRIGHT_MODEL; the key only from OPENAI_API_KEY; prices from
 * --price-in/--price-out or WEBWRIGHT_PRICE_IN/OUT; --request-timeout (seconds) and --max-retries for each request.
 */
export function chooseModel(
  flags: { 'base-url'?: string | undefined; model?: string | undefined; 'price-in'?: string | undefined; 'price-out'?: string | undefined; 'request-timeout'?: string | undefined; 'max-retries'?: string | undefined },
  env: NodeJS.ProcessEnv = process.env): ModelChoice {
  const baseURL = flags['base-url'] ?? env.OPENAI_BASE_URL;
  const model = flags.model ?? env.WEBWRIGHT_MODEL;
  if (!baseURL || !model) {
    throw new UsageError('Say which model to use: --base-url and --model, or OPENAI_BASE_URL and WEBWRIGHT_MODEL (and OPENAI_API_KEY if the server needs a key).');
  }
  const input = price('--price-in', flags['price-in'] ?? env.WEBWRIGHT_PRICE_IN);
  const output = price('--price-out', flags['price-out'] ?? env.WEBWRIGHT_PRICE_OUT);
  const prices = input !== undefined || output !== undefined ? { input: input ?? 0, output: output ?? 0 } : undefined;
  const requestTimeout = positiveInteger('--request-timeout', flags['request-timeout']);
  const maxRetries = retries(flags['max-retries']);
  return {
    baseURL,
    model,
    apiKey: env.OPENAI_API_KEY ?? '',
    ...(prices ? { prices } : {}),
    ...(requestTimeout !== undefined ? { requestTimeoutMs: requestTimeout * 1000 } : {}),
    ...(maxRetries !== undefined ? { maxRetries } : {}),
  };
}

export function positiveInteger(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} must be a positive whole number, not "${raw}".`);
  return value;
}
