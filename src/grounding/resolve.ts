import { textMatch } from './match.ts';
import { parseTarget, type TargetQuery } from './parse.ts';
import { findAnchors } from './relations.ts';
import { scoreCandidates, type ActionKind, type Scored } from './score.ts';
import type { Box, Candidate, PageData } from './types.ts';
import { roleWordSet } from './vocabulary.ts';

// Picks one element for a description, or says why it cannot: it never guesses between
// candidates that fit about equally well.

export const MATCH_THRESHOLD = 0.33;
/** The runner-up must stay below this share of the best score for the best to count as clear. */
export const CLEAR_MARGIN = 0.88;
/** The least a ref the grounding model chose must fit the words: the floor of the near misses a not-found lists. */
export const MODEL_REF_FLOOR = MATCH_THRESHOLD * 0.5;
const MAX_LISTED = 6;

export interface GroundRequest {
  target?: string | undefined;
  ref?: string | undefined;
  /** The candidate the ref names; null when the ref names nothing on the page now. */
  refIndex?: number | null | undefined;
  point?: readonly [number, number] | undefined;
  /** The candidate under the point; null when nothing actionable is there. */
  pointIndex?: number | null | undefined;
  action?: ActionKind | undefined;
  /**
   * Who named the ref. The grounding model picks among candidates it was shown, the near misses of
   * a not-found among them, so its ref may rest on words that fit only in part; never on none.
   */
  refBy?: 'planner' | 'grounding-model' | undefined;
}

export type GroundResult =
  | { kind: 'ok'; chosen: Scored; confidence: number; runnersUp: Scored[]; message: string; aim?: Box }
  | { kind: 'ambiguous' | 'not-found' | 'stale-ref'; candidates: Scored[]; message: string };

export function describeCandidate(candidate: Candidate): string {
  const name = candidate.name ? ` "${candidate.name.length > 60 ? `${candidate.name.slice(0, 57)}...` : candidate.name}"` : '';
  return `[${candidate.ref}] ${candidate.role}${name}`;
}

const list = (entries: Scored[]) => entries.map((entry) => describeCandidate(entry.candidate)).join(', ');

function visualOrder(a: Scored, b: Scored): number {
  const ab = a.candidate.box;
  const bb = b.candidate.box;
  const sameLine = Math.abs(ab.y - bb.y) < Math.min(ab.height, bb.height) / 2;
  if (!sameLine) return ab.y - bb.y;
  return ab.x - bb.x || a.candidate.index - b.candidate.index;
}

function pickOrdinal(ranked: Scored[], ordinal: number): GroundResult {
  const best = ranked[0]?.score ?? 0;
  const group = ranked.filter((entry) => entry.score >= best * 0.9).sort((a, b) => a.candidate.index - b.candidate.index);
  const position = ordinal > 0 ? ordinal - 1 : group.length + ordinal;
  const chosen = group[position];
  if (!chosen) {
    return {
      kind: 'not-found',
      candidates: group.slice(0, MAX_LISTED),
      message: `Only ${group.length} element${group.length === 1 ? '' : 's'} fit the description, so there is no ${ordinal > 0 ? `number ${ordinal}` : 'such one from the end'}: ${list(group.slice(0, MAX_LISTED))}.`,
    };
  }
  return {
    kind: 'ok',
    chosen,
    confidence: chosen.score,
    runnersUp: group.filter((entry) => entry !== chosen).slice(0, MAX_LISTED - 1),
    message: `Chose ${describeCandidate(chosen.candidate)}, number ${position + 1} of ${group.length} that fit.`,
  };
}

interface Reading {
  ranked: Scored[];
  query?: TargetQuery;
  ordinal?: number | undefined;
}

function rankByWords(page: PageData, target: string, action: ActionKind | undefined): Reading {
  let bestReading: Reading | undefined;
  for (const query of parseTarget(target)) {
    const ranked = scoreCandidates(page, query, action).filter((entry) => entry.score >= MATCH_THRESHOLD * 0.5);
    const top = ranked[0]?.score ?? 0;
    if (!bestReading || top > (bestReading.ranked[0]?.score ?? 0) + 0.02) bestReading = { ranked, query, ordinal: query.ordinal };
  }
  return bestReading ?? { ranked: [] };
}

