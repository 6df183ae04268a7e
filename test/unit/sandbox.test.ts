import { describe, expect, it } from 'vitest';
import { isSandboxed, sandboxOption } from '../../src/cli/sandbox.ts';

describe('the Chromium sandbox', () => {
  it('is turned off for root alone', () => {
    expect(isSandboxed(0)).toBe(false);
    expect(isSandboxed(1000)).toBe(true);
    expect(isSandboxed(501)).toBe(true);
  });

  it('stays on where there are no user ids (Windows)', () => {
    expect(isSandboxed(undefined)).toBe(true);
  });

  it('follows the user running this process', () => {
    expect(sandboxOption()).toEqual({ chromiumSandbox: process.getuid?.() !== 0 });
  });
});
