import type { Box } from '../../grounding/types.ts';
import { blend, contrastRatio, INVISIBLE_CONTRAST, parseColour, type Rgba } from './colour.ts';
import { intersects, type Offset } from './geometry.ts';
import { isIFrame } from './kinds.ts';
import type { StyleReader } from './semantics.ts';

// Content that is rendered but that a person cannot see: transparent, clipped to nothing, off the
// page, the colour of its background, too small to read. Pages hide orders to agents this way;
// what a person cannot see never reaches the model. When the styles cannot tell (text over an
// image, a layer placed over other content), the text counts as visible.

export interface Placement {
  /** What overflow:hidden ancestors leave visible of this element, in box coordinates; null when nothing clips it. */
  clip: Box | null;
  /** In a position:fixed layer: placed against the viewport, out of reach of scrolling. */
  fixed: boolean;
  /** Where this element's document starts, in box coordinates. */
  offset: Offset;
}

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
const FAR = 1e9;

function clips(overflow: string): boolean {
  return overflow === 'hidden' || overflow === 'clip';
}

/** `clip: rect(...)` or `clip-path: inset(50%)` that leaves nothing to see. */
function clippedToNothing(css: CSSStyleDeclaration): boolean {
  if ((css.position === 'absolute' || css.position === 'fixed') && css.clip.startsWith('rect(')) {
    const [top, right, bottom, left] = css.clip.slice(5, -1).split(/[\s,]+/).map((value) => (value === 'auto' ? NaN : parseFloat(value)));
    if ((top !== undefined && bottom !== undefined && bottom <= top) || (left !== undefined && right !== undefined && right <= left)) return true;
  }
  const inset = /^inset\(\s*([\d.]+)%/.exec(css.clipPath);
  return (inset !== null && Number(inset[1]) >= 50) || /^circle\(0(px|%)?[\s)]/.test(css.clipPath);
}

/** The part of `box` inside `outer` (null: nothing clips). */
export function clipTo(box: Box, outer: Box | null): Box {
  if (!outer) return box;
  const left = Math.max(box.x, outer.x);
  const top = Math.max(box.y, outer.y);
  return { x: left, y: top, width: Math.max(0, Math.min(box.x + box.width, outer.x + outer.width) - left), height: Math.max(0, Math.min(box.y + box.height, outer.y + outer.height) - top) };
}

/** The area an element leaves visible to what is inside it, given what clips the element itself. */
export function clipFor(element: Element, css: CSSStyleDeclaration, box: Box, outer: Box | null): Box | null {
  const doc = element.ownerDocument;
  // Overflow on the root and the body belongs to the viewport.
  if (element === doc.documentElement || element === doc.body || css.display === 'inline' || css.display === 'contents') return outer;
  const x = clips(css.overflowX);
  const y = clips(css.overflowY);
  if (!x && !y) return outer;
  return clipTo({ x: x ? box.x : -FAR, y: y ? box.y : -FAR, width: x ? box.width : 2 * FAR, height: y ? box.height : 2 * FAR }, outer);
}

interface Backdrop {
  colour: Rgba;
  /** The element whose background it is. */
  provider: Element;
}

interface Layer {
  element: Element;
  rect: Box;
}

interface ViewMetrics {
  scrollX: number;
  scrollY: number;
  width: number;
  height: number;
}

const BAND = 256;

/** The horizontal bands of the page a box spans, for finding what overlaps it without trying everything. */
function bandsOf(box: Box): number[] {
  const first = Math.floor(box.y / BAND);
  const last = Math.min(first + 400, Math.floor((box.y + Math.max(box.height, 1) - 1) / BAND));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const PAINTED_TAGS = new Set(['img', 'video', 'canvas', 'svg', 'picture', 'iframe', 'object', 'embed']);

export function createConcealment(style: StyleReader) {
  const backdrops = new WeakMap<Element, Backdrop | null>();
  const textClipped = new WeakMap<Element, boolean>();
  const layers = new WeakMap<Element, Map<number, Layer[]>>();
  const views = new WeakMap<Document, ViewMetrics | null>();

  const metrics = (doc: Document): ViewMetrics | null => {
    let known = views.get(doc);
    if (known === undefined) {
      const view = doc.defaultView;
      known = view ? { scrollX: view.scrollX, scrollY: view.scrollY, width: view.innerWidth, height: view.innerHeight } : null;
      views.set(doc, known);
    }
    return known;
  };

  /** The opaque colour behind an element's text, when styles alone tell it. */
  const backdrop = (element: Element): Backdrop | null => {
    const known = backdrops.get(element);
    if (known !== undefined) return known;
    const css = style(element);
    const own = parseColour(css.backgroundColor);
    let result: Backdrop | null;
    if (css.backgroundImage !== 'none' || !own) result = null;
    else if (own.a >= 0.99) result = { colour: { ...own, a: 1 }, provider: element };
    // A layer placed over the page shows whatever lies under it, not its parent.
    else if (css.position === 'absolute' || css.position === 'fixed') result = null;
    else {
      const parent = element.parentElement;
      const below = parent ? backdrop(parent) : canvas(element);
      result = below && own.a > 0 ? { colour: blend(own, below.colour), provider: below.provider } : below;
    }
    backdrops.set(element, result);
    return result;
  };

  const canvas = (root: Element): Backdrop | null => {
    const view = root.ownerDocument.defaultView;
    // A frame's canvas is transparent over its parent; a dark scheme may paint it dark.
    return view && view === view.top && !/dark/.test(style(root).colorScheme) ? { colour: WHITE, provider: root } : null;
  };

  /** What paints inside a background (pictures, media, boxes with backgrounds of their own), by band of the page. */
  const paintedLayers = (provider: Element): Map<number, Layer[]> => {
    let bands = layers.get(provider);
    if (!bands) {
      bands = new Map();
      const walker = provider.ownerDocument.createTreeWalker(provider, NodeFilter.SHOW_ELEMENT);
      for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
        const css = PAINTED_TAGS.has(node.localName) ? null : style(node);
        if (css && css.backgroundImage === 'none' && (parseColour(css.backgroundColor)?.a ?? 1) === 0) continue;
        const layer = { element: node, rect: node.getBoundingClientRect() };
        for (const band of bandsOf(layer.rect)) {
          const list = bands.get(band);
          if (list) list.push(layer);
          else bands.set(band, [layer]);
        }
      }
      layers.set(provider, bands);
    }
    return bands;
  };

  /** Something painted other than the background itself may lie under (or over) the element's text. */
  const overLayer = (element: Element, provider: Element): boolean => {
    const rect = element.getBoundingClientRect();
    const bands = paintedLayers(provider);
    return bandsOf(rect).some((band) => bands.get(band)?.some((layer) => intersects(layer.rect, rect) && layer.element !== element && !layer.element.contains(element)));
  };

  /** Text painted by a background clipped to it (gradient headings) has a transparent colour on purpose. */
  const paintedByBackground = (element: Element): boolean => {
    const known = textClipped.get(element);
    if (known !== undefined) return known;
    const css = style(element);
    const result = css.backgroundClip === 'text' || css.getPropertyValue('-webkit-background-clip') === 'text' || (element.parentElement ? paintedByBackground(element.parentElement) : false);
    textClipped.set(element, result);
    return result;
  };

  const offPage = (element: Element, box: Box, placement: Placement): boolean => {
    const view = metrics(element.ownerDocument);
    if (!view) return false;
    const x = box.x - placement.offset.x;
    const y = box.y - placement.offset.y;
    if (placement.fixed) return x + box.width <= 0 || y + box.height <= 0 || x >= view.width || y >= view.height;
    if (y + view.scrollY + box.height <= 0) return true;
    const right = x + view.scrollX + box.width;
    if (right > 0) return false;
    // Right-to-left pages scroll to the left of zero.
    const doc = element.ownerDocument;
    const root = doc.scrollingElement ?? doc.documentElement;
    return style(doc.documentElement).direction !== 'rtl' || right <= -(root.scrollWidth - root.clientWidth);
  };

  return {
    /** The element and everything in it are out of sight. */
    hidesSubtree(element: Element, css: CSSStyleDeclaration, box: Box, placement: Placement): boolean {
      const display = css.display;
      if (display === 'contents') return false;
      if (parseFloat(css.opacity) < 0.01 || clippedToNothing(css)) return true;
      // A frame always clips its document; other boxes when their overflow says so.
      if (isIFrame(element) && (box.width <= 1 || box.height <= 1)) return true;
      if (display !== 'inline' && ((box.width <= 1 && clips(css.overflowX)) || (box.height <= 1 && clips(css.overflowY)))) return true;
      // An empty box may still hold content that overflows it; that content is judged on its own.
      if (box.width * box.height === 0) return false;
      if (placement.clip && !intersects(box, placement.clip)) return true;
      return offPage(element, box, placement);
    },

    /** The text directly in the element cannot be seen (the element itself may still hold visible parts). */
    hidesText(element: Element, css: CSSStyleDeclaration, box: Box, placement: Placement): boolean {
      if (css.visibility !== 'visible' || parseFloat(css.fontSize) < 3) return true;
      const indent = css.textIndent;
      if (indent.startsWith('-') && indent.endsWith('px')) {
        const view = metrics(element.ownerDocument);
        if (view && box.x - placement.offset.x + view.scrollX + parseFloat(indent) + box.width <= 0) return true;
      }
      // The fill is the colour the glyphs are painted in: the text colour unless set apart.
      const fill = parseColour(css.webkitTextFillColor);
      if (!fill) return false;
      let invisible: boolean;
      if (fill.a < 0.05) invisible = !paintedByBackground(element);
      else {
        const below = backdrop(element);
        invisible = below !== null && contrastRatio(blend(fill, below.colour), below.colour) < INVISIBLE_CONTRAST && !overLayer(element, below.provider);
      }
      return invisible && css.textShadow === 'none' && !(parseFloat(css.webkitTextStrokeWidth) > 0);
    },
  };
}

export type Concealment = ReturnType<typeof createConcealment>;
