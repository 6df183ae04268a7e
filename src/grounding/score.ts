import { overlapScore, synonymsOf, textMatch, wordMatch, words } from './match.ts';
import type { Relation, TargetQuery } from './parse.ts';
import { nthContainer, positionScores, relationScores } from './relations.ts';
import type { Candidate, PageData } from './types.ts';
import { actionVerbs, choiceRoles, roleWordSet } from './vocabulary.ts';

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
const linkWords = new Set(['for', 'of', 'on', 'in', 'by', 'with', 'at', 'to', 'from', 'the', 'a', 'an', 'and', 'or', 'big', 'small', 'little']);
const popupScopes = new Set(['dialog', 'menu', 'listbox', 'popup']);

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

/**
 * Words matched against the element's own text first, then its hints, then its surroundings
 * (the heading above it, the group or dialog it sits in): "the Red colour filter" is the
 * checkbox "Red" in the "Colour" group.
 */
function contextualScore(query: string[], candidate: Candidate): number {
  const own = words([candidate.name, candidate.label, candidate.text, candidate.placeholder, candidate.title].filter(Boolean).join(' '));
  const hints = words(candidate.hints ?? '');
  const around = words([candidate.heading, candidate.nearText, ...candidate.scopeNames].filter(Boolean).join(' '));
  const primary = words(candidate.name || candidate.label || candidate.text || candidate.placeholder || '');
  let matched = 0;
  let inOwn = false;
  const usedPrimary = new Set<number>();
  for (const word of query) {
    let best = 0;
    for (const token of own) best = Math.max(best, wordMatch(word, token));
    // An exact id or class word ("editor", "btn-trash") is the element's own too.
    for (const token of hints) if (token === word) best = Math.max(best, 0.9);
    if (best >= 0.9) inOwn = true;
    primary.forEach((token, index) => {
      if (wordMatch(word, token) >= 0.8) usedPrimary.add(index);
    });
    if (best < 0.8) for (const token of hints) best = Math.max(best, 0.8 * wordMatch(word, token));
    if (best < 0.75) for (const token of around) best = Math.max(best, 0.75 * wordMatch(word, token));
    matched += best;
  }
  const precision = primary.length && usedPrimary.size > 0 ? usedPrimary.size / primary.length : 0.5;
  const overall = overlapScore(matched / query.length, precision) * (inOwn ? 1 : 0.45);
  // Every word describes where it is, none what it says ("the quiet hours dropdown" for the
  // From and To selects of the "Quiet hours" group): a fair match, never a clear one.
  const placeOnly = around.length > 0 && query.every((word) => around.some((token) => wordMatch(word, token) >= 0.85)) ? 0.45 : 0;
  return Math.max(overall, placeOnly);
}

/** A quoted name found only in another case ("eget" for "Eget") fits less than the one written as quoted. */
const OTHER_CASE = 0.85;

function caseFit(phrase: string, candidate: Candidate): number {
  const fields = nameFields(candidate).map(([field]) => field ?? '');
  if (fields.some((field) => field.includes(phrase))) return 1;
  const lower = phrase.toLowerCase();
  return fields.some((field) => field.toLowerCase().includes(lower)) ? OTHER_CASE : 1;
}

