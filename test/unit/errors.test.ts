import { describe, expect, it } from 'vitest';
import { toWebwrightError, WebwrightError } from '../../src/shared/errors.ts';

describe('toWebwrightError', () => {
  it.each([
    ['Could not establish connection. Receiving end does not exist.', 'no-receiver'],
    ['Extension context invalidated.', 'context-invalidated'],
    ['A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received', 'no-response'],
    ['The message port closed before a response was received.', 'no-response'],
    ['Cannot access contents of url "data:text/html,x". Extension manifest must request permission to access this host.', 'cannot-access'],
    ['Cannot access a chrome:// URL', 'cannot-access'],
    ['The extensions gallery cannot be scripted.', 'cannot-access'],
    ['No tab with id: 42.', 'no-tab'],
    ['Frame with ID 3 was removed.', 'no-tab'],
  ] as const)('reads "%s" as %s', (raw, kind) => {
    const error = toWebwrightError(new Error(raw));
    expect(error.kind).toBe(kind);
    expect(error.message).not.toBe(raw);
  });

  it('keeps an unknown message as it is, as an internal error', () => {
    expect(toWebwrightError(new Error('disk on fire'))).toMatchObject({ kind: 'internal', message: 'disk on fire' });
    expect(toWebwrightError('plain string')).toMatchObject({ kind: 'internal', message: 'plain string' });
    expect(toWebwrightError({ message: 'Extension context invalidated.' }).kind).toBe('context-invalidated');
  });

  it('passes a WebwrightError through untouched', () => {
    const original = new WebwrightError('timeout', 'slow');
    expect(toWebwrightError(original)).toBe(original);
  });
});
