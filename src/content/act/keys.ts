import type { KeyInfo, Modifiers } from './events.ts';

// Key names as models write them ("Enter", "ctrl+a", "Shift+Tab") to KeyboardEvent fields.

const named: Record<string, KeyInfo> = {
  enter: { key: 'Enter', code: 'Enter', keyCode: 13 },
  return: { key: 'Enter', code: 'Enter', keyCode: 13 },
  escape: { key: 'Escape', code: 'Escape', keyCode: 27 },
  esc: { key: 'Escape', code: 'Escape', keyCode: 27 },
  tab: { key: 'Tab', code: 'Tab', keyCode: 9 },
  backspace: { key: 'Backspace', code: 'Backspace', keyCode: 8 },
  delete: { key: 'Delete', code: 'Delete', keyCode: 46 },
  del: { key: 'Delete', code: 'Delete', keyCode: 46 },
  space: { key: ' ', code: 'Space', keyCode: 32 },
  spacebar: { key: ' ', code: 'Space', keyCode: 32 },
  arrowup: { key: 'ArrowUp', code: 'ArrowUp', keyCode: 38 },
  up: { key: 'ArrowUp', code: 'ArrowUp', keyCode: 38 },
  arrowdown: { key: 'ArrowDown', code: 'ArrowDown', keyCode: 40 },
  down: { key: 'ArrowDown', code: 'ArrowDown', keyCode: 40 },
  arrowleft: { key: 'ArrowLeft', code: 'ArrowLeft', keyCode: 37 },
  left: { key: 'ArrowLeft', code: 'ArrowLeft', keyCode: 37 },
  arrowright: { key: 'ArrowRight', code: 'ArrowRight', keyCode: 39 },
  right: { key: 'ArrowRight', code: 'ArrowRight', keyCode: 39 },
  home: { key: 'Home', code: 'Home', keyCode: 36 },
  end: { key: 'End', code: 'End', keyCode: 35 },
  pageup: { key: 'PageUp', code: 'PageUp', keyCode: 33 },
  pagedown: { key: 'PageDown', code: 'PageDown', keyCode: 34 },
};

const modifierNames: Record<string, keyof Modifiers> = {
  control: 'ctrlKey', ctrl: 'ctrlKey', shift: 'shiftKey', alt: 'altKey', option: 'altKey', meta: 'metaKey', cmd: 'metaKey', command: 'metaKey', super: 'metaKey',
};

export interface Chord {
  key: KeyInfo;
  modifiers: Modifiers;
}

export function parseChord(text: string): Chord | string {
  const parts = text.split(/\s*\+\s*(?=.)/).map((part) => part.trim()).filter(Boolean);
  const last = parts.pop();
  if (!last) return `"${text}" is not a key. Use names like "Enter", "Escape", "Tab", "ArrowDown" or chords like "Control+a".`;
  const modifiers: Modifiers = {};
  for (const part of parts) {
    const modifier = modifierNames[part.toLowerCase()];
    if (!modifier) return `"${part}" in "${text}" is not a modifier key (Control, Shift, Alt, Meta).`;
    modifiers[modifier] = true;
  }
  const key = named[last.toLowerCase().replace(/[\s_-]/g, '')];
  if (key) return { key, modifiers };
  if (/^f([1-9]|1[0-2])$/i.test(last)) return { key: { key: last.toUpperCase(), code: last.toUpperCase(), keyCode: 111 + Number(last.slice(1)) }, modifiers };
  if ([...last].length === 1) {
    const upper = last.toUpperCase();
    const code = /[a-z]/i.test(last) ? `Key${upper}` : /\d/.test(last) ? `Digit${last}` : '';
    return { key: { key: modifiers.shiftKey && /[a-z]/.test(last) ? upper : last, code, keyCode: upper.charCodeAt(0) }, modifiers };
  }
  return `"${last}" is not a key Webwright knows. Use names like "Enter", "Escape", "Tab", "ArrowDown", "PageDown" or a single character.`;
}
