import { describe, expect, it } from 'vitest';
import { ground } from '../../src/grounding/resolve.ts';
import type { PageData } from '../../src/grounding/types.ts';
import { box, candidate, expectKind, expectOk, page, text } from './grounding-data.ts';

// ground() with a ref or point hint, with an action, and with anchors that are not on the page.

/** Rows for Alice Chen, Bob Stone and Wen Li (ids 200+), each with Edit then Delete. */
function usersTable(): PageData {
  const people = ['Alice Chen', 'Bob Stone', 'Wen Li'];
  const candidates = people.flatMap((_, r) => {
    const inRow = { ancestors: [200 + r, 20, 1], scopes: ['table', 'row'], scopeIds: [20, 200 + r] };
    return [candidate({ index: 2 * r, name: 'Edit', box: box(600, 100 + 50 * r, 60), ...inRow }), candidate({ index: 2 * r + 1, name: 'Delete', box: box(680, 100 + 50 * r, 60), ...inRow })];
  });
  return page(candidates, people.map((name, r) => text(name, 210 + r, [200 + r, 20, 1], box(20, 100 + 50 * r, 200))));
}

/** A search box in the header beside a "Search" help link, and one product card "Blue Shirt". */
function shopPage(): PageData {
  const header = { ancestors: [2, 1], scopes: ['banner'], scopeIds: [2] };
  return page(
    [
      candidate({ index: 0, role: 'link', tag: 'a', name: 'Search', text: 'Search', box: box(40, 20, 80), ...header }),
      candidate({ index: 1, role: 'searchbox', tag: 'input', type: 'search', name: 'Search', placeholder: 'Search products', states: { editable: true, empty: true }, box: box(200, 16, 400), ...header }),
      candidate({ index: 2, name: 'Buy', box: box(20, 420), ancestors: [100, 10, 1], scopes: ['listitem'], scopeIds: [100] }),
      candidate({ index: 3, name: 'Subscribe', box: box(20, 700), ancestors: [30, 1] }),
    ],
    [text('Blue Shirt', 110, [100, 10, 1], box(20, 340, 200, 24)), text('Get our weekly deals', 31, [30, 1], box(20, 660, 300, 20))],
  );
}

describe('ground: ref hints', () => {
  it('takes the ref when the words fit it, even among equal duplicates', () => {
    const result = expectOk(ground(usersTable(), { target: 'the Delete button', ref: 'e4', refIndex: 3 }));
    expect(result.chosen.candidate.index).toBe(3);
    expect(result.confidence).toBeGreaterThan(result.chosen.score - 0.01);
    expect(result.runnersUp.map((r) => r.candidate.index)).not.toContain(3);
  });

  it('does not let a ref overrule the words: stale-ref, nothing chosen, the fitting ones listed', () => {
    const result = expectKind(ground(usersTable(), { target: 'Delete in the row for Alice Chen', ref: 'e3', refIndex: 2 }), 'stale-ref');
    expect('chosen' in result).toBe(false);
    expect(result.candidates.map((c) => c.candidate.index)).toContain(1);
    expect(result.message).toContain('ref e3');
    expect(result.message).toContain('[e3] button "Edit"');
    expect(result.message).toContain('does not fit');
    expect(result.message).toMatch(/Observe the page again|target alone/);
  });

  it('goes by the words when the ref names nothing any more, and says so', () => {
    const result = expectOk(ground(usersTable(), { target: 'Delete in the row for Wen Li', ref: 'e99', refIndex: null }));
    expect(result.chosen.candidate.index).toBe(5);
    expect(result.message).toMatch(/^ref e99 names nothing on the page now; went by the words\./);
  });

  it('goes by the words when the ref is gone (chosen as the words say)', () => {
    const result = expectOk(ground(usersTable(), { target: 'Delete in the row for Wen Li', ref: 'e99', refIndex: null }));
    expect(result.chosen.candidate.index).toBe(5);
  });

  it('says it went by the words when the point hits nothing, keeping the kind of the answer', () => {
    const ok = expectOk(ground(usersTable(), { target: 'Delete in the row for Wen Li', point: [10, 10], pointIndex: null }));
    expect(ok.chosen.candidate.index).toBe(5);
    expect(ok.message).toMatch(/^the point names nothing on the page now; went by the words\. Chose \[e6\]/);
    const ambiguous = expectKind(ground(usersTable(), { target: 'Delete', point: [10, 10], pointIndex: null }), 'ambiguous');
    expect(ambiguous.message).toContain('went by the words');
    expect(ambiguous.candidates).toHaveLength(3);
  });

  it('takes a ref alone, without words', () => {
    const result = expectOk(ground(usersTable(), { ref: 'e2', refIndex: 1 }));
    expect(result.chosen.candidate.ref).toBe('e2');
    expect(result.runnersUp).toEqual([]);
    expect(result.message).toContain('by its ref');
  });

  it('reports a ref alone that names nothing as stale, with how to recover', () => {
    const result = expectKind(ground(usersTable(), { ref: 'e42', refIndex: null }), 'stale-ref');
    expect(result.candidates).toEqual([]);
    expect(result.message).toContain('Ref e42');
    expect(result.message).toMatch(/Observe the page again|describe the element/);
  });
});

