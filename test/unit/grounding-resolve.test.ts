import { describe, expect, it } from 'vitest';
import type { Relation } from '../../src/grounding/parse.ts';
import { findAnchors, nthContainer, positionScores, relationScores } from '../../src/grounding/relations.ts';
import { ground } from '../../src/grounding/resolve.ts';
import type { PageData } from '../../src/grounding/types.ts';
import { box, candidate, expectKind, expectOk, page, text } from './grounding-data.ts';

// ground() on a product grid and a data table: duplicates, relations, ordinals and absences; and
// the relation scores beneath it.

const products = ['Blue Shirt', 'Red Dress', 'Green Hat'];

/** A header with a cart link, then a grid of cards (ids 100+), each a title and its own "Add to cart". */
function productGrid(): PageData {
  const candidates = [
    candidate({ index: 0, role: 'link', tag: 'a', name: 'Cart (0)', text: 'Cart (0)', box: box(1100, 20), ancestors: [2, 1], scopes: ['banner'], scopeIds: [2] }),
    ...products.map((_, i) =>
      candidate({ index: i + 1, name: 'Add to cart', text: 'Add to cart', box: box(20 + 300 * i, 420, 200, 40), ancestors: [100 + i, 10, 3, 1], scopes: ['main', 'list', 'listitem'], scopeIds: [3, 10, 100 + i] }),
    ),
  ];
  const texts = products.flatMap((title, i) => [
    text(title, 110 + i, [100 + i, 10, 3, 1], box(20 + 300 * i, 340, 200, 24)),
    text(`$${19 + i}.00`, 120 + i, [100 + i, 10, 3, 1], box(20 + 300 * i, 380, 80, 20)),
  ]);
  return page(candidates, texts);
}

const people = ['Alice Chen', 'Bob Stone', 'Wen Li'];

/** A users table (id 20): each row (ids 200+) has a name cell, then Edit and Delete. */
function usersTable(): PageData {
  const candidates = people.flatMap((_, r) => {
    const inRow = { ancestors: [220 + r, 200 + r, 20, 3, 1], scopes: ['main', 'table', 'row'], scopeIds: [3, 20, 200 + r] };
    return [
      candidate({ index: 2 * r, name: 'Edit', text: 'Edit', box: box(600, 100 + 50 * r, 60), ...inRow }),
      candidate({ index: 2 * r + 1, name: 'Delete', text: 'Delete', box: box(680, 100 + 50 * r, 60), ...inRow }),
    ];
  });
  const texts = people.map((name, r) => text(name, 210 + r, [200 + r, 20, 3, 1], box(20, 100 + 50 * r, 200, 32)));
  return page(candidates, texts);
}

describe('ground: a clear match', () => {
  it('picks the one element that fits, with the others as runners-up', () => {
    const result = expectOk(ground(usersTable(), { target: 'Edit in the row for Bob Stone' }));
    expect(result.chosen.candidate.index).toBe(2);
    expect(result.chosen.candidate.ref).toBe('e3');
    expect(result.confidence).toBeGreaterThan(0.33);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.message).toContain('[e3]');
    for (const runnerUp of result.runnersUp) expect(runnerUp.score).toBeLessThan(result.chosen.score);
    expect(result.runnersUp.map((r) => r.candidate.index)).not.toContain(2);
  });

  it('lists runners-up that fit less well, best first, and leaves out what does not fit', () => {
    const editor = page([
      candidate({ index: 0, name: 'Save draft', box: box(20, 600) }),
      candidate({ index: 1, name: 'Save', box: box(160, 600) }),
      candidate({ index: 2, name: 'Cancel', box: box(300, 600) }),
      candidate({ index: 3, name: 'Save and publish', box: box(440, 600) }),
    ]);
    const result = expectOk(ground(editor, { target: 'the Save button' }));
    expect(result.chosen.candidate.index).toBe(1);
    expect(result.runnersUp.map((r) => r.candidate.index)).toEqual([0, 3]);
    const scores = result.runnersUp.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(result.confidence).toBeLessThan(result.chosen.score);
  });

  it('finds the cart link by its words, not the Add to cart buttons', () => {
    const result = expectOk(ground(productGrid(), { target: 'the Cart link' }));
    expect(result.chosen.candidate.index).toBe(0);
  });
});

describe('ground: duplicates', () => {
  it('does not guess between equal "Add to cart" buttons', () => {
    const result = expectKind(ground(productGrid(), { target: 'the Add to cart button' }), 'ambiguous');
    expect(result.candidates.map((c) => c.candidate.index)).toEqual([1, 2, 3]);
    expect(result.message).toContain('[e2]');
    expect(result.message).toContain('[e4]');
    expect(result.message).toMatch(/ref|row, card or section|the first/);
  });

  it('lists the Delete buttons of every row when none is named', () => {
    const result = expectKind(ground(usersTable(), { target: 'Delete' }), 'ambiguous');
    expect(result.candidates.map((c) => c.candidate.index)).toEqual([1, 3, 5]);
  });

  it.each(products.map((title, i) => [title, i + 1] as const))("picks the button under '%s' in its own card", (title, index) => {
    const result = expectOk(ground(productGrid(), { target: `the Add to cart button under '${title}'` }));
    expect(result.chosen.candidate.index).toBe(index);
  });

  it.each(people.map((name, r) => [name, 2 * r + 1] as const))('picks Delete in the row for %s', (name, index) => {
    const result = expectOk(ground(usersTable(), { target: `the Delete button in the row for ${name}` }));
    expect(result.chosen.candidate.index).toBe(index);
  });

  it('picks a button in the nth row', () => {
    expect(expectOk(ground(usersTable(), { target: 'Delete in the first row' })).chosen.candidate.index).toBe(1);
    expect(expectOk(ground(usersTable(), { target: 'the Edit button in the last row' })).chosen.candidate.index).toBe(4);
    expect(expectOk(ground(usersTable(), { target: 'Edit in the second row' })).chosen.candidate.index).toBe(2);
  });
});

