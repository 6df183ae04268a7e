import type { IntentInput } from './intent.ts';

/** An intent in plain words, for people reading a run: click "the Add to cart button". */
export function describeIntent(intent: IntentInput): string {
  const where = 'target' in intent && intent.target ? ` "${intent.target}"` : 'ref' in intent && intent.ref ? ` [${intent.ref}]` : 'point' in intent && intent.point ? ` at (${intent.point.join(', ')})` : '';
  switch (intent.action) {
    case 'type':
      return `type "${intent.text}" into${where}${intent.submit ? ' and press Enter' : ''}`;
    case 'select':
      return `choose ${Array.isArray(intent.option) ? intent.option.map((o) => `"${o}"`).join(', ') : `"${intent.option}"`} in${where}`;
    case 'check':
      return `${intent.checked === false ? 'uncheck' : 'check'}${where}`;
    case 'press':
      return `press ${intent.key}${where ? ` on${where}` : ''}`;
    case 'scroll':
      return `scroll ${intent.direction}${where ? ` in${where}` : ''}`;
    case 'navigate':
      return `go to ${intent.url}`;
    case 'tab':
      return `${intent.op} tab${intent.index !== undefined ? ` ${intent.index}` : ''}${intent.url ? ` ${intent.url}` : ''}`;
    case 'wait':
      return intent.until ? `wait for "${intent.until}"` : `wait ${intent.seconds ?? 1} s`;
    case 'note':
      return `note "${intent.content}"`;
    case 'ask_user':
      return `ask "${intent.question}"`;
    case 'finish':
      return `finish (${intent.success ? 'success' : 'failure'})${intent.answer ? `: ${intent.answer}` : ''}`;
    default:
      return `${intent.action}${where}`;
  }
}
