import { textMatch } from './match.ts';
import type { Relation, TargetQuery } from './parse.ts';
import type { Candidate, PageData, TextBlock } from './types.ts';
import { choiceRoles, textEntryRoles } from './vocabulary.ts';

// Scores every candidate against one reading of a description. Each factor is in [0, 1] and
// the score is their product, so one clear contradiction (wrong role, wrong place) sinks it.

export interface Factors {
  name: number;
  role: number;
  state: number;
  scope: number;
  relation: number;
}

export interface Scored {
  candidate: Candidate;
  score: number;
  factors: Factors;
}

export type ActionKind = 'click' | 'type' | 'select' | 'check' | 'hover' | 'press' | 'scroll';

const NO_NAME_EVIDENCE = 0.6;

function nameFields(candidate: Candidate): [string | undefined, number][] {
  return [
    [candidate.name, 1],
    [candidate.label, 0.97],
    [candidate.text, 0.92],
    [candidate.placeholder, 0.9],
    [candidate.title, 0.85],
    [candidate.value, 0.6],
    [candidate.hints, 0.55],
  ];
}

function bestField(query: string, candidate: Candidate): number {
  let best = 0;
  for (const [field, weight] of nameFields(candidate)) best = Math.max(best, textMatch(query, field) * weight);
  return best;
}

function nameScore(query: TargetQuery, candidate: Candidate): number {
  const parts: number[] = query.phrases.map((phrase) => bestField(phrase, candidate));
  const words = query.words.join(' ');
  if (words) {
    const byWords = bestField(words, candidate);
    // With a quoted name, leftover words are colour ("the big 'Save' button"), not a requirement.
    parts.push(query.phrases.length > 0 ? 0.6 + 0.4 * byWords : byWords);
  }
  if (parts.length === 0) return NO_NAME_EVIDENCE;
  return Math.min(...parts);
}

function roleScore(query: TargetQuery, candidate: Candidate, action: ActionKind | undefined): number {
  let score = 1;
  const role = query.role;
  if (role) {
    const checkable = query.states.includes('checked') || query.states.includes('unchecked');
    const roles = checkable && role.phrase === 'box' ? ['checkbox', 'switch', 'radio'] : role.roles;
    if (role.types?.includes(candidate.type ?? '')) score = 1;
    else if (roles.includes(candidate.role)) score = 1;
    else if (role.near.includes(candidate.role)) score = 0.75;
    else score = 0.35;
  }
  if (action === 'type') score *= textEntryRoles.includes(candidate.role) || candidate.states.editable ? 1 : 0.3;
  if (action === 'select') score *= choiceRoles.includes(candidate.role) || candidate.role === 'option' || candidate.role === 'radio' ? 1 : 0.45;
  if (action === 'check') score *= ['checkbox', 'switch', 'radio', 'menuitemcheckbox', 'menuitemradio'].includes(candidate.role) ? 1 : 0.4;
  if (query.words.includes('search') && (candidate.role === 'searchbox' || candidate.type === 'search')) score = Math.min(1, score * 1.1);
  return score;
}

function stateScore(query: TargetQuery, candidate: Candidate): number {
  const s = candidate.states;
  let score = 1;
  for (const state of query.states) {
    const holds = {
      empty: s.empty === true,
      filled: s.empty === false,
      checked: s.checked === true || s.pressed === true,
      unchecked: s.checked === false || s.pressed === false,
      disabled: s.disabled === true,
      enabled: s.disabled !== true,
      selected: s.selected === true || s.checked === true,
      unselected: s.selected === false || s.checked === false,
      expanded: s.expanded === true,
      collapsed: s.expanded === false,
      required: s.required === true,
      invalid: s.invalid === true,
      focused: false,
    }[state];
    score *= holds ? 1 : 0.15;
  }
  return score;
}

function scopeScore(query: TargetQuery, candidate: Candidate): number {
  if (query.scopes.length === 0) return 1;
  return query.scopes.some((scope) => candidate.scopes.includes(scope)) ? 1 : 0.2;
}

