// Expected failures cross context boundaries as plain data with a kind; this module is the one
// place that turns the browser's raw messaging errors into words a person can act on.

export const errorKinds = [
  'bad-message',
  'unknown-message',
  'forbidden',
  'no-receiver',
  'no-response',
  'context-invalidated',
  'cannot-access',
  'no-tab',
  'timeout',
  'internal',
] as const;
export type ErrorKind = (typeof errorKinds)[number];

export interface ErrorData {
  kind: ErrorKind;
  message: string;
}

export class WebwrightError extends Error {
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.kind = kind;
    this.name = new.target.name;
  }

  toData(): ErrorData {
    return { kind: this.kind, message: this.message };
  }
}

const browserErrors: { pattern: RegExp; kind: ErrorKind; message: string }[] = [
  {
    pattern: /Receiving end does not exist|Could not establish connection/i,
    kind: 'no-receiver',
    message:
      'The page has no Webwright content script yet: it may still be loading, or it is a page extensions may not touch (chrome://, the Web Store, a PDF viewer).',
  },
  {
    pattern: /Extension context invalidated/i,
    kind: 'context-invalidated',
    message:
      'Webwright was reloaded or updated while this page was open. Reload the page (or reopen the side panel) to reconnect.',
  },
  {
    pattern: /message port closed before a response|message channel closed before a response/i,
    kind: 'no-response',
    message:
      'The page went away before it answered (it navigated, reloaded or closed). Try again once it has loaded.',
  },
  {
    pattern: /Cannot access|cannot be scripted|chrome:\/\/ URL|extensions gallery|Missing host permission/i,
    kind: 'cannot-access',
    message:
      'Chrome does not let extensions read or act on this page (browser pages, the Web Store and other extensions are off limits).',
  },
  {
    pattern: /No tab with id|No frame with id|Frame with ID \d+ was removed|Tab .* not found/i,
    kind: 'no-tab',
    message: 'That tab or frame no longer exists: it was closed or navigated away.',
  },
];

function rawMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

/** Turns anything thrown by a browser messaging or scripting call into a readable WebwrightError. */
export function toWebwrightError(error: unknown): WebwrightError {
  if (error instanceof WebwrightError) return error;
  const raw = rawMessage(error);
  const known = browserErrors.find((entry) => entry.pattern.test(raw));
  if (known) return new WebwrightError(known.kind, known.message);
  return new WebwrightError('internal', raw || 'Unknown error');
}
