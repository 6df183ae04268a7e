import { z } from 'zod';
import { WebwrightError } from '../shared/errors.ts';
import { createMasker, SecretEntry, type Masker, type SecretInfo } from '../shared/secrets.ts';
import { Settings, type SettingsInput } from '../shared/settings.ts';

// Settings live in chrome.storage.local; the API key apart from them, so that nothing that
// copies settings around can carry it along by accident.

const SETTINGS_KEY = 'settings';
const API_KEY = 'apiKey';
const SECRETS_KEY = 'secrets';

export async function loadSettings(): Promise<Settings> {
  const stored = (await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const parsed = Settings.safeParse(stored ?? {});
  return parsed.success ? parsed.data : Settings.parse({});
}

export async function saveSettings(input: SettingsInput): Promise<Settings> {
  const settings = Settings.parse(input);
  await chrome.storage.local.set({ [SETTINGS_KEY]: settings });
  return settings;
}

export async function loadApiKey(): Promise<string> {
  const stored = (await chrome.storage.local.get(API_KEY))[API_KEY];
  return typeof stored === 'string' ? stored : '';
}

export async function saveApiKey(key: string): Promise<void> {
  await chrome.storage.local.set({ [API_KEY]: key });
}

/** A key given for one run only (from the command line): kept for the browser session, for resumption. */
export async function runApiKey(runId: string): Promise<string> {
  const stored = (await chrome.storage.session.get(`key:${runId}`))[`key:${runId}`];
  return typeof stored === 'string' ? stored : loadApiKey();
}

export async function setRunApiKey(runId: string, key: string): Promise<void> {
  await chrome.storage.session.set({ [`key:${runId}`]: key });
}

// Named secrets are kept apart too, and only their names and sites ever leave the worker. Every
// step reads them several times (to mask what the page shows, to type, to cover screenshots), so
// they and their masker are read once and kept until the stored list changes.

let cached: Promise<{ secrets: SecretEntry[]; masker: Masker }> | undefined;

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SECRETS_KEY in changes) cached = undefined;
});

function secretsAndMasker(): Promise<{ secrets: SecretEntry[]; masker: Masker }> {
  cached ??= chrome.storage.local.get(SECRETS_KEY).then((items) => {
    const parsed = z.array(SecretEntry).safeParse(items[SECRETS_KEY] ?? []);
    const secrets = parsed.success ? parsed.data : [];
    return { secrets, masker: createMasker(secrets) };
  });
  return cached;
}

async function storeSecrets(secrets: SecretEntry[]): Promise<SecretInfo[]> {
  cached = undefined;
  await chrome.storage.local.set({ [SECRETS_KEY]: secrets });
  cached = undefined;
  return secretInfo(secrets);
}

export async function loadSecrets(): Promise<SecretEntry[]> {
  return (await secretsAndMasker()).secrets;
}

export async function loadMasker(): Promise<Masker> {
  return (await secretsAndMasker()).masker;
}

export const secretInfo = (secrets: SecretEntry[]): SecretInfo[] => secrets.map(({ name, sites }) => ({ name, sites }));

/** Adds or replaces one secret; an empty value keeps the stored one (to change only its sites). */
export async function saveSecret(input: { name: string; value?: string | undefined; sites: string[] }): Promise<SecretInfo[]> {
  const secrets = await loadSecrets();
  const existing = secrets.find((secret) => secret.name === input.name);
  const parsed = SecretEntry.safeParse({ ...input, value: input.value || existing?.value || '' });
  if (!parsed.success) throw new WebwrightError('bad-message', `The secret "${input.name}" was not saved: ${parsed.error.issues[0]?.message ?? 'it is not valid'}.`);
  const entry = parsed.data;
  const next = [...secrets.filter((secret) => secret.name !== entry.name), entry].sort((a, b) => a.name.localeCompare(b.name));
  return storeSecrets(next);
}

export async function deleteSecret(name: string): Promise<SecretInfo[]> {
  return storeSecrets((await loadSecrets()).filter((secret) => secret.name !== name.trim().toLowerCase()));
}
