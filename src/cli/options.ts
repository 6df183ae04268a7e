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
}

/** --base-url and --model, else OPENAI_BASE_URL and WEBWRIGHT_MODEL; the key only from OPENAI_API_KEY. */
export function chooseModel(flags: { 'base-url'?: string | undefined; model?: string | undefined }, env: NodeJS.ProcessEnv = process.env): ModelChoice {
  const baseURL = flags['base-url'] ?? env.OPENAI_BASE_URL;
  const model = flags.model ?? env.WEBWRIGHT_MODEL;
  if (!baseURL || !model) {
    throw new UsageError('Say which model to use: --base-url and --model, or OPENAI_BASE_URL and WEBWRIGHT_MODEL (and OPENAI_API_KEY if the server needs a key).');
  }
  return { baseURL, model, apiKey: env.OPENAI_API_KEY ?? '' };
}

export function positiveInteger(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} must be a positive whole number, not "${raw}".`);
  return value;
}
