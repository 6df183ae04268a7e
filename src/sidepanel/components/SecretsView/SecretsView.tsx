import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../../store.ts';
import { deleteSecret, loadSecrets, saveSecret, secretsState } from '../../stores/secrets.ts';
import { domainList } from '../SettingsView/SettingsView.tsx';
import '../SettingsView/SettingsView.css';

/** Stored secrets: the agent types them by name and never sees them; values are never shown here. */
export function SecretsView() {
  const state = useStore(secretsState);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [sites, setSites] = useState('');
  useEffect(() => {
    void loadSecrets();
  }, []);
  const known = state.secrets.some((secret) => secret.name === name.trim().toLowerCase());
  return (
    <form
      class="settings"
      aria-label="Secrets"
      onSubmit={(event) => {
        event.preventDefault();
        void saveSecret(name.trim(), value, domainList(sites)).then((saved) => {
          if (!saved) return;
          setName('');
          setValue('');
          setSites('');
        });
      }}
    >
      <fieldset>
        <legend>Secrets</legend>
        <p class="settings__hint">The agent types these as {'{{secret:name}}'}; the value is filled in inside the page and masked everywhere else.</p>
        {state.secrets.length > 0 && (
          <ul class="secrets" aria-label="Stored secrets">
            {state.secrets.map((secret) => (
              <li key={secret.name}>
                <span>
                  <code>{secret.name}</code> {secret.sites.length ? `on ${secret.sites.join(', ')}` : 'on any site'}
                </span>
                <button type="button" disabled={state.busy} aria-label={`Delete secret ${secret.name}`} onClick={() => void deleteSecret(secret.name)}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        )}
        <label>
          Name
          <input value={name} required pattern="[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}" onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <label>
          Value
          <input type="password" autoComplete="off" required={!known} placeholder={known ? 'Stored (type to replace it)' : ''} value={value} onInput={(event) => setValue(event.currentTarget.value)} />
        </label>
        <label>
          Only on sites (empty: any)
          <input value={sites} placeholder="bank.example" onInput={(event) => setSites(event.currentTarget.value)} />
        </label>
        <div class="settings__actions">
          <button type="submit" disabled={state.busy}>
            Save secret
          </button>
        </div>
      </fieldset>
      {state.status && (
        <p class={`settings__status settings__status--${state.status.ok ? 'ok' : 'error'}`} role={state.status.ok ? 'status' : 'alert'}>
          {state.status.message}
        </p>
      )}
    </form>
  );
}
