import { describe, expect, it } from 'vitest';
import { candidatesToShow } from '../../src/background/run/nearby.ts';

// What the grounding model is shown: the grounder's candidates, then what sits where the words point.

const checkout = [
  '- banner:',
  '  - [e1] link "Threadline"',
  '- main:',
  '  - heading "Checkout" [level=1]',
  '  - [e2] link "← Back to cart"',
  '  - region "Shipping to":',
  '    - heading "Shipping to" [level=2]',
  '    - text: Sam Rivera, 12 Harbour Road, Bristol BS1 4RW',
  '    - [e3] radio "Standard (3–5 days), free" [checked]',
  '    - [e4] radio "Express (next day), $9.00"',
  '  - region "Order summary":',
  '    - heading "Order summary" [level=2]',
  '    - text: 5 items · $286.00',
  '    - [e5] button "Place order"',
  '  - 3 links: [e6] "Help" · [e7] "Terms" · [e8] "Privacy"',
].join('\n');

describe('the candidates shown to the grounding model', () => {
  it('puts the grounder\'s own first, then the elements near them, with labels from the outline', () => {
    const shown = candidatesToShow({ target: 'the Place my order now button', words: [{ ref: 'e5', role: 'button', name: 'Place order' }], outline: checkout, limit: 4, minPlace: 2 });
    expect(shown[0]).toEqual({ ref: 'e5', near: 'words', label: 'button "Place order"' });
    expect(shown.slice(1).every((entry) => entry.near === 'place')).toBe(true);
    expect(shown.map((entry) => entry.ref)).toEqual(['e5', 'e6', 'e7', 'e8']);
    expect(shown[2]?.label).toBe('"Terms"');
  });

  it('looks both ways around the grounder\'s own, nearest first', () => {
    const shown = candidatesToShow({ target: 'the quick radio', words: [{ ref: 'e4', role: 'radio', name: 'Express (next day), $9.00' }], outline: checkout, limit: 3, minPlace: 2 });
    expect(shown.map((entry) => entry.ref)).toEqual(['e4', 'e3', 'e5']);
  });

  it('finds where a quoted anchor is, and the elements under it first', () => {
    const shown = candidatesToShow({ target: "the free delivery choice under 'Shipping to'", words: [], outline: checkout, limit: 3, minPlace: 3 });
    expect(shown.map((entry) => entry.ref)).toEqual(['e3', 'e4', 'e2']);
    expect(shown.every((entry) => entry.near === 'place')).toBe(true);
  });

  it('takes the lines that share the description\'s rarer words as anchors, in Chinese too', () => {
    const shown = candidatesToShow({ target: 'the Terms of service link', words: [], outline: checkout, limit: 1, minPlace: 1 });
    expect(shown.map((entry) => entry.ref)).toEqual(['e6']);
    const zh = ['- main:', '  - heading "配送方式" [level=2]', '  - [e1] radio "标准配送"', '  - [e2] radio "加急配送"', '  - heading "支付" [level=2]', '  - [e3] button "提交订单"'].join('\n');
    expect(candidatesToShow({ target: '「支付」下方的按钮', words: [], outline: zh, limit: 1, minPlace: 1 }).map((entry) => entry.ref)).toEqual(['e3']);
  });

  it('keeps room for places when the grounder lists many, and never shows one twice', () => {
    const words = ['e1', 'e2', 'e3', 'e4'].map((ref) => ({ ref, role: 'button', name: '' }));
    const shown = candidatesToShow({ target: "under 'Order summary'", words, outline: checkout, limit: 4, minPlace: 2 });
    expect(shown.map((entry) => `${entry.ref}:${entry.near}`)).toEqual(['e1:words', 'e2:words', 'e5:place', 'e6:place']);
    expect(new Set(shown.map((entry) => entry.ref)).size).toBe(shown.length);
  });

  it('shows nothing where the outline holds no element', () => {
    expect(candidatesToShow({ target: 'the Save button', words: [], outline: '- heading "Empty"', limit: 8, minPlace: 3 })).toEqual([]);
  });
});
