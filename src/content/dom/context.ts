import { isButton, isInput, isTextArea } from './kinds.ts';

// What a step on an element would set off beyond the element itself: the page a link opens, and
// whether it submits a form that holds payment card details. The safety checks weigh these.

const paymentField = /(card.?(num|no|holder|number)|cc.?(num|no|csc|cvc|exp)|cvc|cvv|csc|security.?code|expir)/i;

function isPaymentField(element: Element): boolean {
  if (!(isInput(element) || isTextArea(element))) return false;
  const autocomplete = element.getAttribute('autocomplete') ?? '';
  if (/\bcc-/.test(autocomplete)) return true;
  return paymentField.test([element.name, element.id, element.getAttribute('aria-label') ?? '', element.placeholder].join(' '));
}

function formOf(element: Element): HTMLFormElement | null {
  if (isButton(element) || isInput(element) || isTextArea(element)) return element.form;
  return element.closest('form');
}

/** Pressing it (or Enter in it) would submit its form. */
function submits(element: Element): boolean {
  if (isButton(element)) return element.type === 'submit';
  if (isInput(element)) return ['submit', 'image', 'text', 'email', 'tel', 'number', 'password', 'search', 'url', ''].includes(element.type);
  return false;
}

export interface ElementContext {
  /** The absolute URL a link opens. */
  link?: string;
  /** It submits a form with payment card fields. */
  submitsPayment?: boolean;
}

export function elementContext(element: Element): ElementContext {
  const context: ElementContext = {};
  const anchor = element.closest<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]');
  if (anchor && /^https?:/i.test(anchor.href)) context.link = anchor.href;
  const form = formOf(element);
  if (form && submits(element) && [...form.elements].some(isPaymentField)) context.submitsPayment = true;
  return context;
}
