// Plain data handed to the grounding logic by the content script: no DOM objects cross this line.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CandidateStates {
  checked?: boolean | 'mixed';
  disabled?: boolean;
  expanded?: boolean;
  selected?: boolean;
  pressed?: boolean;
  required?: boolean;
  invalid?: boolean;
  /** A field with nothing in it. */
  empty?: boolean;
  editable?: boolean;
  /** A region with its own scrollbar. */
  scrollable?: boolean;
}

/** One element that an intent could be about. */
export interface Candidate {
  /** Position in document order; also the candidate's identity within one grounding call. */
  index: number;
  ref: string;
  role: string;
  name: string;
  tag: string;
  /** input type, when the element is an input */
  type?: string;
  /** Visible text inside the element */
  text: string;
  label?: string;
  placeholder?: string;
  /** Current value of a field (never of a secret field) */
  value?: string;
  title?: string;
  /** Identifier-like attributes (id, name, class words) as a last resort for matching */
  hints?: string;
  states: CandidateStates;
  box: Box;
  inViewport: boolean;
  /** The element's own container id (comparable to ancestors and to a text block's owner). */
  node?: number;
  /** Container ids from the nearest ancestor outwards */
  ancestors: number[];
  /** Landmark and widget scopes the element sits in: banner, navigation, main, complementary, contentinfo, dialog, form, menu, table, row, list, tabpanel, ... */
  scopes: string[];
  /** The container id of each scope in scopes, same order. */
  scopeIds: number[];
  /** Names of the named scopes it sits in (dialog title, region label, tab panel label, form name), nearest first */
  scopeNames: string[];
  /** Text of the nearest heading before it */
  heading?: string;
  /** Text just before it in the same block, often a visual label ("Quiet hours: [From] [To]") */
  nearText?: string;
  /** A native select's options as a person reads them, in order */
  options?: string[];
  /** The element's tag and attributes other than its id: two elements with the same markup look and behave alike. */
  markup?: string;
}

/** A piece of visible text on the page, for anchors such as "under 'Blue Shirt'". */
export interface TextBlock {
  text: string;
  box: Box;
  ancestors: number[];
  /** The id of the element the text belongs to (a container id, comparable to ancestors) */
  owner: number;
  /** Words of a label whose control is listed: they name that control, not what follows. */
  labelOf?: boolean;
}

export interface PageData {
  candidates: Candidate[];
  texts: TextBlock[];
  /**
   * Container ids of the page's units: rows, list items, articles, and elements repeated beside
   * siblings of the same kind (cards, posts, mail threads) that hold a control. What a description
   * says is "of" one unit is looked for in that unit only.
   */
  units?: number[];
  viewport: { width: number; height: number };
}
