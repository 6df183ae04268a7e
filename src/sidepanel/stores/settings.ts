import { toWebwrightError } from '../../shared/errors.ts';
import type { Settings } from '../../shared/settings.ts';
import { sendToBackground } from '../../shared/transport.ts';
import { createStore } from '../store.ts';

export interface SettingsState {
  settings?: Settings;
  hasApiKey: boolean;
  /** A key typed in the form and not saved yet; never shown back. */
  apiKey: string;
  status?: { ok: boolean; message: string };
  busy: boolean;
}

export const settingsState = createStore<SettingsState>({ hasApiKey: false, apiKey: '', busy: false });

export async function loadSettings(): Promise<void> {
  try {
    const { settings, hasApiKey } = await sendToBackground('panel-to-background', 'settings.get', {});
    settingsState.set((state) => ({ ...state, settings, hasApiKey }));
  } catch (error) {
    settingsState.set((state) => ({ ...state, status: { ok: false, message: toWebwrightError(error).message } }));
  }
}

export function edit(change: (settings: Settings) => Settings): void {
  settingsState.set((state) => (state.settings ? { ...state, settings: change(state.settings), status: undefined } : state));
}

export function setApiKey(apiKey: string): void {
  settingsState.set((state) => ({ ...state, apiKey, status: undefined }));
}

export async function save(): Promise<void> {
  const { settings, apiKey } = settingsState.get();
  if (!settings) return;
  settingsState.set((state) => ({ ...state, busy: true }));
  try {
    const saved = await sendToBackground('panel-to-background', 'settings.save', { settings, ...(apiKey ? { apiKey } : {}) });
    settingsState.set((state) => ({ ...state, settings: saved, apiKey: '', hasApiKey: state.hasApiKey || apiKey !== '', busy: false, status: { ok: true, message: 'Settings saved.' } }));
  } catch (error) {
    settingsState.set((state) => ({ ...state, busy: false, status: { ok: false, message: toWebwrightError(error).message } }));
  }
}

export async function testConnection(): Promise<void> {
  const { settings, apiKey } = settingsState.get();
  if (!settings) return;
  settingsState.set((state) => ({ ...state, busy: true, status: { ok: true, message: 'Testing the connection…' } }));
  try {
    const result = await sendToBackground('panel-to-background', 'settings.test', { model: settings.model, ...(apiKey ? { apiKey } : {}) }, { timeoutMs: settings.model.timeoutMs + 5_000 });
    settingsState.set((state) => ({ ...state, busy: false, status: result }));
  } catch (error) {
    settingsState.set((state) => ({ ...state, busy: false, status: { ok: false, message: toWebwrightError(error).message } }));
  }
}
