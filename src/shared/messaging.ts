import { errorKinds, toWebwrightError, WebwrightError, type ErrorKind } from './errors.ts';
import {
  CHANNEL,
  Envelope,
  getEntry,
  Reply,
  type Direction,
  type NameOf,
  type ParsedPayloadOf,
  type PayloadOf,
  type ResultOf,
} from './protocol.ts';

// The transport-free half of messaging: building envelopes, answering them and reading replies.
// Kept apart from the browser APIs so that every rule here runs in plain unit tests.

export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
  frameId?: number | undefined;
}

export type Handler<D extends Direction, N extends NameOf<D>> = (
  payload: ParsedPayloadOf<D, N>,
  sender: SenderInfo,
) => ResultOf<D, N> | Promise<ResultOf<D, N>>;

export type Handlers<D extends Direction> = { [N in NameOf<D>]: Handler<D, N> };

export type HandlerTable = { [D in Direction]?: Partial<Handlers<D>> };

export interface ReceiverRules {
  /** The id of our own extension; anything sent by another one is refused. */
  extensionId: string;
  /** The origin of our extension pages, e.g. chrome-extension://<id>. */
  extensionOrigin: string;
}

function fail(error: WebwrightError): Reply {
  return { ok: false, error: error.toData() };
}

export function makeEnvelope<D extends Direction, N extends NameOf<D>>(
  direction: D,
  name: N,
  payload: PayloadOf<D, N>,
): Envelope {
  const entry = getEntry(direction, name);
  if (!entry) throw new WebwrightError('unknown-message', `No message "${name}" goes ${direction}.`);
  const checked = entry.payload.safeParse(payload);
  if (!checked.success) {
    throw new WebwrightError('bad-message', `Refusing to send a malformed "${name}": ${checked.error.message}`);
  }
  return { channel: CHANNEL, direction, name, payload: checked.data };
}

/** Who may send in each direction: the side panel and other pages of ours, our content scripts, our worker. */
function isAllowedSender(direction: Direction, sender: SenderInfo, rules: ReceiverRules): boolean {
  if (sender.id !== rules.extensionId) return false;
  switch (direction) {
    case 'panel-to-background':
      return typeof sender.url === 'string' && sender.url.startsWith(`${rules.extensionOrigin}/`);
    case 'content-to-background':
      // Our pages opened in a tab also carry sender.tab; only a script in a web page is content.
      return sender.tab !== undefined && !(sender.url ?? '').startsWith(`${rules.extensionOrigin}/`);
    case 'background-to-content':
      return sender.tab === undefined;
    case 'background-to-panel':
      return sender.tab === undefined && typeof sender.url === 'string' && sender.url.startsWith(`${rules.extensionOrigin}/`);
  }
}

/**
 * Answers one incoming message. Returns undefined when the message is a well-formed envelope for a
 * direction this receiver does not handle, so that another receiver in the same context may answer.
 */
export function answer(message: unknown, sender: SenderInfo, table: HandlerTable, rules: ReceiverRules): Promise<Reply> | undefined {
  if (sender.id !== rules.extensionId) {
    return Promise.resolve(fail(new WebwrightError('forbidden', 'Webwright only accepts messages from its own extension.')));
  }
  const envelope = Envelope.safeParse(message);
  if (!envelope.success) {
    return Promise.resolve(
      fail(new WebwrightError('bad-message', `Not a Webwright message: expected {channel: "${CHANNEL}", direction, name, payload}.`)),
    );
  }
  const { direction, name, payload } = envelope.data;
  const handlers = table[direction] as Record<string, (payload: unknown, sender: SenderInfo) => unknown> | undefined;
  if (!handlers) return undefined;
  if (!isAllowedSender(direction, sender, rules)) {
    return Promise.resolve(fail(new WebwrightError('forbidden', `This sender may not send ${direction} messages.`)));
  }
  const entry = getEntry(direction, name);
  const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
  if (!entry || !handler) {
    return Promise.resolve(fail(new WebwrightError('unknown-message', `Unknown ${direction} message "${name}".`)));
  }
  const parsed = entry.payload.safeParse(payload);
  if (!parsed.success) {
    return Promise.resolve(
      fail(new WebwrightError('bad-message', `Malformed "${name}" message: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')}`)),
    );
  }
  return (async (): Promise<Reply> => {
    try {
      const value: unknown = await handler(parsed.data, sender);
      const checked = entry.result.safeParse(value);
      if (!checked.success) {
        return fail(new WebwrightError('internal', `The answer to "${name}" broke the protocol: ${checked.error.message}`));
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      return fail(toWebwrightError(error));
    }
  })();
}

/** Reads what came back from a receiver; throws a WebwrightError for anything but a valid answer. */
export function readReply<D extends Direction, N extends NameOf<D>>(direction: D, name: N, raw: unknown): ResultOf<D, N> {
  if (raw === undefined) {
    throw new WebwrightError('no-receiver', `Nothing answered "${name}": the receiving side is not listening.`);
  }
  const reply = Reply.safeParse(raw);
  if (!reply.success) throw new WebwrightError('bad-message', `The answer to "${name}" was not a Webwright reply.`);
  if (!reply.data.ok) {
    const { kind, message } = reply.data.error;
    throw new WebwrightError(narrowKind(kind), message);
  }
  const entry = getEntry(direction, name);
  const checked = entry?.result.safeParse(reply.data.value);
  if (!checked?.success) throw new WebwrightError('bad-message', `The answer to "${name}" did not match its schema.`);
  return checked.data as ResultOf<D, N>;
}

const errorKindSet = new Set<string>(errorKinds);

function narrowKind(kind: string): ErrorKind {
  return errorKindSet.has(kind) ? (kind as ErrorKind) : 'internal';
}
