import { isPageIntent, type Intent } from '../../shared/intent.ts';
import type { GroundReport } from '../../shared/results.ts';
import type { Run } from '../../shared/run.ts';
import type { Settings } from '../../shared/settings.ts';
import { groundInTab } from '../agent/act.ts';
import { decide, type GateVerdict } from './decide.ts';

// The gate as a step meets it: the element is grounded on the live page now (unless the caller
// has just done so), then the pure decision is taken on what was found.

export type { GateVerdict } from './decide.ts';

/** `report` is the intent grounded just now, when the caller has it: it is not grounded again. */
export async function gate(run: Run, intent: Intent, context: { settings: Settings; currentUrl: string; report?: GroundReport | undefined }): Promise<GateVerdict> {
  const report = isPageIntent(intent) ? (context.report ?? (await groundInTab(run.tabId, intent).catch(() => undefined))) : undefined;
  return decide(intent, report, { settings: context.settings, sites: run.sites, currentUrl: context.currentUrl });
}
