import { isPageIntent, type Intent } from '../../shared/intent.ts';
import type { GroundReport } from '../../shared/results.ts';
import type { Run } from '../../shared/run.ts';
import type { Settings } from '../../shared/settings.ts';
import { groundInTab } from '../agent/act.ts';
import { checkDestination } from './domains.ts';
import { assessRisk } from './risk.ts';

// The checks every step passes before it is carried out: where it would take the agent, and
// whether it commits something in the person's name. Page steps are judged on the element they
// land on, as grounded now, not on the model's words alone.

type Element = { ref: string; role: string; name: string };

export type GateVerdict =
  | { kind: 'go' }
  | { kind: 'refuse'; message: string }
  | { kind: 'ask'; reason: string; waiting: string; on: string; element?: Element; site?: string };

function destinationOf(intent: Intent, link: string | undefined): string | undefined {
  if (intent.action === 'navigate') return intent.url;
  if (intent.action === 'tab' && intent.op === 'open') return intent.url;
  if (intent.action === 'click' || (intent.action === 'press' && /enter/i.test(intent.key))) return link;
  return undefined;
}

/** `report` is the intent grounded just now, when the caller has it: it is not grounded again. */
export async function gate(run: Run, intent: Intent, context: { settings: Settings; currentUrl: string; report?: GroundReport | undefined }): Promise<GateVerdict> {
  let element: Element | undefined;
  let link: string | undefined;
  let submitsPayment = false;
  if (isPageIntent(intent)) {
    const report = context.report ?? (await groundInTab(run.tabId, intent).catch(() => undefined));
    if (report?.kind === 'ok' && report.element) {
      element = { ref: report.element.ref, role: report.element.role, name: report.element.name };
      link = report.element.link;
      submitsPayment = report.element.submitsPayment === true;
    }
  }
  const on = element ? ` on [${element.ref}] ${element.role} "${element.name}"` : '';

  const destination = destinationOf(intent, link);
  if (destination) {
    const verdict = checkDestination(destination, { safety: context.settings.safety, sites: run.sites, currentUrl: context.currentUrl });
    if (verdict.kind === 'blocked') return { kind: 'refuse', message: `${verdict.host} is on the blocked list in the person's settings; it was not opened. Find another way.` };
    if (verdict.kind === 'ask') return { kind: 'ask', reason: verdict.reason, waiting: ` opening ${verdict.host}`, on, site: verdict.site, ...(element ? { element } : {}) };
  }

  const risk = assessRisk(intent, element, { submitsPayment });
  if (risk) return { kind: 'ask', reason: risk.reason, waiting: `: ${risk.reason}`, on: on || (isPageIntent(intent) ? ' on the page' : ''), ...(element ? { element } : {}) };
  return { kind: 'go' };
}