describe('ground: point hints', () => {
  it('takes the element under the point when no target is given', () => {
    const result = expectOk(ground(shopPage(), { point: [250, 30], pointIndex: 1 }));
    expect(result.chosen.candidate.index).toBe(1);
    expect(result.message).toContain('by its position');
  });

  it('says nothing is at an empty point, and how to recover', () => {
    const result = expectKind(ground(shopPage(), { point: [900, 500], pointIndex: null }), 'stale-ref');
    expect(result.message).toMatch(/Nothing that can be acted on is at that point/);
    expect(result.message).toMatch(/Describe the element in words/);
  });

  it('refuses a point that contradicts the words', () => {
    const result = expectKind(ground(shopPage(), { target: 'the Subscribe button', point: [30, 430], pointIndex: 2 }), 'stale-ref');
    expect(result.message).toContain('the point is [e3] button "Buy"');
    expect(result.candidates.map((c) => c.candidate.index)).toEqual([3]);
  });
});

describe('ground: the action', () => {
  it('prefers an editable field over a same-named link when typing', () => {
    const result = expectOk(ground(shopPage(), { target: 'Search', action: 'type' }));
    expect(result.chosen.candidate.index).toBe(1);
    expect(result.chosen.factors.role).toBeGreaterThan(result.runnersUp[0]?.factors.role ?? 0);
  });

  it('does not guess between the link and the field when clicking', () => {
    const result = expectKind(ground(shopPage(), { target: 'Search' }), 'ambiguous');
    expect(result.candidates.map((c) => c.candidate.index).sort()).toEqual([0, 1]);
  });

  it('prefers the link when the description says link', () => {
    expect(expectOk(ground(shopPage(), { target: 'the Search link' })).chosen.candidate.index).toBe(0);
  });
});

describe('ground: anchors not on the page', () => {
  it('rules the target out when a specific anchor is missing', () => {
    const result = expectKind(ground(shopPage(), { target: 'the Buy button for the Gift Card' }), 'not-found');
    expect(result.message).toMatch(/Scroll|describe/);
  });

  it('rules the target out when a quoted anchor is missing', () => {
    expectKind(ground(shopPage(), { target: "the Buy button under 'Red Dress'" }), 'not-found');
  });

  it('ignores a generic anchor it cannot find', () => {
    const result = expectOk(ground(shopPage(), { target: 'Subscribe in the newsletter box' }));
    expect(result.chosen.candidate.index).toBe(3);
    expect(result.chosen.factors.relation).toBeCloseTo(0.9, 5);
  });

  it('uses a specific anchor that is there', () => {
    expect(expectOk(ground(shopPage(), { target: 'the Buy button for Blue Shirt' })).chosen.candidate.index).toBe(2);
  });

  it('does not take "Gift Wrap" for a missing "Gift Card"', () => {
    const shop = shopPage();
    shop.texts.push(text('Gift Wrap', 111, [101, 10, 1], box(320, 340, 200, 24)));
    shop.candidates.push(candidate({ index: 4, name: 'Buy', box: box(320, 420), ancestors: [101, 10, 1], scopes: ['listitem'], scopeIds: [101] }));
    expectKind(ground(shop, { target: "the Buy button under 'Gift Card'" }), 'not-found');
    expectKind(ground(shop, { target: 'the Buy button for the Gift Card' }), 'not-found');
  });
});

describe('ground: possessives and icon buttons', () => {
  it("finds Delete in Wen Li's row", () => {
    expect(expectOk(ground(usersTable(), { target: "the Delete button in Wen Li's row" })).chosen.candidate.index).toBe(5);
  });

  it("finds the button of a possessive that leads (Alice Chen's Edit button)", () => {
    expect(expectOk(ground(usersTable(), { target: "Alice Chen's Edit button" })).chosen.candidate.index).toBe(0);
  });
});
