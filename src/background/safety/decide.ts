import { isPageIntent, type Intent } from '../../shared/intent.ts';
import type { GroundReport } from '../../shared/results.ts';
import type { Settings } from '../../shared/settings.ts';
import { checkDestination } from './domains.ts';
import { assessRisk } from './risk.ts';

// The decision every step passes before it is carried out, as a pure function of the intent, the
// element it was grounded on, the run's sites and the settings: where it would take the agent, and
// whether it commits something in the person's name. Page steps are judged on the element they
// land on, not on the model's words alone.

type Element = { ref: string; role: string; name: string };

export type GateVerdict =
  | { kind: 'go' }
  | { kind: 'refuse'; message: string }
  | { kind: 'ask'; reason: string; waiting: string; on: string; element?: Element; site?: string };

export interface GateContext {
  settings: Settings;
  /** The sites the person brought up in this run. */
  sites: string[];
  /** The page the agent is on. */
  currentUrl: string;
}

function destinationOf(intent: Intent, link: string | undefined): string | undefined {
  if (intent.action === 'navigate') return intent.url;
  if (intent.action === 'tab' && intent.op === 'open') return intent.url;
  // A javascript: link opens nothing: clicking it runs the page's own handler, like a button.
  if (link !== undefined && /^\s*javascript:/i.test(link)) return undefined;
  if (intent.action === 'click' || (intent.action === 'press' && /enter/i.test(intent.key))) return link;
  return undefined;
}

export function decide(intent: Intent, report: GroundReport | undefined, context: GateContext): GateVerdict {
  const grounded = isPageIntent(intent) && report?.kind === 'ok' ? report.element : undefined;
  const element = grounded ? { ref: grounded.ref, role: grounded.role, name: grounded.name } : undefined;
  const on = element ? ` on [${element.ref}] ${element.role} "${element.name}"` : '';

  const destination = destinationOf(intent, grounded?.link);
  if (destination) {
    const verdict = checkDestination(destination, { safety: context.settings.safety, sites: context.sites, currentUrl: context.currentUrl });
    if (verdict.kind === 'blocked') return { kind: 'refuse', message: `${verdict.host} is on the blocked list in the person's settings; it was not opened. Find another way.` };
    if (verdict.kind === 'refuse') return { kind: 'refuse', message: `Not opened: ${verdict.reason}. Find another way.` };
    if (verdict.kind === 'ask') return { kind: 'ask', reason: verdict.reason, waiting: ` opening ${verdict.host}`, on, site: verdict.site, ...(element ? { element } : {}) };
  }

  const risk = assessRisk(intent, element, { submitsPayment: grounded?.submitsPayment === true });
  if (risk) return { kind: 'ask', reason: risk.reason, waiting: `: ${risk.reason}`, on: on || (isPageIntent(intent) ? ' on the page' : ''), ...(element ? { element } : {}) };
  return { kind: 'go' };
}
