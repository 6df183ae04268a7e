import { Settings, type SettingsInput } from '../shared/settings.ts';

// Settings live in chrome.storage.local; the API key apart from them, so that nothing that
// copies settings around can carry it along by accident.

const SETTINGS_KEY = 'settings';
const API_KEY = 'apiKey';

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
