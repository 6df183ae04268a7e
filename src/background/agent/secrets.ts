import { secretNames, secretRef } from '../../shared/secrets.ts';
import type { Intent } from '../../shared/intent.ts';
import { hostOf, covers } from '../safety/sites.ts';
import { loadSecrets } from '../settings-store.ts';

// The values a typing step needs, for the one frame it types into, checked against the sites each
// secret is kept for: a page cannot talk the agent into typing a bank password somewhere else.

export type SecretsVerdict = { ok: true; values: Record<string, string> } | { ok: false; message: string };

/** `frameUrl` is only asked for when the step names a secret. */
export async function secretsFor(intent: Intent, frameUrl: () => Promise<string | undefined>): Promise<SecretsVerdict> {
  const names = intent.action === 'type' ? secretNames(intent.text) : [];
  if (!names.length) return { ok: true, values: {} };
  const stored = await loadSecrets();
  const values: Record<string, string> = {};
  const url = await frameUrl();
  const host = url ? hostOf(url) : undefined;
  for (const name of names) {
    const secret = stored.find((entry) => entry.name === name);
    if (!secret) {
      const known = stored.map((entry) => secretRef(entry.name)).join(', ');
      return { ok: false, message: `There is no stored secret named "${name}"${known ? ` (stored: ${known})` : ''}; nothing was typed. Ask the person to add it under Settings → Secrets, or ask them for the value.` };
    }
    if (secret.sites.length && !(host && secret.sites.some((site) => covers(site, host)))) {
      return { ok: false, message: `${secretRef(name)} is kept for ${secret.sites.join(', ')} only, and this field is on ${host ?? 'an unknown site'}; nothing was typed.` };
    }
    values[name] = secret.value;
  }
  return { ok: true, values };
}
