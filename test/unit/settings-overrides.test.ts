import { describe, expect, it } from 'vitest';
import { BudgetOverrides, ModelOverrides, ModelSettings } from '../../src/shared/settings.ts';

describe('run overrides', () => {
  it('fill in nothing that was not given', () => {
    expect(ModelOverrides.parse({ model: 'other' })).toEqual({ model: 'other' });
    expect(BudgetOverrides.parse({})).toEqual({});
  });

  it('merged onto stored settings, change only the fields given', () => {
    const stored = ModelSettings.parse({ timeoutMs: 5_000, maxRetries: 7, headers: { 'x-team': 'qa' }, contextTokens: 9_000 });
    const merged = ModelSettings.parse({ ...stored, ...ModelOverrides.parse({ baseURL: 'http://127.0.0.1:1/v1', model: 'm' }) });
    expect(merged).toEqual({ ...stored, baseURL: 'http://127.0.0.1:1/v1', model: 'm' });
  });

  it('still check each field', () => {
    expect(ModelOverrides.safeParse({ maxRetries: -1 }).success).toBe(false);
    expect(BudgetOverrides.safeParse({ maxSteps: 0 }).success).toBe(false);
  });
});
