import { afterEach, describe, expect, it } from 'vitest';
import { clearField, editableTarget, fillField, isTextControl, normaliseForType, setNativeValue, typeCharacters } from '../../src/content/act/text-input.ts';

// Putting text into real fields the way every framework notices.

afterEach(() => {
  document.body.replaceChildren();
});

function mount<T extends Element>(html: string, selector = '#t'): T {
  document.body.innerHTML = html;
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

function record(target: Element, types: string[]): string[] {
  const seen: string[] = [];
  for (const type of types) target.addEventListener(type, (event) => seen.push(event instanceof KeyboardEvent ? `${type}:${event.key}` : type));
  return seen;
}

describe('which element takes the text', () => {
  it('knows text controls from other inputs', () => {
    expect(isTextControl(mount('<input id="t">'))).toBe(true);
    expect(isTextControl(mount('<textarea id="t"></textarea>'))).toBe(true);
    expect(isTextControl(mount('<input id="t" type="checkbox">'))).toBe(false);
  });

  it('finds the field behind a label or inside a wrapper', () => {
    const label = mount('<label id="t">Name <input id="name"></label>');
    expect(editableTarget(label)).toBe(document.getElementById('name'));
    const wrapper = mount('<div id="t" role="combobox"><input type="hidden"><input id="inner"></div>');
    expect(editableTarget(wrapper)).toBe(document.getElementById('inner'));
    const editor = mount('<div id="t" contenteditable="true"></div>');
    expect(editableTarget(editor)).toBe(editor);
    expect(editableTarget(mount('<p id="t">nothing</p>'))).toBeUndefined();
  });
});

describe('typing', () => {
  it('types key by key, with an input event for each character', () => {
    const input = mount<HTMLInputElement>('<input id="t">');
    input.focus();
    const seen = record(input, ['keydown', 'keypress', 'input', 'keyup']);
    typeCharacters(input, 'ab');
    expect(input.value).toBe('ab');
    expect(seen).toEqual(['keydown:a', 'keypress:a', 'input', 'keyup:a', 'keydown:b', 'keypress:b', 'input', 'keyup:b']);
  });

  it('does not insert a character whose keydown the page cancels', () => {
    const input = mount<HTMLInputElement>('<input id="t">');
    input.focus();
    input.addEventListener('keydown', (event) => {
      if (event.key === 'x') event.preventDefault();
    });
    typeCharacters(input, 'axb');
    expect(input.value).toBe('ab');
  });

  it('fills replacing what was there, or after it, and fires change', () => {
    const input = mount<HTMLInputElement>('<input id="t" value="old">');
    input.focus();
    const seen = record(input, ['change']);
    fillField(input, 'new', { clear: true });
    expect(input.value).toBe('new');
    fillField(input, ' text', { clear: false });
    expect(input.value).toBe('new text');
    expect(seen).toEqual(['change', 'change']);
  });

  it('keeps newlines out of a one-line input', () => {
    const input = mount<HTMLInputElement>('<input id="t">');
    input.focus();
    fillField(input, 'one\ntwo', { clear: true });
    expect(input.value).toBe('one two');
  });

  it('clears a contenteditable editor', () => {
    const editor = mount<HTMLElement>('<div id="t" contenteditable="true">draft text</div>');
    editor.focus();
    clearField(editor);
    expect(editor.textContent).toBe('');
  });
});

describe('values set directly', () => {
  it('uses the prototype setter, past a framework\'s instance setter', () => {
    const input = mount<HTMLInputElement>('<input id="t">');
    let tracked = '';
    // A framework wraps the instance setter to track the value it last set.
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => tracked,
      set: (value: string) => {
        tracked = value;
      },
    });
    setNativeValue(input, 'native');
    expect(tracked).toBe('');
    delete (input as { value?: string }).value;
    expect(input.value).toBe('native');
  });

  it('turns dates and times as models write them into what the inputs accept', () => {
    expect(normaliseForType('date', 'March 5th, 2026')).toBe('2026-03-05');
    expect(normaliseForType('date', '2026-03-05')).toBe('2026-03-05');
    expect(normaliseForType('time', '2:30 pm')).toBe('14:30');
    expect(normaliseForType('time', '12 am')).toBe('00:00');
    expect(normaliseForType('text', ' kept ')).toBe('kept');
  });

  it('sets a date input through its value, with input and change', () => {
    const input = mount<HTMLInputElement>('<input id="t" type="date">');
    const seen = record(input, ['input', 'change']);
    fillField(input, 'March 5th, 2026', { clear: true });
    expect(input.value).toBe('2026-03-05');
    expect(seen).toEqual(['input', 'change']);
  });
});