/**
 * Where inside the chosen element a person would put the pointer: on the words the description
 * names, when the element holds more than them ("Reply" in a bar that says "Reply Forward").
 */
function aimWithin(page: PageData, chosen: Scored, query: TargetQuery | undefined): Box | undefined {
  const node = chosen.candidate.node;
  const named = query?.words.filter((word) => !roleWordSet.has(word)) ?? [];
  const said = query?.phrases.length ? query.phrases : named.length ? [named.join(' ')] : [];
  if (node === undefined || said.length === 0) return undefined;
  const fit = (text: string) => Math.max(...said.map((phrase) => textMatch(phrase, text)));
  const whole = fit(chosen.candidate.name || chosen.candidate.text);
  let best: { box: Box; strength: number } | undefined;
  for (const block of page.texts) {
    if (block.owner === node || !block.ancestors.includes(node)) continue;
    const strength = fit(block.text);
    if (strength >= 0.9 && strength > whole + 0.05 && (!best || strength > best.strength)) best = { box: block.box, strength };
  }
  return best?.box;
}

/** A not-found whose place exists ("the Blue Shirt card") says so: the target is missing from that place, not the place from the page. */
function namePlace(result: GroundResult, page: PageData, query: TargetQuery | undefined): GroundResult {
  if (result.kind !== 'not-found' || !query) return result;
  const relations = parseTarget(query.raw).flatMap((reading) => reading.relations);
  const place = relations.find((relation) => relation.kind !== 'position' && relation.kind !== 'nth' && findAnchors(page, relation.anchor).length > 0);
  if (!place) return result;
  const where = place.kind === 'within' ? 'in' : place.kind.replace('-', ' ');
  return { ...result, message: `"${place.anchor}" is on the page, but nothing ${where} it fits "${query.raw}". ${result.message}` };
}

function withAim(result: GroundResult, page: PageData, query: TargetQuery | undefined): GroundResult {
  if (result.kind === 'not-found') return namePlace(result, page, query);
  if (result.kind !== 'ok') return result;
  const aim = aimWithin(page, result.chosen, query);
  return aim ? { ...result, aim } : result;
}

/**
 * Elements nothing tells apart: the same markup and words, side by side in one container, in the
 * same state. A person told to click "the okay button" clicks either; there is no other reading to
 * get wrong. Elements in different rows or cards, or leading to different places, are never twins.
 */
function areTwins(entries: Scored[]): boolean {
  const [head, ...rest] = entries.map((entry) => entry.candidate);
  if (!head || rest.length === 0 || head.markup === undefined || head.ancestors[0] === undefined) return false;
  const states = JSON.stringify(head.states);
  return rest.every(
    (other) =>
      other.markup === head.markup &&
      other.ancestors[0] === head.ancestors[0] &&
      other.role === head.role &&
      other.name === head.name &&
      other.text === head.text &&
      other.value === head.value &&
      JSON.stringify(other.states) === states,
  );
}