/** How far apart two nodes sit in the tree: steps up from each to their nearest shared container. */
function treeDistance(a: number[], b: number[]): number {
  const positions = new Map<number, number>();
  b.forEach((id, index) => positions.set(id, index));
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
}

export function findAnchors(page: PageData, anchor: string): Anchor[] {
  const anchors: Anchor[] = [];
  for (const block of page.texts) {
    const strength = textMatch(anchor, block.text);
    if (strength >= 0.6) anchors.push({ ancestors: [block.owner, ...block.ancestors], box: block.box, strength });
  }
  for (const candidate of page.candidates) {
    const strength = Math.max(textMatch(anchor, candidate.name), textMatch(anchor, candidate.label));
    if (strength >= 0.8) anchors.push({ ancestors: candidate.ancestors, box: candidate.box, strength });
  }
  const best = Math.max(0, ...anchors.map((a) => a.strength));
  return anchors.filter((a) => a.strength >= best - 0.15);
}

function geometry(kind: Relation['kind'], c: Candidate['box'], a: Anchor['box']): number {
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

function pixelDistance(c: Candidate['box'], a: Anchor['box']): number {
  const dx = Math.max(0, a.x - (c.x + c.width), c.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (c.y + c.height), c.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

/** For one relation, a score per candidate relative to the best-placed candidate. */
export function relationScores(page: PageData, relation: Relation, pool: Candidate[]): Map<number, number> {
  const result = new Map<number, number>();
  const named = pool.map((candidate) => candidate.scopeNames.some((name) => textMatch(relation.anchor, name) >= 0.85));
  const anchors = findAnchors(page, relation.anchor);
  const raw = pool.map((candidate) => {
    let best = { tree: Infinity, pixels: Infinity, geometry: 0 };
    for (const anchor of anchors) {
      const tree = treeDistance(candidate.ancestors, anchor.ancestors);
      const g = geometry(relation.kind, candidate.box, anchor.box) * anchor.strength;
      const pixels = pixelDistance(candidate.box, anchor.box);
      if (g > best.geometry + 0.05 || (Math.abs(g - best.geometry) <= 0.05 && tree < best.tree)) best = { tree, pixels, geometry: g };
    }
    return best;
  });
  const minTree = Math.min(...raw.map((r) => r.tree));
  const minPixels = Math.min(...raw.map((r) => r.pixels));
  pool.forEach((candidate, i) => {
    const r = raw[i];
    if (!r || !Number.isFinite(r.tree)) {
      result.set(candidate.index, named[i] ? 1 : 0.1);
      return;
    }
    const closeness = Math.exp(-(r.tree - minTree) / 2);
    const nearness = relation.kind === 'within' ? 1 : Math.exp(-(r.pixels - minPixels) / 300);
    const value = r.geometry * (0.35 + 0.65 * closeness) * (0.6 + 0.4 * nearness);
    result.set(candidate.index, Math.max(value, named[i] ? 1 : 0));
  });
  return result;
}

export function scoreCandidates(page: PageData, query: TargetQuery, action: ActionKind | undefined): Scored[] {
  const scored = page.candidates.map((candidate) => {
    const factors: Factors = {
      name: nameScore(query, candidate),
      role: roleScore(query, candidate, action),
      state: stateScore(query, candidate),
      scope: scopeScore(query, candidate),
      relation: 1,
    };
    return { candidate, factors, score: factors.name * factors.role * factors.state * factors.scope };
  });
  if (query.relations.length > 0) {
    // Relations only matter among candidates that already fit the words.
    const top = Math.max(0, ...scored.map((s) => s.score));
    const pool = scored.filter((s) => s.score >= top * 0.5);
    for (const relation of query.relations) {
      const scores = relationScores(page, relation, pool.map((s) => s.candidate));
      for (const entry of scored) {
        const value = scores.get(entry.candidate.index) ?? 0.1;
        entry.factors.relation *= value;
        entry.score *= value;
      }
    }
  }
  return scored.sort((a, b) => b.score - a.score || a.candidate.index - b.candidate.index);
}
