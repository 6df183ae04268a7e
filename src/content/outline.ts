import type { Box, Candidate, PageData } from '../grounding/types.ts';
import { looksLikeInstructions } from '../grounding/injection.ts';
import { UNTRUSTED } from '../shared/injection.ts';

// Prints the page model as the compact outline the planner reads: what is in view in full,
// what is outside it as counted summaries, all within a token budget. A pure function of plain
// data: the walk over the live page (model.ts) has already read everything it prints.

export type LineKind = 'element' | 'heading' | 'text' | 'container' | 'frame' | 'image';

export interface OutlineLine {
  kind: LineKind;
  depth: number;
  /** For an element line: the index of its candidate. */
  text: string;
  inView: boolean;
  box: Box | null;
  role?: string;
  /** The page's own words in a heading, image, container or frame line, checked for orders to the agent. */
  name?: string;
  /** For a cross-origin frame: its position among this document's cross-origin frames. */
  frameIndex?: number;
}

/** What the outline is printed from: the lines in document order and the candidates they name. */
export interface OutlineData {
  lines: OutlineLine[];
  data: Pick<PageData, 'candidates' | 'viewport'>;
  /** Interactive elements left out because a modal dialog covers them. */
  behindModal: number;
  modalName?: string;
}

export interface SnapshotOptions {
  /** Approximate token budget for the outline (4 characters a token). */
  maxTokens?: number;
  /** List everything, in view or not. */
  full?: boolean;
  /** Prefix for refs, for frames stitched into another frame's snapshot ("f3:"). */
  refPrefix?: string;
}

export const DEFAULT_MAX_TOKENS = 6000;
const TEXT_LIMIT = 160;

function quote(text: string, limit = 80): string {
  const clean = text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
  return `"${clean.replace(/"/g, "'")}"`;
}

export function describeElement(candidate: Candidate, prefix = ''): string {
  return `[${prefix}${candidate.ref}] ${candidate.role}${elementDetails(candidate)}`;
}

/** Everything about an element after its ref and role: name, states, value. */
function elementDetails(candidate: Candidate): string {
  const parts: string[] = [];
  if (candidate.name) parts.push(quote(candidate.name));
  // A nameless icon is known by its class words ("trash", "star"): the planner needs some handle on it.
  else if (candidate.hints) parts.push(`hint=${quote(candidate.hints, 30)}`);
  const s = candidate.states;
  if (s.checked === 'mixed') parts.push('[mixed]');
  else if (s.checked === true) parts.push('[checked]');
  if (s.selected) parts.push('[selected]');
  if (s.pressed) parts.push('[pressed]');
  // Only an open state is news; a closed menu button is just a button.
  if (s.expanded === true) parts.push('[expanded]');
  if (s.disabled) parts.push('[disabled]');
  if (s.scrollable) parts.push('[scrollable]');
  if (s.required) parts.push('[required]');
  if (s.invalid) parts.push('[invalid]');
  if (candidate.type && !['text', 'submit', 'button', 'checkbox', 'radio', 'search', 'number', 'range'].includes(candidate.type)) parts.push(`type=${candidate.type}`);
  if (candidate.value !== undefined && candidate.value !== '' && candidate.value !== candidate.name) parts.push(`value=${quote(candidate.value, 60)}`);
  else if (candidate.value === undefined && s.editable && !s.empty) parts.push('value=[hidden]');
  if (s.empty && candidate.placeholder && candidate.placeholder !== candidate.name) parts.push(`placeholder=${quote(candidate.placeholder, 40)}`);
  if (candidate.options) {
    const options = candidate.options.filter(Boolean);
    parts.push(`options: ${options.slice(0, 12).map((o) => quote(o, 30)).join(' | ')}${options.length > 12 ? ` (+${options.length - 12} more)` : ''}`);
  }
  return parts.length ? ` ${parts.join(' ')}` : '';
}

interface Entry {
  text: string;
  /** For an element: its depth, role, and the part of its line after the role. */
  element?: { depth: number; role: string; ref: string; details: string };
  /** Carries the untrusted mark: stands on a line of its own. */
  marked?: boolean;
}

