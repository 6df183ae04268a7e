import { afterEach, describe, expect, it } from 'vitest';
import { clipFor, clipTo, createConcealment, type Placement } from '../../src/content/dom/concealed.ts';
import { boxOf } from '../../src/content/dom/geometry.ts';
import { cachedStyles } from '../../src/content/dom/semantics.ts';

// What is rendered but out of a person's sight, judged from real styles and layout.

afterEach(() => {
  document.body.replaceChildren();
});

const free: Placement = { clip: null, fixed: false, offset: { x: 0, y: 0 } };

function element(html: string): Element {
  document.body.innerHTML = html;
  const found = document.querySelector('#t');
  if (!found) throw new Error('no #t');
  return found;
}

function judge(html: string, placement: Placement = free) {
  const target = element(html);
  const style = cachedStyles();
  const conceal = createConcealment(style);
  const css = style(target);
  const box = boxOf(target, { x: 0, y: 0 });
  return { subtree: conceal.hidesSubtree(target, css, box, placement), text: conceal.hidesText(target, css, box, placement) };
}

describe('hidesSubtree', () => {
  it('sees an ordinary paragraph', () => {
    expect(judge('<p id="t">Hello</p>')).toEqual({ subtree: false, text: false });
  });

  it.each([
    ['transparent', '<p id="t" style="opacity:0">x</p>'],
    ['clipped by clip: rect', '<p id="t" style="position:absolute;clip:rect(0 0 0 0)">x</p>'],
    ['clipped by clip-path: inset(50%)', '<p id="t" style="clip-path:inset(50%)">x</p>'],
    ['a 1px box that clips its content', '<div id="t" style="width:1px;height:1px;overflow:hidden">long text here</div>'],
    ['off the page to the left', '<p id="t" style="position:absolute;left:-5000px;width:200px">x</p>'],
    ['above the page', '<p id="t" style="position:absolute;top:-5000px">x</p>'],
  ])('hides an element %s', (_, html) => {
    expect(judge(html).subtree).toBe(true);
  });

  it('hides what lies outside the clip its overflow:hidden ancestors leave', () => {
    expect(judge('<p id="t">x</p>', { ...free, clip: { x: 0, y: 5000, width: 100, height: 100 } }).subtree).toBe(true);
  });

  it('does not judge an empty box: what overflows it is judged on its own', () => {
    expect(judge('<div id="t" style="height:0"><p>overflowing</p></div>').subtree).toBe(false);
  });
});

describe('hidesText', () => {
  it.each([
    ['the colour of its background', '<div style="background:#fff"><p id="t" style="color:#fefefe">x</p></div>'],
    ['too small to read', '<p id="t" style="font-size:1px">x</p>'],
    ['indented off the page', '<p id="t" style="text-indent:-9999px">x</p>'],
    ['transparent', '<p id="t" style="color:transparent">x</p>'],
  ])('hides text %s', (_, html) => {
    expect(judge(html).text).toBe(true);
  });

  it.each([
    ['painted by a background clipped to it', '<p id="t" style="color:transparent;background:linear-gradient(red,blue);background-clip:text">x</p>'],
    ['light on a dark background', '<div style="background:#111"><p id="t" style="color:#eee">x</p></div>'],
    ['with a shadow that shows it', '<div style="background:#fff"><p id="t" style="color:#fff;text-shadow:0 0 2px #000">x</p></div>'],
    ['over a background image the styles cannot read', '<div style="background:#fff url(data:image/gif;base64,R0lGODlhAQABAAAAACw=)"><p id="t" style="color:#fff">x</p></div>'],
  ])('keeps text %s', (_, html) => {
    expect(judge(html).text).toBe(false);
  });
});

describe('clips', () => {
  it('cuts a box to what an outer clip leaves', () => {
    expect(clipTo({ x: 0, y: 0, width: 100, height: 100 }, { x: 50, y: 20, width: 100, height: 30 })).toEqual({ x: 50, y: 20, width: 50, height: 30 });
    expect(clipTo({ x: 0, y: 0, width: 10, height: 10 }, null)).toEqual({ x: 0, y: 0, width: 10, height: 10 });
  });

  it('clips in the axes overflow says, and not for the body', () => {
    const target = element('<div id="t" style="width:100px;height:50px;overflow-y:hidden">x</div>');
    const css = getComputedStyle(target);
    const box = boxOf(target, { x: 0, y: 0 });
    const clip = clipFor(target, css, box, null);
    expect(clip?.y).toBeCloseTo(box.y);
    expect(clip?.height).toBeCloseTo(50);
    // overflow-y:hidden makes overflow-x compute to auto, which scrolls rather than hides.
    expect(clip?.width).toBeGreaterThan(1e8);
    expect(clipFor(document.body, getComputedStyle(document.body), boxOf(document.body, { x: 0, y: 0 }), null)).toBeNull();
  });
});
