import { describe, expect, it } from 'vitest';
import { ground, type GroundResult } from '../../src/grounding/resolve.ts';
import type { PageData } from '../../src/grounding/types.ts';
import { box, candidate, page } from './grounding-data.ts';

// ground() on a login form, a dialog over a page, a checkout with a disabled duplicate, icon
// buttons named only by their class words, and places on the screen.

function loginForm(): PageData {
  const form = { ancestors: [40, 3, 1], scopes: ['main', 'form'], scopeIds: [3, 40], scopeNames: ['Sign in to Acme'] };
  const field = (index: number, name: string, type: string, y: number) =>
    candidate({ index, role: 'textbox', tag: 'input', type, name, label: name, states: { editable: true, empty: true, required: true }, box: box(400, y, 300), ...form });
  return page([
    candidate({ index: 0, role: 'link', tag: 'a', name: 'Sign up', box: box(1100, 20, 80), ancestors: [2, 1], scopes: ['banner'], scopeIds: [2] }),
    field(1, 'Email', 'email', 200),
    field(2, 'Password', 'password', 260),
    candidate({ index: 3, role: 'checkbox', tag: 'input', type: 'checkbox', name: 'Remember me', states: { checked: false }, box: box(400, 320, 20, 20), ...form }),
    candidate({ index: 4, role: 'link', tag: 'a', name: 'Forgot password?', box: box(560, 320), ...form }),
    candidate({ index: 5, name: 'Sign in', text: 'Sign in', box: box(400, 380, 300, 40), ...form }),
    candidate({ index: 6, role: 'link', tag: 'a', name: 'Terms of service', box: box(400, 440), ...form }),
    candidate({ index: 7, role: 'link', tag: 'a', name: 'Privacy policy', box: box(560, 440), ...form }),
  ]);
}

/** A profile page with its own Save, under an open "Edit profile" dialog with another Save. */
function dialogPage(): PageData {
  const dialog = { ancestors: [50, 1], scopes: ['dialog'], scopeIds: [50], scopeNames: ['Edit profile'] };
  return page([
    candidate({ index: 0, role: 'link', tag: 'a', name: 'Settings', box: box(20, 20, 80), ancestors: [2, 1], scopes: ['navigation'], scopeIds: [2] }),
    candidate({ index: 1, name: 'Save', box: box(40, 600), ancestors: [3, 1], scopes: ['main'], scopeIds: [3] }),
    candidate({ index: 2, role: 'textbox', tag: 'input', name: 'Display name', states: { editable: true }, box: box(420, 260, 300), ...dialog }),
    candidate({ index: 3, name: 'Cancel', box: box(420, 340), ...dialog }),
    candidate({ index: 4, name: 'Save', box: box(560, 340), ...dialog }),
    candidate({ index: 5, name: '\u00d7', box: box(700, 200, 24, 24), ...dialog }),
  ]);
}

