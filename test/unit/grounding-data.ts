import { expect } from 'vitest';
import type { GroundResult } from '../../src/grounding/resolve.ts';
import type { Box, Candidate, PageData, TextBlock } from '../../src/grounding/types.ts';

// Plain page data for the grounding tests, built the way the content script hands it over.

export const box = (x: number, y: number, width = 120, height = 32): Box => ({ x, y, width, height });

export function candidate(fields: Partial<Candidate> & Pick<Candidate, 'index'>): Candidate {
  return { ref: `e${fields.index + 1}`, role: 'button', name: '', tag: 'button', text: '', states: {}, box: box(0, 0), inViewport: true, ancestors: [], scopes: [], scopeIds: [], scopeNames: [], ...fields };
}

export function text(value: string, owner: number, ancestors: number[], at: Box): TextBlock {
  return { text: value, owner, ancestors, box: at };
}

export const page = (candidates: Candidate[], texts: TextBlock[] = []): PageData => ({ candidates, texts, viewport: { width: 1280, height: 800 } });

export function expectOk(result: GroundResult): Extract<GroundResult, { kind: 'ok' }> {
  expect(result.message.length).toBeGreaterThan(0);
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${result.kind}: ${result.message}`);
  return result;
}

export function expectKind(result: GroundResult, kind: 'ambiguous' | 'not-found' | 'stale-ref'): Extract<GroundResult, { kind: typeof kind }> {
  expect(result.kind, result.message).toBe(kind);
  if (result.kind === 'ok') throw new Error('unreachable');
  expect(result.message.length).toBeGreaterThan(20);
  return result;
}
