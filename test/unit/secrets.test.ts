import { describe, expect, it } from 'vitest';
import { createMasker, fillSecrets, SecretEntry, secretNames } from '../../src/shared/secrets.ts';

describe('secret references', () => {
  it('finds each name once and fills only known ones', () => {
    expect(secretNames('{{secret:user}} and {{ secret:pw }} and {{secret:user}}')).toEqual(['user', 'pw']);
    expect(fillSecrets('u={{secret:user}} p={{secret:pw}}', { user: 'ann' })).toBe('u=ann p={{secret:pw}}');
    // Names are not case-sensitive: they are kept in lower case.
    expect(secretNames('{{secret:Bank.PW}}')).toEqual(['bank.pw']);
    expect(fillSecrets('{{secret:User}}', { user: 'ann' })).toBe('ann');
    expect(SecretEntry.parse({ name: 'Bank-PW', value: 'abcdef' }).name).toBe('bank-pw');
  });
  it('refuses values short enough to mask ordinary text, and bad names', () => {
    expect(SecretEntry.safeParse({ name: 'pin', value: '12' }).success).toBe(false);
    expect(SecretEntry.safeParse({ name: 'two words', value: 'abcdef' }).success).toBe(false);
    expect(SecretEntry.parse({ name: 'bank.pw', value: 'abcdef' }).sites).toEqual([]);
  });
});

describe('createMasker', () => {
  const masker = createMasker([
    { name: 'pw', value: 'hunter2 & co' },
    { name: 'card', value: '4111111111111111' },
    { name: 'inner', value: '41111111' },
  ]);
  it('puts back the reference wherever a value shows, also URL- and JSON-encoded, the longest first', () => {
    expect(masker.text('typed hunter2 & co, card 4111111111111111')).toBe('typed {{secret:pw}}, card {{secret:card}}');
    expect(masker.text('https://x.test/?q=hunter2%20%26%20co&r=hunter2+%26+co')).toBe('https://x.test/?q={{secret:pw}}&r={{secret:pw}}');
    expect(masker.text('prefix 41111111 suffix')).toBe('prefix {{secret:inner}} suffix');
  });
  it('masks every string deep inside a value, leaving pictures alone', () => {
    const picture = 'data:image/jpeg;base64,41111111';
    expect(masker.deep({ a: ['x hunter2 & co'], b: { c: 3, d: picture } })).toEqual({ a: ['x {{secret:pw}}'], b: { c: 3, d: picture } });
  });
  it('with no secrets, changes nothing', () => {
    const none = createMasker([]);
    expect(none.empty).toBe(true);
    expect(none.text('hunter2 & co')).toBe('hunter2 & co');
  });
});