function ok(result: GroundResult): Extract<GroundResult, { kind: 'ok' }> {
  expect(result.message.length).toBeGreaterThan(0);
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${result.kind}: ${result.message}`);
  return result;
}

const chosen = (data: PageData, target: string, action?: 'type' | 'check') => ok(ground(data, { target, action })).chosen.candidate.index;

describe('a login form', () => {
  it.each([
    ['the Email field', 1],
    ['the email address field', 1],
    ['Password', 2],
    ['the Sign in button', 5],
    ['the log in button', 5],
    ['Sign up', 0],
    ['Terms of service link', 6],
    ['the Forgot password link', 4],
    ['the Remember me checkbox', 3],
    ['the unchecked box', 3],
  ])('%s -> candidate %i', (target, index) => {
    expect(chosen(loginForm(), target)).toBe(index);
  });

  it('types into the field, checks the checkbox', () => {
    expect(chosen(loginForm(), 'Email', 'type')).toBe(1);
    expect(chosen(loginForm(), 'Remember me', 'check')).toBe(3);
  });

  it('does not guess between two empty required fields', () => {
    const result = ground(loginForm(), { target: 'the empty required field' });
    expect(result.kind).toBe('ambiguous');
    if (result.kind === 'ambiguous') expect(result.candidates.map((c) => c.candidate.index)).toEqual([1, 2]);
    expect(result.message).toMatch(/tells it apart|ref/);
  });

  it('picks by state once one field is filled in or in error', () => {
    const filled = loginForm();
    const email = filled.candidates[1];
    if (email) email.states = { ...email.states, empty: false };
    expect(chosen(filled, 'the empty required field')).toBe(2);

    const invalid = loginForm();
    const password = invalid.candidates[2];
    if (password) password.states = { ...password.states, invalid: true };
    expect(chosen(invalid, 'the field with the error')).toBe(2);
  });
});

describe('a dialog over a page', () => {
  it('finds the button in the dialog when the dialog is named', () => {
    expect(chosen(dialogPage(), 'the Save button in the dialog')).toBe(4);
    expect(chosen(dialogPage(), 'Save in the modal')).toBe(4);
    expect(chosen(dialogPage(), 'the Save button in the Edit profile dialog')).toBe(4);
  });

  it('does not guess between the Save behind and the Save in the dialog', () => {
    const result = ground(dialogPage(), { target: 'the Save button' });
    expect(result.kind).toBe('ambiguous');
    if (result.kind === 'ambiguous') expect(result.candidates.map((c) => c.candidate.index).sort()).toEqual([1, 4]);
  });

  it('reads the close icon (\u00d7) as Close', () => {
    expect(chosen(dialogPage(), 'the Close button')).toBe(5);
  });

  it('rules everything out for a dialog that is not open', () => {
    const closed = dialogPage();
    closed.candidates = closed.candidates.filter((c) => !c.scopes.includes('dialog'));
    const result = ground(closed, { target: 'the Save button in the dialog' });
    expect(result.kind).toBe('not-found');
    expect(result.message).toMatch(/Scroll|describe/);
  });

  it('ignores a landmark the page does not have', () => {
    expect(chosen(dialogPage(), 'the Settings link in the sidebar')).toBe(0);
  });
});

describe('a disabled duplicate', () => {
  const checkout = () =>
    page([
      candidate({ index: 0, name: 'Place order', states: { disabled: true }, box: box(900, 120, 200, 44) }),
      candidate({ index: 1, name: 'Place order', box: box(900, 700, 200, 44) }),
    ]);

  it('chooses the enabled one among equals, and says why', () => {
    const result = ok(ground(checkout(), { target: 'the Place order button' }));
    expect(result.chosen.candidate.index).toBe(1);
    expect(result.message).toContain('the only one of 2 that is enabled');
    expect(result.runnersUp.map((r) => r.candidate.index)).toEqual([0]);
    expect(result.confidence).toBeLessThan(result.chosen.score);
  });

  it('chooses the disabled one when asked for it', () => {
    expect(chosen(checkout(), 'the disabled Place order button')).toBe(0);
    expect(chosen(checkout(), 'the greyed out Place order button')).toBe(0);
  });

  it('stays ambiguous when both are enabled', () => {
    const both = checkout();
    for (const c of both.candidates) c.states = {};
    expect(ground(both, { target: 'Place order' }).kind).toBe('ambiguous');
  });
});

describe('icon buttons named only by hints', () => {
  const toolbar = () =>
    page([
      candidate({ index: 0, hints: 'btn icon-pencil', box: box(20, 80, 32, 32) }),
      candidate({ index: 1, hints: 'btn trash', box: box(60, 80, 32, 32) }),
      candidate({ index: 2, hints: 'btn-share', box: box(100, 80, 32, 32) }),
    ]);

  it.each([
    ['the trash icon', 1],
    ['the pencil button', 0],
    ['share', 2],
  ])('%s -> candidate %i', (target, index) => {
    expect(chosen(toolbar(), target)).toBe(index);
  });

  // Bug (or a gap): a synonym found only in the hints is discounted twice (0.8 for hints, then 0.45
  // for "not the element's own"), so "delete" reaches only about 0.23 against "btn trash" and the
  // only trash button is reported as not found.
  it.fails('reads the trash icon as the Delete button', () => {
    expect(chosen(toolbar(), 'the Delete button')).toBe(1);
  });
});

describe('names', () => {
  it('prefers the entry over a control whose verb the description lacks', () => {
    const recent = page([candidate({ index: 0, name: 'Remove Lisbon from recent searches' }), candidate({ index: 1, role: 'link', name: 'Lisbon', nearText: 'Recent searches' })]);
    expect(chosen(recent, 'the Lisbon recent search')).toBe(1);
  });

  it('drops one word nothing on the page says ("bubble"), but not several', () => {
    const chat = page([candidate({ index: 0, name: 'Open chat' }), candidate({ index: 1, name: 'Help' })]);
    expect(chosen(chat, 'the chat bubble')).toBe(0);
    expect(ground(chat, { target: 'the shiny chat bubble' }).kind).toBe('not-found');
  });

  it('takes a quoted name as the requirement and other words as colour', () => {
    const buttons = page([candidate({ index: 0, name: 'Save draft' }), candidate({ index: 1, name: 'Save' })]);
    expect(chosen(buttons, "the 'Save' button")).toBe(1);
    expect(chosen(page([candidate({ index: 0, name: 'Save' }), candidate({ index: 1, name: 'Cancel' })]), "the big 'Save' button")).toBe(0);
  });

  it("picks 'Save' over 'Save draft' for the big 'Save' button", () => {
    const buttons = page([candidate({ index: 0, name: 'Save draft' }), candidate({ index: 1, name: 'Save' })]);
    expect(chosen(buttons, "the big 'Save' button")).toBe(1);
  });
});

describe('places on the screen', () => {
  const corners = () =>
    page([
      candidate({ index: 0, role: 'link', name: 'Help', box: box(20, 20, 60) }),
      candidate({ index: 1, role: 'link', name: 'Help', box: box(20, 760, 60) }),
      candidate({ index: 2, name: '', hints: 'icon', box: box(1200, 20, 24, 24) }),
      candidate({ index: 3, name: '', hints: 'icon', box: box(20, 400, 24, 24) }),
    ]);

  it('prefers the one at the bottom, or in the named corner', () => {
    expect(chosen(corners(), 'the Help link at the bottom')).toBe(1);
    expect(chosen(corners(), 'the Help link at the top')).toBe(0);
    expect(chosen(corners(), 'the icon in the top right corner')).toBe(2);
  });
});
