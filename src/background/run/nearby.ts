// The candidates the grounding model is shown: the grounder's own (nearest in words), then the
// elements nearest to where the words point on the page. The background has no page model, only
// the outline the planner saw, which lists the page in reading order with its sections: an element
// near an anchor in the outline sits near it on the page ("under 'Shipping'" is the lines after
// the heading "Shipping"). Pure: the outline is text.

export interface Nearby {
  ref: string;
  near: 'words' | 'place';
  /** The element as the outline shows it: role, name, state. */
  label: string;
}

const REF = /\[((?:f\d+:)?e\d+)\]/g;
/** 'Shipping', "Shipping", ‘…’, “…”, 「…」, 『…』: what a description quotes from the page. */
const QUOTED = /'([^']+)'|"([^"]+)"|‘([^’]+)’|“([^”]+)”|「([^」]+)」|『([^』]+)』/g;
/** How far from an anchor, in outline lines, an element still counts as near it. */
const REACH = 4;
/** A word found on more lines than this share of the outline tells no place apart. */
const COMMON_SHARE = 0.1;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

function wordsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const piece of segmenter.segment(text.toLowerCase())) {
    if (piece.isWordLike && (piece.segment.length > 2 || /\p{Script=Han}/u.test(piece.segment))) found.add(piece.segment);
  }
  return found;
}

/** The page's words on an outline line: its quoted names and text, not the refs and role words around them. */
function pageText(line: string): string {
  const quoted = [...line.matchAll(/"([^"]*)"/g)].map((match) => match[1]).join(' ');
  const text = /^\s*- (?:text|heading|paragraph): (.*)$/.exec(line)?.[1] ?? '';
  return `${quoted} ${text}`;
}

function labelsOn(line: string): Map<string, string> {
  const labels = new Map<string, string>();
  const matches = [...line.matchAll(REF)];
  matches.forEach((match, i) => {
    const end = matches[i + 1]?.index ?? line.length;
    const label = line.slice((match.index ?? 0) + match[0].length, end).replace(/\s+·\s*$/, '').trim();
    if (match[1]) labels.set(match[1], label.length > 80 ? `${label.slice(0, 77)}...` : label);
  });
  return labels;
}

interface Anchor {
  line: number;
  /** A place the description quotes is its reference point ("under 'Shipping'"): what follows it comes first. */
  quoted: boolean;
}

/** Outline lines where the words point, strongest first: what the description quotes, then the lines sharing its rarer words. */
function anchorLines(lines: string[], target: string): Anchor[] {
  const texts = lines.map((line) => pageText(line).toLowerCase());
  const quoted = [...target.matchAll(QUOTED)].map((match) => match.slice(1).find(Boolean)?.trim().toLowerCase() ?? '').filter(Boolean);
  const byQuote = quoted.flatMap((phrase) => texts.flatMap((text, index) => (text.includes(phrase) ? [index] : [])));
  const lineWords = texts.map(wordsOf);
  const common = Math.max(2, Math.ceil(lines.length * COMMON_SHARE));
  const weights = new Map<number, number>();
  for (const word of wordsOf(target)) {
    const holding = lineWords.flatMap((set, index) => (set.has(word) ? [index] : []));
    if (holding.length === 0 || holding.length > common) continue;
    for (const index of holding) weights.set(index, (weights.get(index) ?? 0) + 1 / holding.length);
  }
  const byWords = [...weights].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([index]) => index);
  return [...byQuote.map((line) => ({ line, quoted: true })), ...byWords.map((line) => ({ line, quoted: false }))];
}

const below = Array.from({ length: REACH }, (_, i) => i + 1);
/** Line offsets from an anchor, in the order they are looked at. */
const offsets = (quoted: boolean) => [0, ...(quoted ? [...below, ...below.map((step) => -step)] : below.flatMap((step) => [step, -step]))];

/**
 * The grounder's candidates (in its order), then elements near where the words point: near an
 * anchor the description quotes or shares rare words with, and near the grounder's own candidates,
 * nearest first. Below a quoted anchor comes before above it: "under", "below" and reading order go down.
 */
export function candidatesToShow(input: { target: string; words: { ref: string; role: string; name: string }[]; outline: string; limit: number; minPlace: number }): Nearby[] {
  const lines = input.outline.split('\n');
  const labels = lines.map(labelsOn);
  const lineOf = new Map<string, number>();
  labels.forEach((onLine, index) => onLine.forEach((_, ref) => lineOf.set(ref, index)));

  const byWords: Nearby[] = input.words.map((entry) => ({ ref: entry.ref, near: 'words', label: labels[lineOf.get(entry.ref) ?? -1]?.get(entry.ref) ?? `${entry.role} "${entry.name}"` }));
  const taken = new Set(byWords.map((entry) => entry.ref));
  const anchors = [...anchorLines(lines, input.target), ...byWords.flatMap((entry) => lineOf.get(entry.ref) ?? []).map((line) => ({ line, quoted: false }))];
  const byPlace: Nearby[] = [];
  const seen = new Set<number>();
  for (const anchor of anchors) {
    if (seen.has(anchor.line)) continue;
    seen.add(anchor.line);
    for (const offset of offsets(anchor.quoted)) {
      for (const [ref, label] of labels[anchor.line + offset] ?? new Map<string, string>()) {
        if (taken.has(ref)) continue;
        taken.add(ref);
        byPlace.push({ ref, near: 'place', label });
      }
    }
  }
  const wordsRoom = Math.max(0, input.limit - Math.min(input.minPlace, byPlace.length));
  const shown = byWords.slice(0, wordsRoom);
  return [...shown, ...byPlace.slice(0, input.limit - shown.length)];
}
