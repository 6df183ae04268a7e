import type { Box, Candidate, TextBlock } from '../grounding/types.ts';
import { extractCandidate } from './candidate.ts';
import { clipFor, clipTo, createConcealment, type Placement } from './dom/concealed.ts';
import { frameDocument } from './dom/deep.ts';
import { boxOf, frameContentOffset, intersects, type Offset } from './dom/geometry.ts';
import { isElementNode, isIFrame, isInput, isLabel, isSelect, isSlot, SKIPPED_TAGS } from './dom/kinds.ts';
import { collapse, getElementRole, getName, getText, isIcon, isInteractive, isScrollableRegion, isWeakInteractive, structuralRoles, type StyleReader } from './dom/semantics.ts';
import type { OrderScanner } from './orders.ts';
import type { OutlineLine } from './outline.ts';
import { OVERLAY_ATTRIBUTE } from './overlay.ts';
import type { RefRegistry } from './refs.ts';

// The pass over the page's flat tree: open shadow roots and same-origin frames inlined, what
// overflow clips and what concealment hides worked out on the way down. It decides where each
// element goes (a candidate, a heading, a container, text, a frame); candidate.ts reads the
// candidates, orders.ts scans what people cannot see.

export interface ChildFrame {
  index: number;
  src: string;
  title: string;
  box: Box;
}

export interface Walked {
  candidates: Candidate[];
  /** The live element of each candidate, by candidate index. */
  elements: Element[];
  texts: TextBlock[];
  lines: OutlineLine[];
  frames: ChildFrame[];
  /** Candidates that gave way to the controls inside them. */
  dropped: Set<number>;
  /** Container ids of the page's units (see PageData.units). */
  units: number[];
  behindModal: number;
  modal: Element | null;
}

export interface WalkOptions {
  registry: RefRegistry;
  style: StyleReader;
  orders: OrderScanner;
  /** The area counted as in view: the viewport, grown by a margin above and below. */
  viewport: Box;
}

interface Context {
  depth: number;
  ancestors: number[];
  scopes: string[];
  scopeIds: number[];
  scopeNames: string[];
  offset: Offset;
  clip: Box;
  inInteractive: boolean;
  inModal: boolean;
  /** Inside a label whose control is listed. */
  inLabel: boolean;
  /** Inside an element clickable only by its cursor or handler (a mail thread, a card). */
  inWeak: boolean;
  /** Inside aria-hidden content: only its controls are listed. */
  ariaHidden: boolean;
  /** Out of a person's sight (see dom/concealed.ts): nothing inside is shown. */
  concealed: boolean;
  /** What overflow:hidden ancestors leave visible to content in flow, and to absolutely positioned content. */
  overflowClip: Box | null;
  positionedClip: Box | null;
  fixed: boolean;
  /** Whether the text directly inside the current element is out of sight; worked out when there is some. */
  textHidden: () => boolean;
}

const landmarkTags: Record<string, string> = { header: 'banner', nav: 'navigation', main: 'main', aside: 'complementary', footer: 'contentinfo' };
const cookieWords = /cookie|consent|gdpr|privacy-banner/i;
const controlSelector = 'a, button, input, select, textarea, [role], [tabindex], [onclick]';

const compositeRoles = new Set(['listbox', 'menu', 'menubar', 'tablist', 'radiogroup', 'tree', 'treegrid', 'grid', 'toolbar']);

function findModal(doc: Document): Element | null {
  const modal = doc.querySelector('dialog:modal');
  if (modal) return modal;
  const marked = [...doc.querySelectorAll('[aria-modal="true"]')].filter((element) => element.checkVisibility());
  return marked.at(-1) ?? null;
}

function childNodesOf(node: Element | Document | ShadowRoot): Iterable<Node> {
  if (isSlot(node)) {
    const assigned = node.assignedNodes({ flatten: true });
    return assigned.length > 0 ? assigned : node.childNodes;
  }
  if (isElementNode(node) && node.shadowRoot) return node.shadowRoot.childNodes;
  return node.childNodes;
}

function kindOf(element: Element): string {
  return `${element.localName} ${element.getAttribute('class')?.trim().split(/\s+/).sort().join(' ') ?? ''} ${element.getAttribute('role') ?? ''}`;
}

