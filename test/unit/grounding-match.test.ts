import { describe, expect, it } from 'vitest';
import { overlapScore, textMatch, tokenMatch, wordMatch, words } from '../../src/grounding/match.ts';
import { levenshtein, normalize, tokenize, wordSimilarity } from '../../src/grounding/normalize.ts';
import { parseTarget, type TargetQuery } from '../../src/grounding/parse.ts';
import { MATCH_THRESHOLD } from '../../src/grounding/resolve.ts';
import { scoreCandidates, type ActionKind, type Scored } from '../../src/grounding/score.ts';
import type { Candidate, PageData } from '../../src/grounding/types.ts';

// How well a piece of a description matches a piece of page text, from 0 to 1; then how the
// factors of a candidate (name, role, state, scope) combine: one contradiction sinks it.

function candidate(fields: Partial<Candidate> & Pick<Candidate, 'index'>): Candidate {
  return { ref: `e${fields.index + 1}`, role: 'button', name: '', tag: 'button', text: '', states: {}, box: { x: 0, y: 100 * fields.index, width: 120, height: 32 }, inViewport: true, ancestors: [], scopes: [], scopeIds: [], scopeNames: [], ...fields };
}

const page = (candidates: Candidate[]): PageData => ({ candidates, texts: [], viewport: { width: 1280, height: 800 } });

describe('normalize and tokenize', () => {
  it('lower-cases, folds width, drops quotes and possessive s, collapses spaces', () => {
    expect(normalize('  Add\u00a0to   Cart ')).toBe('add to cart');
    expect(normalize('\uff21\uff22\uff23')).toBe('abc');
    expect(normalize("Priya's post")).toBe('priya post');
    expect(normalize('Wen Li\u2019s row')).toBe('wen li row');
    expect(normalize('\u201cSave\u201d')).toBe('save');
  });

  it('splits on punctuation but keeps meaningful symbols', () => {
    expect(tokenize('Forgot password?')).toEqual(['forgot', 'password']);
    expect(tokenize('\u2661 Save')).toEqual(['\u2661', 'save']);
    expect(tokenize('Next \u2192')).toEqual(['next', '\u2192']);
    expect(tokenize('Qty: +')).toEqual(['qty', '+']);
  });

  it('keeps pager arrows that are punctuation (\u203a, \u00bb) as words', () => {
    expect(tokenize('Next \u203a')).toEqual(['next', '\u203a']);
    expect(textMatch('Next', '\u00bb')).toBeGreaterThan(MATCH_THRESHOLD);
  });

  it('computes edit distances', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
  });
});

describe('wordSimilarity and wordMatch', () => {
  it('gives 1 for the same word and 0.9 for plurals and simple inflections', () => {
    expect(wordSimilarity('cart', 'cart')).toBe(1);
    expect(wordSimilarity('button', 'buttons')).toBe(0.9);
    expect(wordSimilarity('address', 'addresses')).toBe(0.9);
    expect(wordSimilarity('add', 'added')).toBe(0.9);
    expect(wordSimilarity('load', 'loading')).toBe(0.9);
  });

  it('forgives a typo only in words of five letters or more', () => {
    expect(wordSimilarity('adress', 'address')).toBe(0.8);
    expect(wordSimilarity('cotninue', 'continue')).toBe(0.7);
    expect(wordSimilarity('card', 'cart')).toBe(0);
    expect(wordSimilarity('pay', 'pat')).toBe(0);
    // Two edits in a short word is a different word.
    expect(wordSimilarity('share', 'shore')).toBe(0.8);
    expect(wordSimilarity('share', 'store')).toBe(0);
  });

  it('does not take a prefix for an inflection ("logo" is not "logout")', () => {
    expect(wordSimilarity('logo', 'logout')).toBe(0);
    expect(wordSimilarity('car', 'cart')).toBe(0);
    expect(wordMatch('logo', 'logout')).toBe(0);
  });

  it('matches synonyms at 0.85, in either direction', () => {
    expect(wordMatch('trash', 'delete')).toBe(0.85);
    expect(wordMatch('delete', 'trash')).toBe(0.85);
    expect(wordMatch('basket', 'cart')).toBe(0.85);
    expect(wordMatch('sign_in', 'login')).toBe(0.85);
    expect(wordMatch('log_in', 'sign_in')).toBe(0.85);
    expect(wordMatch('delete', 'close')).toBe(0);
    expect(wordMatch('login', 'logout')).toBe(0);
  });
});

