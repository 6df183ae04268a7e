// Words people and models use for roles, places and states, mapped to ARIA roles and scopes.

/** Roles that act like a button when clicked; models call any of them "button" or "link". */
export const clickableRoles = ['button', 'link', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'tab', 'option', 'treeitem', 'clickable', 'gridcell', 'switch', 'checkbox', 'radio', 'summary'];
export const textEntryRoles = ['textbox', 'searchbox', 'combobox', 'spinbutton'];
export const choiceRoles = ['combobox', 'listbox'];

export interface RoleWord {
  /** The phrase, lower case; longer phrases are matched first. */
  phrase: string;
  /** Roles that fit exactly. */
  roles: string[];
  /** Roles that a careless description might still mean. */
  near: string[];
  /** Input types the phrase implies (e.g. "date field"). */
  types?: string[];
  /** Tags the phrase prefers among elements of the right role ("text area"). */
  tags?: string[];
}

function word(phrase: string, roles: string[], near: string[] = [], types?: string[], tags?: string[]): RoleWord {
  const entry: RoleWord = { phrase, roles, near };
  if (types) entry.types = types;
  if (tags) entry.tags = tags;
  return entry;
}

export const roleWords: RoleWord[] = [
  word('check box', ['checkbox'], ['switch', 'menuitemcheckbox']),
  word('checkbox', ['checkbox'], ['switch', 'menuitemcheckbox']),
  word('tick box', ['checkbox'], ['switch']),
  word('toggle switch', ['switch'], ['checkbox', 'button', 'menuitemcheckbox']),
  word('toggle', ['switch'], ['checkbox', 'button', 'menuitemcheckbox']),
  word('switch', ['switch'], ['checkbox', 'button', 'menuitemcheckbox']),
  word('radio button', ['radio'], ['menuitemradio', 'option']),
  word('radio', ['radio'], ['menuitemradio', 'option']),
  word('text area', ['textbox'], ['searchbox', 'combobox'], undefined, ['textarea']),
  word('textarea', ['textbox'], ['searchbox', 'combobox'], undefined, ['textarea']),
  word('text field', ['textbox', 'searchbox'], ['combobox', 'spinbutton']),
  word('text box', ['textbox', 'searchbox'], ['combobox', 'spinbutton']),
  word('textbox', ['textbox', 'searchbox'], ['combobox', 'spinbutton']),
  word('input field', ['textbox', 'searchbox', 'combobox', 'spinbutton'], ['slider']),
  word('date field', ['textbox'], ['combobox', 'spinbutton'], ['date', 'datetime-local']),
  word('date input', ['textbox'], ['combobox', 'spinbutton'], ['date', 'datetime-local']),
  word('time field', ['textbox'], ['combobox', 'spinbutton'], ['time']),
  word('time input', ['textbox'], ['combobox', 'spinbutton'], ['time']),
  word('field', ['textbox', 'searchbox', 'combobox', 'spinbutton'], ['slider', 'listbox']),
  word('input', ['textbox', 'searchbox', 'combobox', 'spinbutton'], ['slider', 'checkbox', 'radio', 'listbox']),
  word('box', ['textbox', 'searchbox', 'combobox'], ['checkbox', 'spinbutton', 'listbox']),
  word('bar', ['textbox', 'searchbox', 'combobox'], ['toolbar', 'menubar']),
  word('editor', ['textbox'], [], undefined, ['textarea', 'div']),
  word('combo box', ['combobox'], ['listbox', 'textbox']),
  word('combobox', ['combobox'], ['listbox', 'textbox']),
  word('drop-down menu', ['combobox', 'listbox'], ['button']),
  word('dropdown menu', ['combobox', 'listbox'], ['button']),
  word('drop-down', ['combobox', 'listbox'], ['button']),
  word('dropdown', ['combobox', 'listbox'], ['button']),
  word('drop down', ['combobox', 'listbox'], ['button']),
  word('select box', ['combobox', 'listbox'], []),
  word('select', ['combobox', 'listbox'], []),
  word('picker', ['combobox', 'listbox', 'button'], ['textbox']),
  word('list box', ['listbox'], ['combobox']),
  word('scroll list', ['listbox'], ['region', 'combobox']),
  word('scrolling list', ['listbox'], ['region', 'combobox']),
  word('list', ['listbox'], ['region', 'combobox', 'menu']),
  word('listbox', ['listbox'], ['combobox']),
  word('slider', ['slider'], ['spinbutton']),
  word('range', ['slider'], ['spinbutton']),
  word('spinner', ['spinbutton'], ['textbox']),
  word('menu item', ['menuitem', 'menuitemcheckbox', 'menuitemradio'], ['button', 'link', 'option']),
  word('menuitem', ['menuitem', 'menuitemcheckbox', 'menuitemradio'], ['button', 'link', 'option']),
  word('menu option', ['menuitem', 'menuitemcheckbox', 'menuitemradio'], ['button', 'link', 'option']),
  word('menu entry', ['menuitem', 'menuitemcheckbox', 'menuitemradio'], ['button', 'link', 'option']),
  word('tab', ['tab'], ['button', 'link']),
  word('option', ['option', 'radio', 'menuitemradio'], ['menuitem', 'button', 'checkbox', 'listitem', 'clickable']),
  word('icon button', ['button'], ['link', 'clickable']),
  word('icon', ['button', 'link', 'clickable'], clickableRoles),
  word('button', ['button'], clickableRoles),
  word('btn', ['button'], clickableRoles),
  word('hyperlink', ['link'], clickableRoles),
  word('link', ['link'], clickableRoles),
  word('menu', ['menuitem', 'button'], ['link', 'combobox']),
  word('item', ['menuitem', 'option', 'treeitem', 'link', 'button', 'listitem'], clickableRoles),
  word('day', ['button', 'gridcell', 'link'], ['option', 'clickable']),
  word('date', ['button', 'gridcell', 'link'], ['textbox', 'option', 'clickable']),
  word('suggestion', ['option', 'listitem', 'menuitem'], ['link', 'button', 'clickable']),
  word('result', ['option', 'link'], ['button', 'listitem', 'menuitem', 'clickable']),
  word('section', ['button'], ['tab', 'link']),
  word('accordion', ['button'], ['tab']),
  word('column header', ['columnheader', 'button'], ['link', 'clickable']),
  word('header', ['columnheader', 'button'], ['link', 'clickable']),
  word('row', ['row'], []),
  word('cell', ['cell', 'gridcell'], []),
  word('heading', ['heading'], []),
];