/** The page's own words shown for an element: its name, and the value, placeholder and options printed with it. */
function pageWords(candidate: Candidate): string[] {
  return [candidate.name, candidate.placeholder ?? '', candidate.value ?? '', ...(candidate.options ?? [])];
}

const GROUP_AT = 3;

/**
 * Three or more elements of one role side by side (a nav's links, a rating's radios, a month's
 * days) go on one line: the role once, then each ref and name. Nothing is dropped.
 */
function groupRuns(entries: Entry[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < entries.length; ) {
    const first = entries[i];
    const key = first?.element;
    let j = i + 1;
    while (key && !first.marked && entries[j]?.element?.role === key.role && entries[j]?.element?.depth === key.depth && !entries[j]?.marked) j++;
    if (!first || !key || j - i < GROUP_AT) {
      if (first) out.push(first.text);
      i++;
      continue;
    }
    const items = entries.slice(i, j).map((entry) => `[${entry.element?.ref ?? ''}]${entry.element?.details ?? ''}`);
    const plural = /(x|s|ch)$/.test(key.role) ? `${key.role}es` : `${key.role}s`;
    out.push(`${'  '.repeat(key.depth)}- ${j - i} ${plural}: ${items.join(' · ')}`);
    i = j;
  }
  return out;
}

function summarise(run: OutlineLine[], where: string): string {
  const counts = new Map<string, number>();
  const headings: string[] = [];
  let texts = 0;
  for (const line of run) {
    if (line.kind === 'element') counts.set(line.role ?? 'element', (counts.get(line.role ?? 'element') ?? 0) + 1);
    else if (line.kind === 'heading') headings.push(/"(.*)"/.exec(line.text)?.[1] ?? '');
    else if (line.kind === 'text') texts++;
  }
  const interactive = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const plural = (role: string, n: number) => (n === 1 ? role : /(x|s|ch)$/.test(role) ? `${role}es` : `${role}s`);
  const kinds = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([role, n]) => `${n} ${plural(role, n)}`);
  const parts = [];
  if (interactive) parts.push(`${interactive} interactive (${kinds.join(', ')})`);
  if (headings.length) parts.push(`headings ${headings.slice(0, 6).map((h) => quote(h, 40)).join(', ')}${headings.length > 6 ? ` and ${headings.length - 6} more` : ''}`);
  if (texts && !interactive && !headings.length) parts.push(`${texts} text block${texts === 1 ? '' : 's'}`);
  return `[${where}: ${parts.join('; ') || 'more content'}]`;
}

function direction(line: OutlineLine, viewport: { width: number; height: number }): string {
  if (!line.box) return 'out of view';
  if (line.box.y + line.box.height <= 0) return 'above the viewport';
  if (line.box.y >= viewport.height) return 'below the viewport';
  if (line.box.x >= viewport.width) return 'right of the viewport';
  if (line.box.x + line.box.width <= 0) return 'left of the viewport';
  return 'out of view (scrolled inside a region)';
}

/**
 * The outline lines, with runs of out-of-view lines folded into one summary each, and the page's
 * words that were marked as reading like orders to the agent.
 */