/** Is the element one of several siblings of its kind (tag, classes, role): a card, a post, a row? Counts are kept per pass. */
function isRepeated(element: Element, kindCounts: WeakMap<Element, Map<string, number>>): boolean {
  const parent = element.parentElement;
  if (!parent) return false;
  let counts = kindCounts.get(parent);
  if (!counts) {
    counts = new Map();
    for (const child of parent.children) counts.set(kindOf(child), (counts.get(kindOf(child)) ?? 0) + 1);
    kindCounts.set(parent, counts);
  }
  return (counts.get(kindOf(element)) ?? 0) > 1;
}

function isTiny(box: Box): boolean {
  return box.width * box.height < 4;
}

/**
 * A box laid over the page (positioned, with a background or border, not a bar across it): what a
 * person calls "the popup" or "the calendar" whether or not it has a dialog role.
 */
function isPopupBox(css: CSSStyleDeclaration, box: Box, view: Window): boolean {
  if (css.position !== 'absolute' && css.position !== 'fixed') return false;
  if (box.width >= view.innerWidth * 0.9 && box.height <= view.innerHeight * 0.25) return false;
  const painted = !/rgba\(0, 0, 0, 0\)|transparent/.test(css.backgroundColor) || css.borderTopStyle !== 'none' || css.boxShadow !== 'none';
  return painted && box.width > 40 && box.height > 30;
}

function scopeFor(element: Element, role: string | null): string | null {
  if (role === 'row' && (element.closest('thead') || !element.querySelector('td, [role="cell"], [role="gridcell"]'))) return 'headerrow';
  if (role === 'listitem') return 'listitem';
  if (role && structuralRoles.has(role)) return role === 'alertdialog' ? 'dialog' : role;
  const landmark = landmarkTags[element.localName];
  // header and footer are landmarks only outside sectioning content; inside a card they still scope.
  if (landmark) return landmark;
  if (cookieWords.test(`${element.id} ${typeof element.className === 'string' ? element.className : ''}`)) return 'cookie';
  return null;
}

