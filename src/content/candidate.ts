import type { Box, Candidate, TextBlock } from '../grounding/types.ts';
import { isInput, isSelect } from './dom/kinds.ts';
import { getUnlinkedLabel } from './dom/labels.ts';
import { collapse, getHints, getName, getSafeValue, getStates, getText, isHiddenSelect, type StyleReader } from './dom/semantics.ts';
import type { RefRegistry } from './refs.ts';

// Everything a candidate says about one interactive element, read in one place: a new field for
// the grounder or the outline is added here.

/** Where the walk found the element: what only the pass over the page knows. */
export interface CandidatePlace {
  index: number;
  /** The element's own container id. */
  node: number;
  /** The box a pointer aims at (a custom checkbox's label when the input itself is hidden). */
  box: Box;
  inViewport: boolean;
  ancestors: number[];
  scopes: string[];
  scopeIds: number[];
  scopeNames: string[];
  /** The nearest heading before it. */
  heading: string | undefined;
  /** The text blocks before it, in document order (only the last few are read). */
  textsBefore: readonly TextBlock[];
  scrollable: boolean;
  /** Clickable only by its cursor or handler (see isWeakInteractive). */
  weak: boolean;
}

function customSelectIn(element: Element): HTMLSelectElement | undefined {
  const native = element.querySelector('select');
  return native && isHiddenSelect(native) ? native : undefined;
}

/** A field a person fills or picks in, with nothing naming it programmatically. */
function isFieldElement(element: Element, role: string): boolean {
  return ['textbox', 'searchbox', 'combobox', 'spinbutton', 'listbox', 'slider'].includes(role) && !element.hasAttribute('aria-label') && !element.hasAttribute('aria-labelledby');
}

function markupOf(element: Element): string {
  let markup = element.localName;
  for (const attribute of element.attributes) if (attribute.name !== 'id') markup += ` ${attribute.name}="${attribute.value}"`;
  return markup;
}

export function extractCandidate(element: Element, role: string | null, place: CandidatePlace, registry: RefRegistry, style: StyleReader): Candidate {
  // A script-drawn dropdown over a hidden native select is a combobox, named as that select is.
  const custom = place.weak ? customSelectIn(element) : undefined;
  const finalRole = custom ? 'combobox' : (role ?? (place.scrollable ? 'region' : 'clickable'));
  const name = custom ? getName(custom, 'combobox', style) : getName(element, role, style);
  const labels = (element as HTMLInputElement).labels;
  const candidate: Candidate = {
    index: place.index,
    ref: registry.refFor(element, finalRole, name),
    role: finalRole,
    name,
    tag: element.localName,
    text: role === 'textbox' || role === 'searchbox' || custom ? '' : getText(element, 120),
    states: place.scrollable ? { ...getStates(element, role), scrollable: true } : getStates(element, role),
    box: place.box,
    inViewport: place.inViewport,
    node: place.node,
    ancestors: place.ancestors,
    scopes: place.scopes,
    scopeIds: place.scopeIds,
    scopeNames: place.scopeNames,
  };
  if (isInput(element)) candidate.type = element.type;
  const label = labels && labels.length > 0 ? collapse([...labels].map((l) => l.textContent ?? '').join(' ')) : isFieldElement(element, finalRole) ? getUnlinkedLabel(element) : undefined;
  if (label) candidate.label = label;
  // Words that only name the field from beside it are still how a person, and the planner, knows it.
  if (label && !candidate.name && !labels?.length) candidate.name = label;
  const placeholder = element.getAttribute('placeholder') ?? element.getAttribute('aria-placeholder');
  if (placeholder) candidate.placeholder = placeholder;
  const value = getSafeValue(custom ?? element);
  if (value !== undefined) candidate.value = value;
  const title = element.getAttribute('title');
  if (title) candidate.title = title;
  const hints = [getHints(element), custom && getHints(custom)].filter(Boolean).join(' ');
  if (hints) candidate.hints = hints;
  const heading = place.heading;
  if (heading) candidate.heading = heading;
  // The text just before it, skipping its own label's words.
  const own = `${name} ${candidate.label ?? ''}`.toLowerCase();
  const near = place.textsBefore.slice(-4).reverse().find((block) => !block.labelOf && !own.includes(block.text.toLowerCase()));
  if (near && near.text !== heading && place.ancestors.slice(0, 4).some((ancestor) => near.owner === ancestor || near.ancestors.slice(0, 2).includes(ancestor))) {
    candidate.nearText = near.text;
  }
  candidate.markup = markupOf(element);
  const select = custom ?? (isSelect(element) ? element : undefined);
  if (select) candidate.options = [...select.options].map((option) => option.label || option.text).filter(Boolean);
  return candidate;
}