function nameScore(query: TargetQuery, candidate: Candidate, queryWords: string[]): number {
  const parts: number[] = query.phrases.map((phrase) => bestField(phrase, candidate) * caseFit(phrase, candidate));
  if (queryWords.length > 0 && query.phrases.length > 0) {
    // With a quoted name, leftover words still count: "the wishlist button for 'Blue Shirt'" is
    // the button that says wishlist, not the link that says Blue Shirt. Role words and little
    // words ("button", "for") say nothing here.
    const content = queryWords.filter((word) => !linkWords.has(word) && !roleWordSet.has(word));
    if (content.length === 0) return Math.min(...parts);
    const own = words([candidate.name, candidate.label, candidate.text, candidate.placeholder, candidate.title, candidate.hints].filter(Boolean).join(' '));
    const found = content.filter((word) => own.some((token) => wordMatch(word, token) >= 0.8)).length;
    return Math.min(...parts) * (0.6 + 0.4 * (found / content.length));
  }
  if (queryWords.length > 0) {
    const direct = bestField(queryWords.join(' ').replace(/_/g, ' '), candidate);
    let byWords = direct >= 0.9 ? direct : Math.max(direct, contextualScore(queryWords, candidate));
    // "the Lisbon recent search" is the entry, not "Remove Lisbon from recent searches".
    const verb = words(candidate.name)[0];
    if (verb && actionVerbs.has(verb) && !queryWords.some((word) => wordMatch(word, verb) >= 0.85) && query.phrases.length === 0) byWords *= 0.7;
    parts.push(byWords);
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
    // With no name to go by, the role word is all there is: hold it to the letter.
    const nameless = query.phrases.length === 0 && query.words.length === 0;
    if (role.types?.includes(candidate.type ?? '')) score = 1;
    else if (roles.includes(candidate.role)) score = role.tags && !role.tags.includes(candidate.tag) ? 0.8 : 1;
    else if (role.near.includes(candidate.role)) score = nameless ? 0.4 : 0.75;
    else score = nameless ? 0.15 : 0.35;
  }
  if (action === 'type') score *= candidate.states.editable || candidate.role === 'slider' ? 1 : 0.3;
  if (action === 'select') score *= choiceRoles.includes(candidate.role) || candidate.role === 'option' || candidate.role === 'radio' ? 1 : 0.45;
  if (action === 'scroll') score *= candidate.states.scrollable ? 1 : 0.6;
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
      checked: s.checked === true || s.pressed === true || s.selected === true,
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

interface Vocabulary {
  known: Set<string>;
  /** The known words by length: a word at most 3 letters longer or shorter is all a plural or a typo can be. */
  byLength: Map<number, string[]>;
}

const vocabularies = new WeakMap<PageData, Vocabulary>();

/** Every word on the page, for telling the words of a description that name nothing here. */
function vocabulary(page: PageData): Vocabulary {
  let vocabulary = vocabularies.get(page);
  if (!vocabulary) {
    const known = new Set<string>();
    for (const candidate of page.candidates) {
      for (const [field] of nameFields(candidate)) for (const word of words(field ?? '')) known.add(word);
      for (const scopeName of candidate.scopeNames) for (const word of words(scopeName)) known.add(word);
    }
    for (const block of page.texts) for (const word of words(block.text)) known.add(word);
    const byLength = new Map<number, string[]>();
    for (const word of known) {
      const list = byLength.get(word.length);
      if (list) list.push(word);
      else byLength.set(word.length, [word]);
    }
    vocabulary = { known, byLength };
    vocabularies.set(page, vocabulary);
  }
  return vocabulary;
}

/** Whether the page says this word, or one that matches it well (wordMatch >= 0.8). */
function onPage(word: string, { known, byLength }: Vocabulary): boolean {
  if (known.has(word)) return true;
  // A match that strong is a synonym, or a plural, inflection or typo: a word of about the same length.
  if (synonymsOf(word).some((other) => known.has(other) && wordMatch(word, other) >= 0.8)) return true;
  for (let length = word.length - 3; length <= word.length + 3; length++) {
    for (const other of byLength.get(length) ?? []) if (wordMatch(word, other) >= 0.8) return true;
  }
  return false;
}

/**
 * Drops words of the description that nothing on the page says ("the chat bubble" when the
 * button is "Open chat"), unless the model wrote them capitalised, as a name.
 */
function meaningfulWords(query: TargetQuery, page: PageData): string[] {
  const all = words(query.words.join(' '));
  const known = vocabulary(page);
  const present = (word: string) => onPage(word, known);
  const capitalised = (word: string) => new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu').exec(query.raw)?.[0]?.trim().match(/^\p{Lu}/u) !== null;
  const kept = all.filter((word) => present(word) || capitalised(word.replace(/_/g, ' ')));
  // One stray word is decoration; several mean the description is of something not here.
  return kept.length === all.length - 1 && kept.length > 0 ? kept : all;
}

export function scoreCandidates(page: PageData, query: TargetQuery, action: ActionKind | undefined): Scored[] {
  const queryWords = meaningfulWords(query, page);
  // A landmark this page lacks ("in the sidebar") rules nothing out; a closed dialog or menu does.
  const scopes = query.scopes.filter((scope) => popupScopes.has(scope) || page.candidates.some((candidate) => candidate.scopes.includes(scope)));
  const scored = page.candidates.map((candidate) => {
    const factors: Factors = {
      name: nameScore(query, candidate, queryWords),
      role: roleScore(query, candidate, action),
      state: stateScore(query, candidate),
      scope: scopes.length === 0 || scopes.some((scope) => candidate.scopes.includes(scope)) ? 1 : 0.2,
      relation: 1,
    };
    return { candidate, factors, score: factors.name * factors.role * factors.state * factors.scope };
  });
  if (query.relations.length > 0) {
    // Relations only matter among candidates that already fit the words.
    const top = Math.max(0, ...scored.map((s) => s.score));
    const pool = scored.filter((s) => s.score >= top * 0.5).map((s) => s.candidate);
    for (const relation of query.relations) {
      const scores = scoresFor(page, relation, pool);
      for (const entry of scored) {
        const value = scores.get(entry.candidate.index) ?? 0.1;
        entry.factors.relation *= value;
        entry.score *= value;
      }
    }
  }
  return scored.sort((a, b) => b.score - a.score || a.candidate.index - b.candidate.index);
}

function scoresFor(page: PageData, relation: Relation, pool: Candidate[]): Map<number, number> {
  if (relation.kind === 'position') return positionScores(relation.anchor, pool);
  if (relation.kind === 'nth') return nthContainer(page, relation, pool);
  return relationScores(page, relation, pool);
}