function render(model: OutlineData, options: SnapshotOptions): { lines: string[]; marked: string[] } {
  const prefix = options.refPrefix ?? '';
  const entries: Entry[] = [];
  const marked: string[] = [];
  /** The mark for a line showing these words of the page, if any of them reads like orders. */
  const mark = (...words: string[]) => {
    const found = words.filter(looksLikeInstructions);
    marked.push(...found);
    return found.length ? ` ${UNTRUSTED}` : '';
  };
  const out = { push: (text: string) => entries.push({ text }) };
  const lines = model.lines;
  const visible = lines.map((line) => options.full === true || line.inView);
  // A container is printed when anything inside it is.
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (line?.kind !== 'container') continue;
    for (let j = i + 1; j < lines.length && (lines[j]?.depth ?? 0) > line.depth; j++) {
      if (visible[j]) {
        visible[i] = true;
        break;
      }
    }
  }
  let run: OutlineLine[] = [];
  let runDepth = 0;
  let quietText = 0;
  const flush = () => {
    const first = run[0];
    // Runs of plain text out of view are only counted, once, at the end: a line for each would
    // cost more than it tells.
    if (first && run.some((line) => line.kind === 'element' || line.kind === 'heading' || line.kind === 'frame')) {
      out.push(`${'  '.repeat(runDepth)}- ${summarise(run, direction(first, model.data.viewport))}`);
    } else quietText += run.filter((line) => line.kind === 'text').length;
    run = [];
  };
  let pendingText: { depth: number; text: string } | undefined;
  const flushText = () => {
    if (pendingText) {
      const shown = pendingText.text.length > TEXT_LIMIT ? `${pendingText.text.slice(0, TEXT_LIMIT - 1)}…` : pendingText.text;
      out.push(`${'  '.repeat(pendingText.depth)}- text: ${shown}${mark(pendingText.text)}`);
    }
    pendingText = undefined;
  };
  lines.forEach((line, i) => {
    if (!visible[i]) {
      flushText();
      if (run.length === 0) runDepth = line.depth;
      run.push(line);
      return;
    }
    flush();
    if (line.kind === 'text') {
      // Text that talks to the agent stands on a line of its own, so that its mark is exact.
      if (looksLikeInstructions(line.text)) {
        flushText();
        pendingText = { depth: line.depth, text: line.text };
        flushText();
      } else if (pendingText && pendingText.depth === line.depth && !looksLikeInstructions(pendingText.text) && (pendingText.text.length < TEXT_LIMIT || looksLikeInstructions(`${pendingText.text} ${line.text}`))) {
        // Orders split over several elements are kept together, so that they are read (and marked) whole.
        pendingText.text += ` ${line.text}`;
      } else {
        flushText();
        pendingText = { depth: line.depth, text: line.text };
      }
      return;
    }
    flushText();
    const indent = '  '.repeat(line.depth);
    if (line.kind === 'element') {
      const index = Number(line.text);
      const candidate = model.data.candidates[index];
      if (candidate) {
        const flag = mark(...pageWords(candidate));
        entries.push({ text: `${indent}- ${describeElement(candidate, prefix)}${flag}`, element: { depth: line.depth, role: candidate.role, ref: `${prefix}${candidate.ref}`, details: elementDetails(candidate) }, marked: flag !== '' });
      }
    } else if (line.kind === 'frame') {
      out.push(`${indent}- ${line.text}${mark(line.name ?? '')} {{frame:${line.frameIndex ?? 0}}}`);
    } else {
      out.push(`${indent}- ${line.text}${mark(line.name ?? '')}`);
    }
  });
  flushText();
  flush();
  if (quietText > 0) out.push(`- [${quietText} more text block${quietText === 1 ? '' : 's'} out of view]`);
  return { lines: groupRuns(entries), marked };
}

/**
 * The page's words a full snapshot marks as reading like orders to the agent, with the dialog's
 * name and the page's title (printed, and marked, in the header by the worker).
 */
export function markedTexts(model: OutlineData, title = ''): string[] {
  const { marked } = render(model, { full: true });
  if (model.modalName && looksLikeInstructions(model.modalName)) marked.unshift(model.modalName);
  if (looksLikeInstructions(title)) marked.unshift(title);
  return [...new Set(marked)];
}

/** The outline text of one document, cut at the token budget with a marker that says so. */
export function formatOutline(model: OutlineData, options: SnapshotOptions = {}): { text: string; truncated: boolean } {
  const budget = (options.maxTokens ?? DEFAULT_MAX_TOKENS) * 4;
  const { lines } = render(model, options);
  if (model.behindModal > 0) {
    const name = model.modalName ? ` "${model.modalName}"${looksLikeInstructions(model.modalName) ? ` ${UNTRUSTED}` : ''}` : '';
    lines.unshift(`- [a modal dialog${name} is open: ${model.behindModal} interactive elements behind it are not listed until it closes]`);
  }
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (used + line.length + 1 > budget) {
      const rest = lines.length - i;
      return {
        text: [...lines.slice(0, i), `- [snapshot cut here at the ${options.maxTokens ?? DEFAULT_MAX_TOKENS}-token budget: ${rest} more line${rest === 1 ? '' : 's'} not shown; scroll, or name the element in words]`].join('\n'),
        truncated: true,
      };
    }
    used += line.length + 1;
  }
  return { text: lines.join('\n'), truncated: false };
}
