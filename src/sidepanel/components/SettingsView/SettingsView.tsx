import { useEffect } from 'preact/hooks';
import { providerPresets, type Provider } from '../../../shared/settings.ts';
import { useStore } from '../../store.ts';
import { edit, loadSettings, save, setApiKey, settingsState, testConnection } from '../../stores/settings.ts';
import './SettingsView.css';

/** Domains typed one a line (or separated by commas or spaces), as the settings keep them. */
export const domainList = (text: string) => text.split(/[\s,]+/).map((line) => line.trim().toLowerCase()).filter(Boolean);
const numberOr = (value: string, fallback: number) => (Number.isFinite(Number(value)) && value.trim() !== '' ? Number(value) : fallback);

export function SettingsView() {
  const state = useStore(settingsState);
  useEffect(() => {
    void loadSettings();
  }, []);
  const settings = state.settings;
  if (!settings) return <p class="settings__muted">Loading settings…</p>;
  const { model, budgets } = settings;
  const choose = (provider: Provider) => {
    const preset = providerPresets[provider];
    edit((s) => ({ ...s, model: { ...s.model, provider, ...(preset.baseURL ? { baseURL: preset.baseURL } : {}), ...(preset.model ? { model: preset.model } : {}) } }));
  };
  return (
    <form
      class="settings"
      aria-label="Settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        Provider
        <select value={model.provider} onChange={(event) => choose(event.currentTarget.value as Provider)}>
          {(Object.keys(providerPresets) as Provider[]).map((key) => (
            <option value={key}>{providerPresets[key].label}</option>
          ))}
        </select>
      </label>
      <label>
        Base URL
        <input type="url" required value={model.baseURL} onInput={(event) => edit((s) => ({ ...s, model: { ...s.model, baseURL: event.currentTarget.value } }))} />
      </label>
      <label>
        API key
        <input type="password" autoComplete="off" placeholder={state.hasApiKey ? 'A key is stored (type to replace it)' : 'None (local servers need none)'} value={state.apiKey} onInput={(event) => setApiKey(event.currentTarget.value)} />
      </label>
      <label>
        Model
        <input required value={model.model} onInput={(event) => edit((s) => ({ ...s, model: { ...s.model, model: event.currentTarget.value } }))} />
      </label>
      <label class="settings__check">
        <input type="checkbox" checked={model.vision} onChange={(event) => edit((s) => ({ ...s, model: { ...s.model, vision: event.currentTarget.checked } }))} />
        Send screenshots (vision models)
      </label>
      <fieldset>
        <legend>Grounding</legend>
        <label class="settings__check">
          <input type="checkbox" checked={settings.grounding.enabled} onChange={(event) => edit((s) => ({ ...s, grounding: { ...s.grounding, enabled: event.currentTarget.checked } }))} />
          When a target fits several elements, ask a model to choose
        </label>
        <label>
          Grounding model (empty: the planner's)
          <input value={settings.grounding.model} disabled={!settings.grounding.enabled} onInput={(event) => edit((s) => ({ ...s, grounding: { ...s.grounding, model: event.currentTarget.value } }))} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Budgets</legend>
        <label>
          Steps
          <input type="number" min={1} value={budgets.maxSteps} onInput={(event) => edit((s) => ({ ...s, budgets: { ...s.budgets, maxSteps: numberOr(event.currentTarget.value, s.budgets.maxSteps) } }))} />
        </label>
        <label>
          Tokens
          <input type="number" min={1} value={budgets.maxTokens} onInput={(event) => edit((s) => ({ ...s, budgets: { ...s.budgets, maxTokens: numberOr(event.currentTarget.value, s.budgets.maxTokens) } }))} />
        </label>
        <label>
          Cost (USD)
          <input type="number" min={0} step="0.01" value={budgets.maxCostUsd} onInput={(event) => edit((s) => ({ ...s, budgets: { ...s.budgets, maxCostUsd: numberOr(event.currentTarget.value, s.budgets.maxCostUsd) } }))} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Safety</legend>
        <label>
          Blocked sites (one domain a line)
          <textarea rows={2} value={settings.safety.blockedDomains.join('\n')} onInput={(event) => edit((s) => ({ ...s, safety: { ...s.safety, blockedDomains: domainList(event.currentTarget.value) } }))} />
        </label>
        <label>
          Allowed sites (empty: any; others need your approval)
          <textarea rows={2} value={settings.safety.allowedDomains.join('\n')} onInput={(event) => edit((s) => ({ ...s, safety: { ...s.safety, allowedDomains: domainList(event.currentTarget.value) } }))} />
        </label>
      </fieldset>
      <div class="settings__actions">
        <button type="submit" disabled={state.busy}>
          Save
        </button>
        <button type="button" disabled={state.busy} onClick={() => void testConnection()}>
          Test connection
        </button>
      </div>
      {state.status && (
        <p class={`settings__status settings__status--${state.status.ok ? 'ok' : 'error'}`} role={state.status.ok ? 'status' : 'alert'}>
          {state.status.message}
        </p>
      )}
    </form>
  );
}