function decide(ranked: Scored[], ordinal: number | undefined, target: string): GroundResult {
  const matching = ranked.filter((entry) => entry.score >= MATCH_THRESHOLD);
  const [best, second] = matching;
  if (!best) {
    const near = ranked.slice(0, 3);
    return {
      kind: 'not-found',
      candidates: near,
      message: `Nothing visible on the page fits "${target}".${near.length ? ` Closest: ${list(near)}.` : ''} Scroll to reveal more, or describe it by its visible text.`,
    };
  }
  if (ordinal !== undefined) return pickOrdinal(matching, ordinal);
  if (second && second.score >= best.score * CLEAR_MARGIN) {
    // Among equals, a person means the one that can be used, unless they said otherwise.
    const tied = matching.filter((entry) => entry.score >= best.score * CLEAR_MARGIN);
    const usable = tied.filter((entry) => !entry.candidate.states.disabled);
    const usableOnly = usable[0];
    if (usable.length === 1 && usableOnly && !/disabled|greyed|grayed|inactive|unavailable/i.test(target)) {
      return { kind: 'ok', chosen: usableOnly, confidence: usableOnly.score * 0.8, runnersUp: tied.filter((entry) => entry !== usableOnly), message: `Chose ${describeCandidate(usableOnly.candidate)}, the only one of ${tied.length} that is enabled.` };
    }
    const close = matching.filter((entry) => entry.score >= best.score * 0.75).sort(visualOrder).slice(0, MAX_LISTED);
    const first = close[0];
    if (first && close.length === tied.length && areTwins(close)) {
      return { kind: 'ok', chosen: first, confidence: first.score * 0.8, runnersUp: close.slice(1), message: `Chose ${describeCandidate(first.candidate)}, the first of ${close.length} identical ones side by side.` };
    }
    return {
      kind: 'ambiguous',
      candidates: close,
      message: `"${target}" fits ${close.length === MAX_LISTED ? 'several' : close.length} elements about equally: ${list(close)}. Name one by its ref, or add what tells it apart (its row, card or section, or "the first", "the second").`,
    };
  }
  const margin = second ? 1 - second.score / best.score : 1;
  return {
    kind: 'ok',
    chosen: best,
    confidence: Math.min(1, best.score * (0.6 + 0.4 * margin)),
    runnersUp: matching.slice(1, MAX_LISTED),
    message: `Chose ${describeCandidate(best.candidate)}.`,
  };
}

function hinted(page: PageData, index: number): Scored | undefined {
  const candidate = page.candidates.find((entry) => entry.index === index);
  return candidate && { candidate, score: 1, factors: { name: 1, role: 1, state: 1, scope: 1, relation: 1 } };
}

export function ground(page: PageData, request: GroundRequest): GroundResult {
  const { target, action } = request;
  // null (a hint that names nothing now) must survive: it is not the same as no hint.
  const hint = request.refIndex !== undefined ? request.refIndex : request.pointIndex;
  const hintName = request.ref !== undefined ? `ref ${request.ref}` : 'the point';
  if (!target) {
    const chosen = hint === undefined || hint === null ? undefined : hinted(page, hint);
    if (chosen) return { kind: 'ok', chosen, confidence: 0.9, runnersUp: [], message: `Chose ${describeCandidate(chosen.candidate)} by its ${request.ref !== undefined ? 'ref' : 'position'}.` };
    return {
      kind: 'stale-ref',
      candidates: [],
      message:
        request.ref !== undefined
          ? `Ref ${request.ref} is not on the page any more (it changed or went away). Observe the page again and use a current ref, or describe the element in words.`
          : 'Nothing that can be acted on is at that point. Describe the element in words, or observe the page again.',
    };
  }
  const { ranked, ordinal, query } = rankByWords(page, target, action);
  if (hint === undefined) return withAim(decide(ranked, ordinal, target), page, query);
  if (hint === null) {
    const byWords = decide(ranked, ordinal, target);
    return { ...byWords, message: `${hintName} names nothing on the page now; went by the words. ${byWords.message}` };
  }
  // A hint picks among the elements the words fit; it does not overrule the words.
  const best = ranked[0]?.score ?? 0;
  const entry = ranked.find((scored) => scored.candidate.index === hint);
  const byModel = request.refBy === 'grounding-model' && request.ref !== undefined;
  const floor = byModel ? MODEL_REF_FLOOR : MATCH_THRESHOLD;
  if (entry && entry.score >= floor && entry.score >= best * 0.5) {
    const partly = entry.score < MATCH_THRESHOLD ? ", the grounding model's pick, which the words fit only in part" : '';
    return { kind: 'ok', chosen: entry, confidence: Math.min(1, entry.score + 0.2), runnersUp: ranked.filter((s) => s !== entry).slice(0, MAX_LISTED - 1), message: `Chose ${describeCandidate(entry.candidate)}${partly}.` };
  }
  const named = hinted(page, hint);
  const matching = ranked.filter((scored) => scored.score >= MATCH_THRESHOLD).slice(0, MAX_LISTED);
  return {
    kind: 'stale-ref',
    candidates: matching,
    message: `${hintName} is ${named ? describeCandidate(named.candidate) : 'something else'}, which does not fit "${target}".${matching.length ? ` The words fit ${list(matching)}.` : ''} Observe the page again, or give the target alone.`,
  };
}