describe('words', () => {
  it('joins known multi-word phrases into one token', () => {
    expect(words('Sign in to your account')).toEqual(['sign_in', 'to', 'your', 'account']);
    expect(words('Log out')).toEqual(['log_out']);
    expect(words('Proceed to checkout')).toEqual(['proceed_to_checkout']);
    expect(words('Add to cart')).toEqual(['add', 'to', 'cart']);
  });

  it('joins a phrase only on word boundaries', () => {
    expect(words('Design inputs')).toEqual(['design', 'inputs']);
  });
});

describe('textMatch', () => {
  it('is 1 for the same text, whatever the case, spacing or quotes', () => {
    expect(textMatch('Add to cart', 'Add to cart')).toBe(1);
    expect(textMatch('add to CART', '  Add  to cart ')).toBe(1);
    expect(textMatch('"Save"', 'Save')).toBe(1);
  });

  it('is 0 when there is no field, or nothing in common', () => {
    expect(textMatch('Save', undefined)).toBe(0);
    expect(textMatch('Save', '')).toBe(0);
    expect(textMatch('Save', 'Cancel')).toBe(0);
  });

  it('scores a phrase inside a longer text high, and higher the more it covers', () => {
    const short = textMatch('Add to cart', 'Add to cart \u2013 Blue Shirt');
    const long = textMatch('Add to cart', 'Add to cart and continue shopping for more shirts');
    expect(short).toBeGreaterThan(0.7);
    expect(short).toBeLessThan(1);
    expect(long).toBeLessThan(short);
    expect(long).toBeGreaterThan(MATCH_THRESHOLD);
  });

  it('matches plurals and typos of long words above the threshold, below an exact match', () => {
    for (const [query, field] of [
      ['Notifications', 'Notification'],
      ['Newsleter', 'Newsletter'],
      ['Pasword', 'Password'],
      ['Shiping address', 'Shipping address'],
    ] as const) {
      const score = textMatch(query, field);
      expect(score, `${query} ~ ${field}`).toBeGreaterThan(MATCH_THRESHOLD);
      expect(score).toBeLessThan(1);
    }
  });

  it('never matches short words that differ by a letter', () => {
    expect(textMatch('card', 'cart')).toBe(0);
    expect(textMatch('Gift card', 'Gift cart')).toBeLessThan(textMatch('Gift card', 'Gift card'));
    expect(textMatch('logo', 'Logout')).toBe(0);
  });

  it('matches synonyms and synonym phrases', () => {
    expect(textMatch('trash', 'Delete')).toBeGreaterThan(MATCH_THRESHOLD);
    expect(textMatch('log in', 'Sign in')).toBeGreaterThan(MATCH_THRESHOLD);
    expect(textMatch('basket', 'Cart')).toBeGreaterThan(MATCH_THRESHOLD);
    expect(textMatch('log in', 'Log out')).toBe(0);
  });

  it('weighs recall over precision', () => {
    // Half the description found is not a match; the description covering half the field is.
    expect(textMatch('Delete account', 'Remove')).toBeLessThan(MATCH_THRESHOLD);
    expect(textMatch('Delete account', 'Delete')).toBeLessThan(MATCH_THRESHOLD);
    expect(textMatch('Delete', 'Delete account')).toBeGreaterThan(MATCH_THRESHOLD);
    expect(textMatch('Delete', 'Delete account')).toBeGreaterThan(textMatch('Delete account', 'Delete'));
  });

  it('prefers the field that says exactly the description', () => {
    const exact = textMatch('Save', 'Save');
    const longer = textMatch('Save', 'Save draft');
    const synonym = textMatch('Save', 'Bookmark');
    expect(exact).toBeGreaterThan(longer);
    expect(longer).toBeGreaterThan(synonym);
  });
});

