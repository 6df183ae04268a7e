import { describe, expect, it } from 'vitest';
import { assignVisualLabels } from '../../src/grounding/labels.ts';
import { parseTarget } from '../../src/grounding/parse.ts';
import { ground } from '../../src/grounding/resolve.ts';
import { box, candidate, expectKind, expectOk, page, text } from './grounding-data.ts';

// Units (cards, rows, posts) bound what a description says is "of" them; words beside a field name it.

// Two product cards (units 10 and 20), each with its name and an Add to cart button.
function cards(withBlueButton: boolean) {
  const candidates = [
    candidate({ index: 0, node: 21, name: 'Add to cart', ancestors: [20, 1], box: box(300, 100) }),
    ...(withBlueButton ? [candidate({ index: 1, node: 11, name: 'Add to cart', ancestors: [10, 1], box: box(0, 100) })] : []),
  ];
  const texts = [text('Blue Shirt', 12, [10, 1], box(0, 40)), text('Red Shirt', 22, [20, 1], box(300, 40))];
  return { ...page(candidates, texts), units: [10, 20] };
}

describe('scopes', () => {
  it('finds the button inside the card the description names', () => {
    const chosen = expectOk(ground(cards(true), { target: 'the Add to cart button of the Blue Shirt card', action: 'click' }));
    expect(chosen.chosen.candidate.node).toBe(11);
  });

  it('answers not-found, naming the card, when that card has no such button', () => {
    for (const target of ['the Add to cart button of the Blue Shirt card', 'the Add to cart button for Blue Shirt', "Blue Shirt's Add to cart button"]) {
      const result = expectKind(ground(cards(false), { target, action: 'click' }), 'not-found');
      expect(result.message).toMatch(/"Blue Shirt" is on the page, but nothing in it fits/);
    }
  });

  it('never takes the reference point of a relation as the answer', () => {
    const data = page([
      candidate({ index: 0, node: 5, role: 'button', name: 'Log in', ancestors: [1], box: box(0, 0) }),
      candidate({ index: 1, node: 6, role: 'button', name: 'Log in with a code', ancestors: [1], box: box(0, 60) }),
    ]);
    const result = expectOk(ground(data, { target: "the button below 'Log in'", action: 'click' }));
    expect(result.chosen.candidate.node).toBe(6);
  });
});

describe('reading a description', () => {
  it('takes a quoted name after a relation word as the place, not the name', () => {
    const readings = parseTarget('the trash icon of the email from "Audrey"');
    expect(readings.every((reading) => reading.phrases.length === 0)).toBe(true);
    expect(readings[0]?.relations.map((relation) => relation.anchor)).toContain('Audrey');
  });

  it('reads the author and the words of a post as two places', () => {
    const reading = parseTarget('the "Share" button of the post by @annis that says "Dui feugiat"').find((candidate) => candidate.relations.length > 0);
    expect(reading?.relations.map((relation) => relation.anchor)).toEqual(['@annis', 'Dui feugiat']);
  });

  it('prefers the element that says the quoted name in the same case', () => {
    const data = page([candidate({ index: 0, role: 'link', name: 'eget' }), candidate({ index: 1, role: 'link', name: 'Eget', box: box(0, 50) })]);
    expect(expectOk(ground(data, { target: 'the "Eget" link', action: 'click' })).chosen.candidate.index).toBe(1);
  });
});

describe('labels beside fields', () => {
  it('names each field by the words of the container it shares with no other field', () => {
    const genre = candidate({ index: 0, node: 3, role: 'textbox', tag: 'input', ancestors: [2, 1], box: box(100, 0) });
    const year = candidate({ index: 1, node: 6, role: 'textbox', tag: 'input', ancestors: [5, 1], box: box(0, 60) });
    const data = page([genre, year], [text('Genre:', 4, [2, 1], box(0, 0, 90)), text('Year', 7, [5, 1], box(0, 95, 40))]);
    assignVisualLabels(data);
    expect([genre.label, genre.name, year.label]).toEqual(['Genre', 'Genre', 'Year']);
  });

  it('leaves a field unnamed when its words are shared with another field', () => {
    const a = candidate({ index: 0, node: 3, role: 'textbox', tag: 'input', ancestors: [2, 1] });
    const b = candidate({ index: 1, node: 4, role: 'textbox', tag: 'input', ancestors: [2, 1], box: box(0, 40) });
    const data = page([a, b], [text('Dates', 5, [2, 1], box(0, 80))]);
    assignVisualLabels(data);
    expect([a.label, b.label]).toEqual([undefined, undefined]);
  });
});
