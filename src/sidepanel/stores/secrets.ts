import { toWebwrightError } from '../../shared/errors.ts';
import type { SecretInfo } from '../../shared/secrets.ts';
import { sendToBackground } from '../../shared/transport.ts';
import { createStore } from '../store.ts';

// The person's named secrets as the panel knows them: names and sites only. A value typed in the
// form goes to the worker on save and is cleared from the form at once.

export interface SecretsState {
  secrets: SecretInfo[];
  status?: { ok: boolean; message: string };
  busy: boolean;
}

export const secretsState = createStore<SecretsState>({ secrets: [], busy: false });

async function call(work: () => Promise<SecretInfo[]>, done: string): Promise<boolean> {
  secretsState.set((state) => ({ ...state, busy: true }));
  try {
    const secrets = await work();
    secretsState.set({ secrets, busy: false, ...(done ? { status: { ok: true, message: done } } : {}) });
    return true;
  } catch (error) {
    secretsState.set((state) => ({ ...state, busy: false, status: { ok: false, message: toWebwrightError(error).message } }));
    return false;
  }
}

export const loadSecrets = () => call(() => sendToBackground('panel-to-background', 'secrets.list', {}), '');

export const saveSecret = (name: string, value: string, sites: string[]) =>
  call(() => sendToBackground('panel-to-background', 'secrets.save', { name, ...(value ? { value } : {}), sites }), `Secret "${name}" saved. The agent can type it as {{secret:${name}}}.`);

export const deleteSecret = (name: string) => call(() => sendToBackground('panel-to-background', 'secrets.delete', { name }), `Secret "${name}" deleted.`);
