import { normalize } from './normalize.ts';
import { textMatch, wordMatch, words } from './match.ts';
import type { Relation } from './parse.ts';
import type { Box, Candidate, PageData, TextBlock } from './types.ts';
import { roleWords } from './vocabulary.ts';

// Where a candidate stands relative to something else on the page: under a heading, in the row
// for a name, at the bottom, in the third post.

/** Where each container sits among a node's ancestors, nearest first. */
function positionsOf(ancestors: number[]): Map<number, number> {
  const positions = new Map<number, number>();
  ancestors.forEach((id, index) => positions.set(id, index));
  return positions;
}

/** How far apart two nodes sit in the tree: steps up from each to their nearest shared container. */
function treeDistance(a: number[], b: number[], positions: Map<number, number>): number {
  for (let i = 0; i < a.length; i++) {
    const j = positions.get(a[i] ?? -1);
    if (j !== undefined) return i + j;
  }
  return a.length + b.length;
}

interface Anchor {
  ancestors: number[];
  box: TextBlock['box'];
  strength: number;
  /** Set when the anchor is a control itself (a product link in its own table cell). */
  control?: boolean;
}

interface TextIndex {
  /** The blocks that hold each word, by block index. */
  byWord: Map<string, number[]>;
  /** The blocks by their normalised text. */
  byText: Map<string, number[]>;
}

const textIndexes = new WeakMap<PageData, TextIndex>();

