import type { Intent } from '../../shared/intent.ts';

// Which steps are consequential: judged on the element the step lands on (its name, as the page
// says it) and the planner's own words and "sensitive" mark. English and Chinese wording.

export interface Risk {
  kind: 'payment' | 'deletion' | 'publishing' | 'credentials' | 'marked';
  reason: string;
}

const rules: { kind: Risk['kind']; pattern: RegExp; reason: string }[] = [
  {
    kind: 'payment',
    pattern: /\b(buy|pay|purchase|place (?:the |my |your )?order|complete (?:the |my )?(?:order|purchase)|confirm (?:the |my )?(?:order|purchase|payment)|check ?out|proceed to (?:checkout|payment)|transfer|send money|donate|subscribe now|start (?:my |the )?subscription)\b|购买|支付|付款|下单|提交订单|确认订单|结算|转账|充值/i,
    reason: 'it may spend money or place an order',
  },
  {
    kind: 'deletion',
    pattern: /\b(delete|remove (?:account|user|project|repository)|erase|destroy|close (?:my |the )?account|deactivate|cancel (?:my |the )?(?:subscription|order|account)|wipe)\b|删除|注销|清空|移除账户/i,
    reason: 'it deletes or cancels something that may not come back',
  },
  {
    kind: 'publishing',
    pattern: /\b(send|post|publish|tweet|submit (?:a |the |my )?(?:review|comment|post|application)|share (?:publicly|with everyone)|reply all)\b|发送|发布|提交评论|发表/i,
    reason: 'it sends or publishes something in your name',
  },
  {
    kind: 'credentials',
    pattern: /\b(change (?:my |the |your )?(?:password|email|e-mail|phone)|update (?:password|email)|reset password|(?:disable|turn off) (?:two[- ]factor|2fa)|security settings)\b|修改密码|更改密码|重置密码/i,
    reason: 'it changes how you sign in or your account settings',
  },
];

/** Only steps that commit something can be consequential. */
function commits(intent: Intent): boolean {
  if (intent.action === 'click') return true;
  if (intent.action === 'press') return /enter/i.test(intent.key);
  if (intent.action === 'type') return intent.submit;
  return false;
}

export function assessRisk(intent: Intent, element: { name: string; role: string } | undefined, context: { submitsPayment?: boolean } = {}): Risk | undefined {
  if ('sensitive' in intent && intent.sensitive) return { kind: 'marked', reason: intent.sensitive };
  if (!commits(intent)) return undefined;
  // Whatever the button says ("Continue", "Next"), sending card details is paying.
  if (context.submitsPayment) return { kind: 'payment', reason: 'it submits a form with payment card details' };
  // The element's own words decide ("Post" on a button publishes; "the Like button on the post"
  // does not); the planner's words only when nothing was grounded.
  const words = element ? element.name : 'target' in intent ? (intent.target ?? '') : '';
  const rule = rules.find((entry) => entry.pattern.test(words));
  return rule ? { kind: rule.kind, reason: rule.reason } : undefined;
}
