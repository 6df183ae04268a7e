import { providerPresets, type Provider, type Settings } from '../../shared/settings.ts';
import { sendToBackground } from '../../shared/transport.ts';

// Whether the stored settings name a model a run can use. Out of the box they point at OpenAI
// with no key, which can only fail; the panel says so before the person presses Run.

const needsKey = new Set<Provider>(['openai', 'zhipu', 'openrouter']);

/** What keeps these settings from running a goal, in words; undefined when nothing does. */
export function getModelProblem(settings: Settings, hasApiKey: boolean): string | undefined {
  const { provider, baseURL, model } = settings.model;
  if (!baseURL || !model) return 'No model is set up yet. Webwright plans each step with a language model: choose one in Settings.';
  if (needsKey.has(provider) && !hasApiKey) {
    return `No model is set up yet. ${providerPresets[provider].label} needs an API key: add one in Settings, or choose another provider (a local Ollama needs none).`;
  }
  return undefined;
}

/**
 * Reads the stored settings afresh and says what keeps them from running a goal, if anything. It
 * leaves the Settings form's own state alone, so a read in flight never overwrites an edit.
 */
export async function checkModel(): Promise<string | undefined> {
  try {
    const { settings, hasApiKey } = await sendToBackground('panel-to-background', 'settings.get', {});
    return getModelProblem(settings, hasApiKey);
  } catch {
    // Settings that cannot be read do not block a run: the run reports its own error.
    return undefined;
  }
}