export function walkPage(doc: Document, options: WalkOptions): Walked {
  const { registry, style, orders } = options;
  const view = doc.defaultView ?? window;
  const candidates: Candidate[] = [];
  const elements: Element[] = [];
  const texts: TextBlock[] = [];
  const lines: OutlineLine[] = [];
  const frames: ChildFrame[] = [];
  const modal = findModal(doc);
  const conceal = createConcealment(style);
  const dropped = new Set<number>();
  let behindModal = 0;
  let nextId = 0;
  let lastHeading: string | undefined;
  const units: number[] = [];
  const kindCounts = new WeakMap<Element, Map<string, number>>();
  /** Candidates that are icons inside a clickable wrapper: the wrapper stays a candidate beside them. */
  const icons: number[] = [];
  const iconsSince = (from: number) => icons.filter((index) => index >= from).length;

  const addText = (text: string, owner: number, ownerBox: Box, ctx: Context, quiet: boolean) => {
    texts.push(quiet ? { text, box: ownerBox, ancestors: ctx.ancestors.slice(1), owner, labelOf: true } : { text, box: ownerBox, ancestors: ctx.ancestors.slice(1), owner });
    if (!quiet) lines.push({ kind: 'text', depth: ctx.depth, text, inView: intersects(ownerBox, ctx.clip), box: ownerBox });
  };

  const visitChildren = (node: Element | Document | ShadowRoot, ctx: Context, ownerBox: Box) => {
    for (const child of childNodesOf(node)) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (ctx.inInteractive || ctx.ariaHidden || (modal && !ctx.inModal)) continue;
        const text = collapse(child.textContent ?? '');
        if (text && (ctx.concealed || ctx.textHidden())) orders.noteHidden(text);
        // A label's words are already the name of its control in the outline.
        else if (text) addText(text, ctx.ancestors[0] ?? 0, ownerBox, ctx, ctx.inLabel);
      } else if (isElementNode(child)) {
        visitElement(child, ctx);
      }
    }
  };

  const visitElement = (element: Element, ctx: Context): void => {
    const tag = element.localName;
    if (SKIPPED_TAGS.has(tag) || element.hasAttribute(OVERLAY_ATTRIBUTE) || element.hasAttribute('inert')) return;
    // aria-hidden hides from screen readers, not from sight: the controls a person can see in it
    // (a spinner's arrows) stay, its words do not.
    const ariaHidden = ctx.ariaHidden || element.getAttribute('aria-hidden') === 'true';
    if (ariaHidden && !ctx.ariaHidden && !element.querySelector(controlSelector) && !element.matches(controlSelector)) return;
    if (!element.checkVisibility({ visibilityProperty: false, opacityProperty: false }) && style(element).display !== 'contents') {
      orders.scanHidden(element);
      return;
    }
    const id = ++nextId;
    const css = style(element);
    const inModal = ctx.inModal || element === modal;
    const role = getElementRole(element);
    const box = boxOf(element, ctx.offset);
    const position = css.position;
    const placement: Placement = { clip: position === 'fixed' ? null : position === 'absolute' ? ctx.positionedClip : ctx.overflowClip, fixed: ctx.fixed || position === 'fixed', offset: ctx.offset };
    const concealed = ctx.concealed || conceal.hidesSubtree(element, css, box, placement);
    const shown = css.visibility !== 'hidden' && !concealed;
    let textHidden: boolean | undefined;
    const overflowClip = clipFor(element, css, box, placement.clip);
    const next: Context = {
      ...ctx,
      ariaHidden,
      ancestors: [id, ...ctx.ancestors],
      inModal,
      concealed,
      fixed: placement.fixed,
      overflowClip,
      // Absolutely positioned content is clipped from its containing block up; the transform is read only when that matters.
      positionedClip: overflowClip === ctx.positionedClip || position !== 'static' || css.transform !== 'none' ? overflowClip : ctx.positionedClip,
      textHidden: () => (textHidden ??= conceal.hidesText(element, css, box, placement)),
    };
    orders.scanAttributes(element);
    const interactive = !ctx.inInteractive && isInteractive(element, role, style);
    const scrollable = interactive && isScrollableRegion(element, style);
    const weak = interactive && !scrollable && isWeakInteractive(element, role);
    const icon = weak && ctx.inWeak && isIcon(element, style);
    const firstCandidate = candidates.length;
    const firstLine = lines.length;
    if (isLabel(element) && element.control) next.inLabel = true;

    if (interactive) {
      let hitBox = box;
      let usable = shown && !isTiny(box);
      // Custom checkboxes and switches hide the real input and style its label instead.
      if (!usable && !ctx.concealed && (isInput(element) || isSelect(element))) {
        const label = element.labels?.[0];
        if (label?.checkVisibility()) {
          const labelBox = boxOf(label, ctx.offset);
          usable = !isTiny(labelBox);
          if (isTiny(box)) hitBox = labelBox;
        }
      }
      if (usable && modal && !inModal) behindModal++;
      else if (usable) {
        const index = candidates.length;
        const place = { index, node: id, weak, box: hitBox, inViewport: intersects(hitBox, ctx.clip), ancestors: ctx.ancestors, scopes: ctx.scopes, scopeIds: ctx.scopeIds, scopeNames: ctx.scopeNames, heading: lastHeading, textsBefore: texts, scrollable };
        const candidate = extractCandidate(element, role, place, registry, style);
        if (icon) icons.push(index);
        candidates.push(candidate);
        elements.push(element);
        lines.push({ kind: 'element', depth: ctx.depth, text: String(index), inView: candidate.inViewport, box: hitBox, role: candidate.role });
      }
      // Composite widgets (a listbox, a menu) hold the options a person picks; a bare clickable
      // wrapper gives way to real controls inside it (see below).
      if (!compositeRoles.has(role ?? '') && !weak && !scrollable) next.inInteractive = true;
      if (weak) next.inWeak = true;
    }

    if (!interactive && role === 'heading' && !(modal && !inModal) && shown && !ariaHidden) {
      const name = getName(element, role, style);
      if (name) {
        lastHeading = name;
        const level = element.getAttribute('aria-level') ?? /^h([1-6])$/.exec(tag)?.[1] ?? '2';
        lines.push({ kind: 'heading', depth: ctx.depth, text: `heading "${name}" [level=${level}]`, name, inView: intersects(box, ctx.clip), box });
        texts.push({ text: name, box, ancestors: ctx.ancestors, owner: id });
        // The heading's words are printed; controls inside it (an accordion's button, a title
        // link) are still listed.
        next.inLabel = true;
      }
    }
    if (!interactive && tag === 'img' && !(modal && !inModal) && !ariaHidden) {
      const alt = element.getAttribute('alt');
      if (alt && !shown) orders.noteHidden(collapse(alt));
      else if (alt && box.width >= 24 && box.height >= 24) {
        lines.push({ kind: 'image', depth: ctx.depth, text: `img "${collapse(alt)}"`, name: collapse(alt), inView: intersects(box, ctx.clip), box });
        texts.push({ text: collapse(alt), box, ancestors: ctx.ancestors, owner: id });
      }
      return;
    }

    const scope = interactive ? null : (scopeFor(element, role) ?? (isPopupBox(css, box, view) ? 'popup' : null));
    if (scope) {
      const scopeName = role && scope !== 'row' && scope !== 'list' ? getName(element, role, style) : '';
      next.scopes = [scope, ...ctx.scopes];
      next.scopeIds = [id, ...ctx.scopeIds];
      if (scopeName) next.scopeNames = [scopeName, ...ctx.scopeNames];
      if (!['list', 'listitem', 'cookie', 'headerrow', 'popup'].includes(scope) && !(modal && !inModal) && !concealed) {
        next.depth = ctx.depth + 1;
        const label = scope === 'row' ? getText(element, 100) : scopeName;
        // A row's label is its cells' text, which is printed (and checked) below it.
        lines.push({ kind: 'container', depth: ctx.depth, text: `${scope}${label ? ` "${label}"` : ''}:`, ...(scope === 'row' ? {} : { name: scopeName }), inView: false, box });
      }
    }

    if (css.overflowX !== 'visible' || css.overflowY !== 'visible') {
      const clipped: Box = {
        x: Math.max(ctx.clip.x, box.x),
        y: Math.max(ctx.clip.y, box.y),
        width: 0,
        height: 0,
      };
      clipped.width = Math.max(0, Math.min(ctx.clip.x + ctx.clip.width, box.x + box.width) - clipped.x);
      clipped.height = Math.max(0, Math.min(ctx.clip.y + ctx.clip.height, box.y + box.height) - clipped.y);
      next.clip = clipped;
    }

    if (isIFrame(element)) {
      const inner = frameDocument(element);
      if (inner?.documentElement) {
        // The frame's box clips its document, which scrolls and places fixed layers on its own.
        const frameClip = clipTo(box, placement.clip);
        visitElement(inner.documentElement, { ...next, offset: frameContentOffset(element, ctx.offset), overflowClip: frameClip, positionedClip: frameClip, fixed: false });
      } else if (!(modal && !inModal) && !concealed) {
        // A frame out of sight is not observed at all: its own content script would not know.
        const index = frames.length;
        const title = element.title || element.name || '';
        frames.push({ index, src: element.src, title, box });
        lines.push({ kind: 'frame', depth: ctx.depth, text: `iframe${title ? ` "${title}"` : ''}`, name: title, inView: intersects(box, ctx.clip), box, frameIndex: index });
      }
      return;
    }
    visitChildren(element, next, box);
    if (candidates.length > firstCandidate && scope !== 'headerrow' && (scope === 'row' || scope === 'listitem' || scope === 'article' || isRepeated(element, kindCounts))) units.push(id);
    const addedSelf = elements[firstCandidate] === element;
    const controls = candidates.length - firstCandidate - 1 - iconsSince(firstCandidate + 1);
    if (weak && addedSelf && controls > 0) {
      // A clickable wrapper around real controls: the controls are what a person means.
      dropped.add(firstCandidate);
    } else if (weak && addedSelf) {
      // A clickable wrapper with only text inside: its text is its name; do not print it twice.
      for (let i = lines.length - 1; i > firstLine; i--) if (lines[i]?.kind === 'text') lines.splice(i, 1);
    }
  };

  const root: Context = {
    depth: 0,
    ancestors: [],
    scopes: [],
    scopeIds: [],
    scopeNames: [],
    offset: { x: 0, y: 0 },
    clip: options.viewport,
    inInteractive: false,
    inModal: false,
    inLabel: false,
    inWeak: false,
    ariaHidden: false,
    concealed: false,
    overflowClip: null,
    positionedClip: null,
    fixed: false,
    textHidden: () => false,
  };
  if (doc.documentElement) visitElement(doc.documentElement, root);
  return { candidates, elements, texts, lines, frames, dropped, units, behindModal, modal };
}