/** Every word of a role phrase ("button", "text", "area"...): they say what kind of thing, never which. */
export const roleWordSet = new Set(roleWords.flatMap((entry) => entry.phrase.split(' ')));

/** Words for the places an element can be in: "in the header", "inside the dialog". */
export const scopeWords: Record<string, string[]> = {
  header: ['banner'],
  'top bar': ['banner'],
  banner: ['banner'],
  'navigation bar': ['navigation'],
  'nav bar': ['navigation'],
  navbar: ['navigation'],
  navigation: ['navigation'],
  nav: ['navigation'],
  'main content': ['main'],
  main: ['main'],
  sidebar: ['complementary', 'navigation'],
  'side bar': ['complementary', 'navigation'],
  aside: ['complementary'],
  'top navigation': ['navigation', 'banner'],
  'top nav': ['navigation', 'banner'],
  'main navigation': ['navigation'],
  footer: ['contentinfo'],
  'modal dialog': ['dialog', 'popup'],
  'dialog box': ['dialog', 'popup'],
  dialog: ['dialog', 'popup'],
  modal: ['dialog', 'popup'],
  popup: ['dialog', 'menu', 'listbox', 'popup'],
  'pop-up': ['dialog', 'menu', 'listbox', 'popup'],
  'pop up': ['dialog', 'menu', 'listbox', 'popup'],
  overlay: ['dialog', 'popup'],
  alert: ['dialog'],
  form: ['form'],
  menubar: ['menubar'],
  'menu bar': ['menubar'],
  submenu: ['menu', 'popup'],
  'sub-menu': ['menu', 'popup'],
  menu: ['menu', 'menubar', 'popup'],
  toolbar: ['toolbar'],
  table: ['table', 'grid'],
  grid: ['grid', 'table'],
  list: ['list', 'listbox'],
  calendar: ['grid', 'dialog', 'popup'],
  toast: ['status', 'alert'],
  notification: ['status', 'alert'],
  'tab panel': ['tabpanel'],
  panel: ['tabpanel', 'region', 'dialog'],
  'cookie banner': ['cookie'],
  'cookie notice': ['cookie'],
  'cookie consent': ['cookie'],
  'consent banner': ['cookie'],
};

/** Container kinds that "in the X for 'Y'" names: "in the row for Alice", "in the card for Blue Shirt". */
export const namedContainerWords = ['row', 'card', 'section', 'panel', 'tab', 'post', 'item', 'line', 'entry', 'box', 'group', 'fieldset', 'region', 'tile', 'column', 'product', 'article', 'comment', 'review', 'form', 'dialog', 'menu', 'list', 'email', 'message', 'mail', 'thread', 'conversation', 'tweet', 'notification', 'user', 'contact', 'listing', 'order', 'file', 'folder', 'event', 'ticket', 'story'];