describe('tokenMatch and overlapScore', () => {
  it('returns 0 for an empty side', () => {
    expect(tokenMatch([], ['save'])).toBe(0);
    expect(tokenMatch(['save'], [])).toBe(0);
  });

  it('is 1 for the same sequence and 0.92 scaled for a contained one', () => {
    expect(tokenMatch(['add', 'to', 'cart'], ['add', 'to', 'cart'])).toBe(1);
    expect(tokenMatch(['save'], ['save', 'draft'])).toBeCloseTo(0.92 * 0.5 ** 0.15, 10);
  });

  it('counts the same words out of order as partial overlap, not a phrase', () => {
    const score = tokenMatch(['cart', 'to', 'add'], ['add', 'to', 'cart']);
    expect(score).toBeCloseTo(overlapScore(1, 1), 10);
    expect(score).toBeLessThan(1);
  });

  it('grows with recall much faster than with precision', () => {
    expect(overlapScore(1, 1)).toBeCloseTo(0.85, 10);
    expect(overlapScore(0, 1)).toBe(0);
    expect(overlapScore(1, 0.5) - overlapScore(1, 0.25)).toBeLessThan(overlapScore(1, 0.5) - overlapScore(0.5, 0.5));
    // Precision above 1 (synonyms counted twice) is capped.
    expect(overlapScore(1, 3)).toBe(overlapScore(1, 1));
  });
});

function reading(target: string, n = 0): TargetQuery {
  const query = parseTarget(target)[n];
  if (!query) throw new Error(`no reading ${n} for ${target}`);
  return query;
}

function scoreOf(data: PageData, target: string, index: number, action?: ActionKind): Scored {
  const entry = scoreCandidates(data, reading(target), action).find((s) => s.candidate.index === index);
  if (!entry) throw new Error(`no candidate ${index}`);
  return entry;
}

describe('scoreCandidates: factors', () => {
  const form = page([
    candidate({ index: 0, name: 'Subscribe' }),
    candidate({ index: 1, role: 'link', tag: 'a', name: 'Subscribe' }),
    candidate({ index: 2, role: 'textbox', tag: 'input', name: 'Subscribe', states: { editable: true } }),
  ]);

  it('gives an exact name 1 and multiplies the factors', () => {
    const entry = scoreOf(form, 'the Subscribe button', 0);
    expect(entry.factors).toEqual({ name: 1, role: 1, state: 1, scope: 1, relation: 1 });
    expect(entry.score).toBe(1);
  });

  it('lowers a near role (a link called a button) less than an unrelated role', () => {
    expect(scoreOf(form, 'the Subscribe button', 1).factors.role).toBe(0.75);
    expect(scoreOf(form, 'the Subscribe button', 2).factors.role).toBe(0.35);
    // With no name, the role word is held to the letter.
    expect(scoreOf(form, 'the button', 1).factors.role).toBe(0.4);
    expect(scoreOf(form, 'the button', 2).factors.role).toBe(0.15);
    expect(scoreOf(form, 'the button', 0).factors.name).toBe(0.6);
  });

  it('lowers what cannot be typed into when typing', () => {
    expect(scoreOf(form, 'Subscribe', 0, 'type').factors.role).toBeCloseTo(0.3, 10);
    expect(scoreOf(form, 'Subscribe', 2, 'type').factors.role).toBe(1);
    expect(scoreOf(form, 'Subscribe', 0, 'check').factors.role).toBeCloseTo(0.4, 10);
  });

  it('lowers a candidate whose state contradicts the description', () => {
    const boxes = page([
      candidate({ index: 0, role: 'checkbox', name: 'News', states: { checked: true } }),
      candidate({ index: 1, role: 'checkbox', name: 'Offers', states: { checked: false } }),
    ]);
    expect(scoreOf(boxes, 'the checked box', 0).factors.state).toBe(1);
    expect(scoreOf(boxes, 'the checked box', 1).factors.state).toBe(0.15);
    expect(scoreOf(boxes, 'the unchecked box', 1).factors.state).toBe(1);
    // "box" with a checked state means a checkbox, not a text box.
    expect(scoreOf(boxes, 'the unchecked box', 1).factors.role).toBe(1);
  });

  it('lowers a candidate outside a scope the page has, and ignores a scope it lacks', () => {
    const layout = page([
      candidate({ index: 0, role: 'link', name: 'Home', scopes: ['banner'], scopeIds: [2] }),
      candidate({ index: 1, role: 'link', name: 'Home', scopes: ['contentinfo'], scopeIds: [9] }),
    ]);
    expect(scoreOf(layout, 'the Home link in the header', 0).factors.scope).toBe(1);
    expect(scoreOf(layout, 'the Home link in the header', 1).factors.scope).toBe(0.2);
    expect(scoreOf(layout, 'the Home link in the sidebar', 1).factors.scope).toBe(1);
  });

  it('sorts by score, then by document order', () => {
    const ranked = scoreCandidates(form, reading('Subscribe'), undefined);
    expect(ranked.map((s) => s.candidate.index)).toEqual([0, 1, 2]);
    const scores = ranked.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});
