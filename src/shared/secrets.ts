import { z } from 'zod';

// Named secrets: the person stores them in Settings; the planner writes `{{secret:name}}` and never
// sees a value. The value is put in only by the content script, at typing time, and wherever it
// shows up again (page text, a field, a URL, a message) it is put back as the reference.

export const SECRET_NAME = /^[a-z0-9][a-z0-9_.-]{0,39}$/i;
/** Shorter values would mask ordinary words and numbers all over the page. */
export const MIN_SECRET_LENGTH = 4;

/** Names are kept in lower case: a model that writes {{secret:Bank}} means the same secret. */
export const SecretName = z
  .string()
  .trim()
  .regex(SECRET_NAME, 'a secret name is letters, digits, ".", "_" or "-", up to 40, starting with a letter or digit')
  .transform((name) => name.toLowerCase());

export const SecretEntry = z.object({
  name: SecretName,
  value: z.string().min(MIN_SECRET_LENGTH, `a secret must be at least ${MIN_SECRET_LENGTH} characters, so masking it does not hide ordinary text`),
  /** Sites the secret may be typed on (a domain covers its subdomains); empty: any site. */
  sites: z.array(z.string().trim().toLowerCase().min(1)).default([]),
});
export type SecretEntry = z.output<typeof SecretEntry>;

/** What the side panel and the planner see of a secret. */
export const SecretInfo = SecretEntry.omit({ value: true });
export type SecretInfo = z.output<typeof SecretInfo>;

const reference = /\{\{\s*secret:\s*([^}\s]+)\s*\}\}/gi;

export const secretRef = (name: string) => `{{secret:${name}}}`;

/** The secret names a text refers to, each once. */
export function secretNames(text: string): string[] {
  return [...new Set([...text.matchAll(reference)].map((match) => (match[1] ?? '').toLowerCase()))];
}

/** The text with each reference replaced by its value (names must all be present). */
export function fillSecrets(text: string, values: Record<string, string>): string {
  return text.replace(reference, (whole, name: string) => values[name.toLowerCase()] ?? whole);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms a value takes in text, URLs and form posts. */
function variants(value: string): string[] {
  const forms = new Set([value, encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, '+'), JSON.stringify(value).slice(1, -1)]);
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

export interface Masker {
  /** A string with every stored value replaced by its reference. */
  text(value: string): string;
  /** Any JSON-like value with every string masked. */
  deep<T>(value: T): T;
  readonly empty: boolean;
}

export function createMasker(secrets: readonly Pick<SecretEntry, 'name' | 'value'>[]): Masker {
  // Longest first, so a value that contains another is masked whole.
  const forms = secrets
    .flatMap((secret) => variants(secret.value).map((form) => ({ form, ref: secretRef(secret.name) })))
    .sort((a, b) => b.form.length - a.form.length);
  const pattern = forms.length ? new RegExp(forms.map((entry) => escape(entry.form)).join('|'), 'g') : undefined;
  const refs = new Map(forms.map((entry) => [entry.form, entry.ref]));
  const text = (value: string) => (pattern ? value.replace(pattern, (found) => refs.get(found) ?? found) : value);
  const deep = <T>(value: T): T => {
    if (!pattern) return value;
    // Pictures are left alone: a short value could turn up by chance in their base64.
    if (typeof value === 'string') return (value.startsWith('data:image/') ? value : text(value)) as T;
    if (Array.isArray(value)) return value.map((item: unknown) => deep(item)) as T;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, deep(item)])) as T;
    return value;
  };
  return { text, deep, empty: !pattern };
}
