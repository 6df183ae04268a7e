import { describe, expect, it } from 'vitest';
import { blend, contrastRatio, INVISIBLE_CONTRAST, parseColour } from '../../src/content/dom/colour.ts';

describe('colours of text and background', () => {
  it('reads computed colours in their forms', () => {
    expect(parseColour('rgb(255, 255, 255)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColour('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColour('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseColour('transparent')?.a).toBe(0);
    expect(parseColour('color(srgb 1 0 0)')).toBeNull();
  });

  it('tells text a person cannot read from faint but readable text', () => {
    const white = { r: 255, g: 255, b: 255, a: 1 };
    expect(contrastRatio(white, white)).toBe(1);
    expect(contrastRatio({ r: 252, g: 252, b: 252, a: 1 }, white)).toBeLessThan(INVISIBLE_CONTRAST);
    // Light grey captions stay.
    expect(contrastRatio({ r: 204, g: 204, b: 204, a: 1 }, white)).toBeGreaterThan(INVISIBLE_CONTRAST);
    expect(contrastRatio({ r: 0, g: 0, b: 0, a: 1 }, white)).toBeCloseTo(21);
    // Black at 2% over white is white.
    expect(contrastRatio(blend({ r: 0, g: 0, b: 0, a: 0.02 }, white), white)).toBeLessThan(INVISIBLE_CONTRAST);
  });
});
