import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/grounding/normalize.ts';
import { parseTarget, type TargetQuery } from '../../src/grounding/parse.ts';

// parseTarget turns a description in words into readings, the plainest first.

/** The first (plainest) reading, which every description has. */
function first(description: string): TargetQuery {
  const [reading] = parseTarget(description);
  if (!reading) throw new Error(`no reading for ${description}`);
  return reading;
}

/** The reading that has a relation, a scope or a state tail, when the plain one has none. */
function withTail(description: string): TargetQuery {
  const reading = parseTarget(description).find((r) => r.relations.length > 0 || r.scopes.length > 0 || r.states.length > 0);
  if (!reading) throw new Error(`no reading with a tail for ${description}`);
  return reading;
}

describe('parseTarget: quoted names', () => {
  it.each([
    ["the 'Add to cart' button", 'Add to cart', 'button'],
    ['the "Save changes" button', 'Save changes', 'button'],
    ['the \u201cSave\u201d link', 'Save', 'link'],
    ['the \u2018Forgot password?\u2019 link', 'Forgot password?', 'link'],
    ['the `Submit` button', 'Submit', 'button'],
  ])('%s -> phrase %j with role %s', (description, phrase, role) => {
    const reading = first(description);
    expect(reading.phrases).toEqual([phrase]);
    expect(reading.words).toEqual([]);
    expect(reading.role?.phrase).toBe(role);
    expect(reading.raw).toBe(description);
  });

  it('keeps words beside a quoted name as colour words', () => {
    const reading = first("the big 'Save' button");
    expect(reading.phrases).toEqual(['Save']);
    expect(reading.words).toEqual(['big']);
  });

  it('drops a trailing full stop before reading', () => {
    expect(first('the Sign up button.').words).toEqual(['sign', 'up']);
  });

  it('does not take the apostrophe of a possessive as a quote', () => {
    const row = first("Wen Li's row");
    expect(row.phrases).toEqual([]);
    expect(row.role?.phrase).toBe('row');
    expect(row.relations).toEqual([{ kind: 'within', anchor: 'Wen Li', specific: true }]);

    const post = first("the first post's Like button");
    expect(post.phrases).toEqual([]);
    expect(post.words).toEqual(['like']);
    expect(post.role?.phrase).toBe('button');
    expect(post.relations).toEqual([{ kind: 'nth', anchor: 'post', ordinal: 1 }]);
  });

  it('reads "on Priya\'s post" as a relation to Priya, not a quote', () => {
    const reading = withTail("the Like button on Priya's post");
    expect(reading.phrases).toEqual([]);
    expect(reading.words).toEqual(['like']);
    expect(reading.role?.phrase).toBe('button');
    expect(reading.relations).toHaveLength(1);
    expect(reading.relations[0]?.kind).toBe('within');
    expect(normalize(reading.relations[0]?.anchor ?? '')).toBe('priya');
    expect(reading.relations[0]?.specific).toBe(true);
  });
});

describe('parseTarget: roles', () => {
  it.each([
    ['the Email field', ['email'], 'field'],
    ['button Add to cart', ['add', 'to', 'cart'], 'button'],
    ['the Remember me checkbox', ['remember', 'me'], 'checkbox'],
    ['the Country dropdown', ['country'], 'dropdown'],
    ['the Comments text area', ['comments'], 'text area'],
    ['link Privacy policy', ['privacy', 'policy'], 'link'],
  ])('%s -> words %j, role %s', (description, words, role) => {
    const reading = first(description);
    expect(reading.words).toEqual(words);
    expect(reading.role?.phrase).toBe(role);
  });

  it('prefers the longest role phrase ("radio button", not "button")', () => {
    const reading = first('the Express shipping radio button');
    expect(reading.role?.phrase).toBe('radio button');
    expect(reading.role?.roles).toEqual(['radio']);
    expect(reading.words).toEqual(['express', 'shipping']);
  });

  it('has no role when no role word is present', () => {
    const reading = first('Add to cart');
    expect(reading.role).toBeUndefined();
    expect(reading.words).toEqual(['add', 'to', 'cart']);
  });

  it('keeps "Sign in button" whole: "in" is no relation in any reading', () => {
    const readings = parseTarget('Sign in button');
    expect(readings[0]?.words).toEqual(['sign', 'in']);
    expect(readings[0]?.role?.phrase).toBe('button');
    for (const reading of readings) {
      expect(reading.relations).toEqual([]);
      expect(reading.words.slice(0, 2)).toEqual(['sign', 'in']);
    }
  });

  it('keeps "Terms of service link" whole in the first reading, splitting "of" only later', () => {
    const readings = parseTarget('Terms of service link');
    expect(readings[0]?.words).toEqual(['terms', 'of', 'service']);
    expect(readings[0]?.role?.phrase).toBe('link');
    expect(readings[0]?.relations).toEqual([]);
    const split = readings.find((r) => r.relations.length > 0);
    expect(split?.words).toEqual(['terms']);
    expect(split?.relations[0]?.kind).toBe('within');
  });
});