export const ordinalWords: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5,
  sixth: 6, '6th': 6, seventh: 7, '7th': 7, eighth: 8, '8th': 8, ninth: 9, '9th': 9, tenth: 10, '10th': 10,
  last: -1, 'second last': -2, 'second to last': -2, 'next to last': -2, 'last but one': -2,
};

export type StateWord = 'empty' | 'filled' | 'checked' | 'unchecked' | 'disabled' | 'enabled' | 'selected' | 'unselected' | 'expanded' | 'collapsed' | 'required' | 'invalid' | 'focused';

export const stateWords: Record<string, StateWord> = {
  empty: 'empty', blank: 'empty', unfilled: 'empty',
  filled: 'filled', 'filled-in': 'filled', 'filled in': 'filled', completed: 'filled',
  checked: 'checked', ticked: 'checked', 'turned on': 'checked', enabled: 'enabled',
  unchecked: 'unchecked', unticked: 'unchecked', 'turned off': 'unchecked', 'not checked': 'unchecked',
  disabled: 'disabled', 'greyed out': 'disabled', 'grayed out': 'disabled', inactive: 'disabled',
  selected: 'selected', unselected: 'unselected',
  expanded: 'expanded', collapsed: 'collapsed',
  required: 'required', mandatory: 'required', pressed: 'checked', 'already pressed': 'checked', available: 'enabled',
  invalid: 'invalid', 'in error': 'invalid', erroneous: 'invalid',
};

/** Verbs that say what a control does: a name that starts with one the description lacks is another control. */
export const actionVerbs = new Set(['remove', 'delete', 'add', 'edit', 'share', 'save', 'close', 'open', 'clear', 'dismiss', 'cancel', 'copy', 'download', 'upload', 'reply', 'report', 'hide', 'show', 'undo', 'buy', 'subscribe', 'unsubscribe', 'follow', 'unfollow']);

/** Words that say nothing about which element is meant. */
export const fillerWords = new Set(['the', 'a', 'an', 'this', 'that', 'please', 'element', 'control', 'labelled', 'labeled', 'called', 'named', 'saying', 'says', 'with', 'text', 'label', 'which', 'reads', 'shown', 'visible', 'one']);

/** Words a model may use for what the page labels otherwise; each group is one meaning. */
export const synonymGroups: string[][] = [
  ['delete', 'remove', 'trash', 'bin', 'garbage', 'discard', 'erase'],
  ['close', 'dismiss', 'x', '×', '✕', 'exit'],
  ['cart', 'basket', 'trolley'],
  ['cvc', 'cvv', 'csc', 'security code', 'card verification', 'card code'],
  ['expiry', 'expiration', 'expires', 'exp', 'expiry date', 'expiration date', 'card expiry', 'card expiration', 'valid thru'],
  ['calendar', 'date picker', 'datepicker', 'choose date', 'pick a date', 'date'],
  ['star', '☆', '★', 'save', 'bookmark', 'favorite', 'favourite'],
  ['more', 'more options', '...', '⋯', '…', 'kebab', 'overflow'],
  ['wishlist', 'favorite', 'favourite', 'heart', '♡', '♥', 'save for later'],
  ['like', 'heart', 'thumbs up'],
  ['search', 'find', 'magnifier', 'magnifying', 'lookup', '🔍'],
  ['settings', 'preferences', 'gear', 'cog', 'options', '⚙'],
  ['edit', 'pencil', 'modify', 'change', '✎'],
  ['add', 'plus', '+', 'new', 'create'],
  ['menu', 'hamburger', '☰'],
  ['notifications', 'bell', 'alerts'],
  ['profile', 'account', 'avatar', 'user', 'me', 'user menu', 'account menu'],
  ['login', 'log in', 'sign in', 'signin'],
  ['logout', 'log out', 'sign out', 'signout'],
  ['signup', 'sign up', 'register', 'create account', 'join'],
  ['next', 'next page', '›', '»', '→', 'forward'],
  ['previous', 'previous page', 'prev page', 'prev', '‹', '«', '←', 'back'],
  ['email', 'e-mail', 'mail'],
  ['password', 'passcode', 'pwd'],
  ['submit', 'send', 'go'],
  ['ok', 'okay', 'confirm', 'yes'],
  ['cancel', 'abort', 'no'],
  ['share', 'send to'],
  ['checkout', 'check out', 'proceed to checkout', 'pay'],
  ['quantity', 'qty', 'amount'],
  ['phone', 'telephone', 'mobile'],
  ['zip', 'postcode', 'postal code', 'zip code'],
];