function add(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Built once per page data: which blocks hold which words. */
function textIndex(page: PageData): TextIndex {
  let index = textIndexes.get(page);
  if (!index) {
    index = { byWord: new Map(), byText: new Map() };
    for (const [i, block] of page.texts.entries()) {
      for (const word of new Set(words(block.text))) add(index.byWord, word, i);
      add(index.byText, normalize(block.text), i);
    }
    textIndexes.set(page, index);
  }
  return index;
}

/**
 * The blocks that can match the anchor at all: the same text, or a word in common with it (a
 * match in either direction needs one). Every other block scores 0 and need not be tried.
 */
function blocksSharingWords(page: PageData, anchor: string): number[] {
  const { byWord, byText } = textIndex(page);
  const found = new Set<number>(byText.get(normalize(anchor)) ?? []);
  const wanted = new Set(words(anchor));
  for (const [word, blocks] of byWord) {
    for (const other of wanted) {
      if (wordMatch(other, word) > 0) {
        for (const block of blocks) found.add(block);
        break;
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}

// Lower case only: "the Gift Card" keeps its Card.
const anchorNouns = /\s+(button|link|field|box|input|heading|title|text|label|section|icon|tab|menu|dialog|row|card|post|item|column|panel|form|list|area)$/;

export function findAnchors(page: PageData, anchor: string): Anchor[] {
  const anchors: Anchor[] = [];
  const wanted = anchor.replace(anchorNouns, '') || anchor;
  for (const at of blocksSharingWords(page, wanted)) {
    const block = page.texts[at];
    if (!block) continue;
    // Also a short text that the anchor contains: "the suspended user" finds the cell "Suspended".
    const reverse = block.text.length >= 4 && block.text.length <= 40 ? 0.85 * textMatch(block.text, wanted) : 0;
    const strength = Math.max(textMatch(wanted, block.text), reverse);
    if (strength >= 0.6) anchors.push({ ancestors: [block.owner, ...block.ancestors], box: block.box, strength });
  }
  // "next to the search box": a control named like the anchor but of another kind (the Search button) is a weaker anchor.
  const noun = anchorNouns.exec(anchor)?.[1];
  const kind = noun ? roleWords.find((entry) => entry.phrase === noun) : undefined;
  for (const candidate of page.candidates) {
    const fits = !kind || kind.roles.includes(candidate.role) || kind.near.includes(candidate.role);
    const strength = Math.max(textMatch(wanted, candidate.name), textMatch(wanted, candidate.label), 0.9 * textMatch(wanted, candidate.placeholder)) * (fits ? 1 : 0.6);
    const ancestors = candidate.node === undefined ? candidate.ancestors : [candidate.node, ...candidate.ancestors];
    if (strength >= 0.6) anchors.push({ ancestors, box: candidate.box, strength, control: true });
  }
  const best = Math.max(0, ...anchors.map((a) => a.strength));
  return anchors.filter((a) => a.strength >= best - 0.15);
}

function geometry(kind: Relation['kind'], c: Box, a: Box): number {
  const slack = 4;
  const horizontalOverlap = Math.min(c.x + c.width, a.x + a.width) - Math.max(c.x, a.x) > -40;
  const verticalOverlap = Math.min(c.y + c.height, a.y + a.height) - Math.max(c.y, a.y) > -slack;
  switch (kind) {
    case 'below':
      return c.y + slack >= a.y + a.height * 0.5 && horizontalOverlap ? 1 : c.y >= a.y ? 0.6 : 0.15;
    case 'above':
      return c.y + c.height <= a.y + a.height * 0.5 + slack && horizontalOverlap ? 1 : c.y <= a.y ? 0.6 : 0.15;
    case 'left-of':
      return c.x + c.width <= a.x + slack && verticalOverlap ? 1 : c.x < a.x ? 0.5 : 0.15;
    case 'right-of':
      return c.x + slack >= a.x + a.width && verticalOverlap ? 1 : c.x > a.x ? 0.5 : 0.15;
    default:
      return 1;
  }
}

function pixelDistance(c: Box, a: Box): number {
  const dx = Math.max(0, a.x - (c.x + c.width), c.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (c.y + c.height), c.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

/** Anchors nobody can find: a name ("for the Gift Card") rules the target out; loose words ("in the newsletter box") do not. */
const MISSING_SPECIFIC = 0.1;
const MISSING_GENERIC = 0.9;

/** A target said to be "of" an anchor lies inside every unit (card, row, post) that holds the anchor. */
const OUTSIDE_UNIT = 0.05;
/** "under 'Blue Shirt'" across the edge of Blue Shirt's card is a poor reading, though not impossible. */
const ACROSS_UNIT = 0.3;

function ownIds(candidate: Candidate): Set<number> {
  const ids = new Set(candidate.ancestors);
  if (candidate.node !== undefined) ids.add(candidate.node);
  return ids;
}

const unitSizeCache = new WeakMap<PageData, Map<number, number>>();

/** How many candidates each unit holds. */
function unitSizes(page: PageData, units: Set<number>): Map<number, number> {
  let sizes = unitSizeCache.get(page);
  if (!sizes) {
    sizes = new Map<number, number>();
    for (const candidate of page.candidates) for (const id of candidate.ancestors) if (units.has(id)) sizes.set(id, (sizes.get(id) ?? 0) + 1);
    unitSizeCache.set(page, sizes);
  }
  return sizes;
}

/** For one relation, a score per candidate relative to the best-placed candidate. */
export function relationScores(page: PageData, relation: Relation, pool: Candidate[]): Map<number, number> {
  const result = new Map<number, number>();
  const named = pool.map((candidate) => candidate.scopeNames.some((name) => textMatch(relation.anchor, name) >= 0.85));
  const anchors = findAnchors(page, relation.anchor);
  if (anchors.length === 0 && !named.some(Boolean)) {
    for (const candidate of pool) result.set(candidate.index, relation.specific ? MISSING_SPECIFIC : MISSING_GENERIC);
    return result;
  }
  const units = new Set(page.units ?? []);
  const sizes = unitSizes(page, units);
  // A unit that holds the anchor control and nothing else (its table cell) scopes nothing.
  const anchorUnits = anchors.map((anchor) => anchor.ancestors.filter((id) => units.has(id) && !(anchor.control && (sizes.get(id) ?? 0) <= 1)));
  const positions = anchors.map((anchor) => positionsOf(anchor.ancestors));
  const raw = pool.map((candidate) => {
    const own = ownIds(candidate);
    let best = { tree: Infinity, pixels: Infinity, geometry: 0 };
    anchors.forEach((anchor, i) => {
      // The reference point of "below 'Log in'" is never the answer itself.
      if (relation.kind !== 'within' && candidate.node !== undefined && anchor.ancestors.includes(candidate.node)) return;
      const outside = (anchorUnits[i] ?? []).some((id) => !own.has(id));
      const unitFactor = !outside ? 1 : relation.kind === 'within' ? OUTSIDE_UNIT : ACROSS_UNIT;
      const tree = treeDistance(candidate.ancestors, anchor.ancestors, positions[i] ?? new Map<number, number>());
      const g = geometry(relation.kind, candidate.box, anchor.box) * anchor.strength * unitFactor;
      const pixels = pixelDistance(candidate.box, anchor.box);
      if (g > best.geometry + 0.05 || (Math.abs(g - best.geometry) <= 0.05 && tree < best.tree)) best = { tree, pixels, geometry: g };
    });
    return best;
  });
  // Closeness is relative among the candidates that the anchor's units admit.
  const admitted = raw.filter((r) => r.geometry > OUTSIDE_UNIT);
  const minTree = Math.min(...(admitted.length ? admitted : raw).map((r) => r.tree));
  const minPixels = Math.min(...(admitted.length ? admitted : raw).map((r) => r.pixels));
  pool.forEach((candidate, i) => {
    const r = raw[i];
    if (!r || !Number.isFinite(r.tree)) {
      result.set(candidate.index, named[i] ? 1 : 0.1);
      return;
    }
    const closeness = Math.exp(-Math.max(0, r.tree - minTree) / 2);
    const nearness = relation.kind === 'within' ? 1 : Math.exp(-Math.max(0, r.pixels - minPixels) / 300);
    const value = r.geometry * (0.35 + 0.65 * closeness) * (0.6 + 0.4 * nearness);
    result.set(candidate.index, Math.max(value, named[i] ? 1 : 0));
  });
  return result;
}

/** "at the bottom", "in the top right corner": a preference among candidates, by where they sit. */
export function positionScores(where: string, pool: Candidate[]): Map<number, number> {
  const result = new Map<number, number>();
  const xs = pool.map((c) => c.box.x + c.box.width / 2);
  const ys = pool.map((c) => c.box.y + c.box.height / 2);
  const span = (values: number[]) => [Math.min(...values), Math.max(...values) - Math.min(...values) || 1] as const;
  const [minX, spanX] = span(xs);
  const [minY, spanY] = span(ys);
  pool.forEach((candidate, i) => {
    const x = ((xs[i] ?? 0) - minX) / spanX;
    const y = ((ys[i] ?? 0) - minY) / spanY;
    const parts: number[] = [];
    if (/top|upper/.test(where)) parts.push(1 - y);
    if (/bottom|lower/.test(where)) parts.push(y);
    if (/left/.test(where)) parts.push(1 - x);
    if (/right/.test(where)) parts.push(x);
    if (/corner/.test(where) && parts.length === 0) parts.push(Math.max(Math.abs(x - 0.5), Math.abs(y - 0.5)) * 2);
    // "the middle one" of a row of buttons, or of a column: only the direction they spread in counts.
    if (/middle|centre|center/.test(where)) parts.push(1 - 2 * (spanX >= spanY ? Math.abs(x - 0.5) : Math.abs(y - 0.5)));
    const fit = parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 1;
    result.set(candidate.index, 0.5 + 0.5 * fit);
  });
  return result;
}

const containerScopes: Record<string, string[]> = {
  row: ['row'],
  post: ['article', 'listitem'],
  article: ['article', 'listitem'],
  card: ['article', 'listitem'],
  item: ['listitem', 'row', 'article'],
  entry: ['listitem', 'row', 'article'],
  line: ['row', 'listitem'],
  result: ['listitem', 'row', 'article'],
  product: ['article', 'listitem'],
};

/** "in the first row", "on the third post": the candidates inside that one container. */
export function nthContainer(page: PageData, relation: Relation, pool: Candidate[]): Map<number, number> {
  const result = new Map<number, number>();
  const kinds = containerScopes[relation.anchor] ?? [relation.anchor];
  for (const kind of kinds) {
    const order: number[] = [];
    for (const candidate of page.candidates) {
      const at = candidate.scopes.indexOf(kind);
      const id = at >= 0 ? candidate.scopeIds[at] : undefined;
      if (id !== undefined && !order.includes(id)) order.push(id);
    }
    if (order.length === 0) continue;
    const ordinal = relation.ordinal ?? 1;
    const chosen = order[ordinal > 0 ? ordinal - 1 : order.length + ordinal];
    for (const candidate of pool) result.set(candidate.index, chosen !== undefined && candidate.scopeIds.includes(chosen) ? 1 : 0.1);
    return result;
  }
  for (const candidate of pool) result.set(candidate.index, MISSING_GENERIC);
  return result;
}