describe('parseTarget: ordinals', () => {
  it.each([
    ['the second Add to cart button', 2],
    ['the 3rd link', 3],
    ['the first result', 1],
    ['the last Delete button', -1],
    ['the second to last Delete button', -2],
    ['the second last row', -2],
    ['the tenth item', 10],
    ['result #4', 4],
  ])('%s -> %i', (description, ordinal) => {
    expect(first(description).ordinal).toBe(ordinal);
  });

  it('takes the ordinal out of the words', () => {
    const reading = first('the second Add to cart button');
    expect(reading.words).toEqual(['add', 'to', 'cart']);
    expect(reading.role?.phrase).toBe('button');
  });

  it('has no ordinal when none is said', () => {
    expect(first('the Add to cart button').ordinal).toBeUndefined();
  });
});

describe('parseTarget: states', () => {
  it('reads state words before the name', () => {
    const reading = first('the empty required field');
    expect(reading.states).toEqual(['empty', 'required']);
    expect(reading.words).toEqual([]);
    expect(reading.role?.phrase).toBe('field');
    expect(first('the unchecked box').states).toEqual(['unchecked']);
    expect(first('the greyed out Submit button').states).toEqual(['disabled']);
  });

  it('does not take a state word inside the name ("Show disabled items")', () => {
    const reading = first('the Show disabled items toggle');
    expect(reading.states).toEqual([]);
    expect(reading.words).toEqual(['show', 'disabled', 'items']);
  });

  it('reads error and state tails', () => {
    expect(withTail('the field with the error').states).toEqual(['invalid']);
    const pressed = withTail('the Bold button that is already pressed');
    expect(pressed.states).toEqual(['checked']);
    expect(pressed.words).toEqual(['bold']);
    expect(pressed.role?.phrase).toBe('button');
  });
});

describe('parseTarget: scopes and relations', () => {
  it.each([
    ['the Search box in the header', ['banner']],
    ['Close in the dialog', ['dialog', 'popup']],
    ['the Settings link in the sidebar', ['complementary', 'navigation']],
    ['the Contact link in the footer', ['contentinfo']],
    ['the Home link in the navigation bar', ['navigation']],
  ])('%s -> scopes %j', (description, scopes) => {
    const reading = withTail(description);
    expect(reading.scopes).toEqual(scopes);
    expect(reading.relations).toEqual([]);
  });

  it.each([
    ["the Add to cart button under 'Blue Shirt'", 'below', 'Blue Shirt'],
    ['the Email field below the Name field', 'below', 'Name field'],
    ['the checkbox next to Remember me', 'near', 'Remember me'],
    ['the Chat button above Footer links', 'above', 'Footer links'],
    ['the field left of Go', 'left-of', 'Go'],
    ['the toggle to the right of Dark mode', 'right-of', 'Dark mode'],
  ])('%s -> %s %j', (description, kind, anchor) => {
    const reading = withTail(description);
    expect(reading.relations).toEqual([{ kind, anchor, specific: true }]);
  });

  it('reads "the Delete button in Wen Li\'s row" as a button within Wen Li', () => {
    const reading = withTail("the Delete button in Wen Li's row");
    expect(reading.role?.phrase).toBe('button');
    expect(reading.words).toEqual(['delete']);
    expect(normalize(reading.relations[0]?.anchor ?? '')).toBe('wen li');
  });

  it('reads "in the row for Alice Chen" as one named container', () => {
    const reading = withTail('Edit in the row for Alice Chen');
    expect(reading.words).toEqual(['edit']);
    expect(reading.relations).toEqual([{ kind: 'within', anchor: 'Alice Chen', specific: true }]);
  });

  it('marks lower-case anchors as not specific and quoted ones as specific', () => {
    expect(withTail('Subscribe in the newsletter box').relations).toEqual([{ kind: 'within', anchor: 'newsletter', specific: false }]);
    expect(withTail("the Save button in the 'billing' dialog").relations).toEqual([{ kind: 'within', anchor: 'billing', specific: true }]);
  });

  it.each([
    ['the Help link at the bottom', 'bottom'],
    ['the icon in the top right corner', 'top right corner'],
    ['the Chat button in the bottom left corner', 'bottom left corner'],
    ['the Chat button on the lower right side', 'lower right side'],
  ])('%s -> position %j', (description, anchor) => {
    expect(withTail(description).relations).toEqual([{ kind: 'position', anchor }]);
  });

  // Bug: the strong relation word "left of" splits the position inside "in the bottom left of the
  // page", giving position "bottom" plus left-of "page", though positionPattern accepts "... of the page".
  it.fails('reads "in the bottom left of the page" as one position', () => {
    expect(first('the Chat button in the bottom left of the page').relations).toEqual([{ kind: 'position', anchor: 'bottom left of the page' }]);
  });

  it.each([
    ['Delete in the first row', 'row', 1],
    ['the Like button on the third post', 'post', 3],
    ['the Edit link in the last row', 'row', -1],
  ])('%s -> nth %s %i', (description, anchor, ordinal) => {
    const reading = withTail(description);
    expect(reading.relations).toEqual([{ kind: 'nth', anchor, ordinal }]);
    expect(reading.ordinal).toBeUndefined();
  });

  it('never returns two identical readings', () => {
    for (const description of ['Sign in button', 'the Email field', "the 'Save' button"]) {
      const keys = parseTarget(description).map((r) => JSON.stringify(r));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