describe('ground: ordinals', () => {
  it.each([
    ['the first Add to cart button', 1],
    ['the second Add to cart button', 2],
    ['the 3rd Add to cart button', 3],
    ['the last Add to cart button', 3],
    ['the second to last Add to cart button', 2],
  ])('%s -> candidate %i, by document order', (target, index) => {
    const result = expectOk(ground(productGrid(), { target }));
    expect(result.chosen.candidate.index).toBe(index);
    expect(result.runnersUp.map((r) => r.candidate.index)).not.toContain(index);
  });

  it('counts in document order, not in the order the candidates are listed', () => {
    const grid = productGrid();
    grid.candidates.reverse();
    expect(expectOk(ground(grid, { target: 'the second Add to cart button' })).chosen.candidate.index).toBe(2);
  });

  it('says how many there are when the ordinal is past the end', () => {
    const result = expectKind(ground(productGrid(), { target: 'the fifth Add to cart button' }), 'not-found');
    expect(result.message).toContain('Only 3 elements');
    expect(result.message).toContain('number 5');
    expect(result.candidates).toHaveLength(3);
  });
});

describe('ground: not found', () => {
  it('says nothing fits, names the closest, and how to recover', () => {
    const result = expectKind(ground(productGrid(), { target: 'the Checkout button' }), 'not-found');
    expect(result.message).toContain('"the Checkout button"');
    expect(result.message).toMatch(/Scroll|describe it/);
  });

  it('does not take a short look-alike word for the name', () => {
    expectKind(ground(productGrid(), { target: 'the Card link' }), 'not-found');
    expectKind(ground(usersTable(), { target: 'the Export CSV button' }), 'not-found');
  });

  it('is not-found on an empty page, with a message', () => {
    const result = expectKind(ground(page([]), { target: 'the Save button' }), 'not-found');
    expect(result.candidates).toEqual([]);
  });

  it('treats a row for someone absent as not found', () => {
    const result = expectKind(ground(usersTable(), { target: 'Delete in the row for Maria Garcia' }), 'not-found');
    expect(result.message).toMatch(/Scroll|describe/);
  });
});

describe('relations', () => {
  const cards = ['Blue Shirt', 'Red Dress'];
  const grid = page(
    cards.map((_, i) => candidate({ index: i, name: 'Add to cart', box: box(20 + 300 * i, 420, 200, 40), ancestors: [100 + i, 10, 1], scopes: ['listitem'], scopeIds: [100 + i] })),
    cards.map((title, i) => ({ text: title, owner: 110 + i, ancestors: [100 + i, 10, 1], box: box(20 + 300 * i, 340, 200, 24) })),
  );
  const pool = grid.candidates;

  it('finds anchors in text blocks and drops a trailing noun ("Blue Shirt card")', () => {
    expect(findAnchors(grid, 'Blue Shirt')).toHaveLength(1);
    expect(findAnchors(grid, 'Blue Shirt card')[0]?.ancestors).toEqual([110, 100, 10, 1]);
    expect(findAnchors(grid, 'Yellow Scarf')).toEqual([]);
  });

  it('scores the candidate in the anchor\u2019s own container highest', () => {
    const scores = relationScores(grid, { kind: 'below', anchor: 'Red Dress', specific: true }, pool);
    expect(scores.get(1)).toBeGreaterThan(0.9);
    expect(scores.get(0)).toBeLessThan(0.5);
  });

  it('gives 0.1 for a missing specific anchor and 0.9 for a missing generic one', () => {
    const specific: Relation = { kind: 'within', anchor: 'Gift Voucher', specific: true };
    const generic: Relation = { kind: 'within', anchor: 'newsletter', specific: false };
    expect([...relationScores(grid, specific, pool).values()]).toEqual([0.1, 0.1]);
    expect([...relationScores(grid, generic, pool).values()]).toEqual([0.9, 0.9]);
  });

  it('counts a named scope (a dialog title) as the anchor', () => {
    const named = page([candidate({ index: 0, name: 'Save', scopeNames: ['Edit profile'] }), candidate({ index: 1, name: 'Save' })]);
    const scores = relationScores(named, { kind: 'within', anchor: 'Edit profile', specific: true }, named.candidates);
    expect(scores.get(0)).toBe(1);
    expect(scores.get(1)).toBe(0.1);
  });

  it('picks the nth container in document order, negative from the end', () => {
    expect([...nthContainer(grid, { kind: 'nth', anchor: 'card', ordinal: 2 }, pool).entries()]).toEqual([[0, 0.1], [1, 1]]);
    expect(nthContainer(grid, { kind: 'nth', anchor: 'card', ordinal: -1 }, pool).get(1)).toBe(1);
    expect(nthContainer(grid, { kind: 'nth', anchor: 'card', ordinal: 5 }, pool).get(0)).toBe(0.1);
    // No rows at all: no preference.
    expect([...nthContainer(grid, { kind: 'nth', anchor: 'row', ordinal: 1 }, pool).values()]).toEqual([0.9, 0.9]);
  });

  it('scores positions between 0.5 and 1 across the pool', () => {
    const left = positionScores('left', pool);
    expect(left.get(0)).toBe(1);
    expect(left.get(1)).toBe(0.5);
    const bottom = positionScores('bottom', pool);
    expect(bottom.get(0)).toBe(bottom.get(1));
  });
});
