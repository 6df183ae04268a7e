import { describe, expect, it } from 'vitest';
import { WebwrightError } from '../../src/shared/errors.ts';
import { answer, makeEnvelope, readReply, type HandlerTable, type SenderInfo } from '../../src/shared/messaging.ts';

const rules = { extensionId: 'ours', extensionOrigin: 'chrome-extension://ours' };
const panel: SenderInfo = { id: 'ours', url: 'chrome-extension://ours/src/sidepanel/index.html' };
const content: SenderInfo = { id: 'ours', url: 'https://shop.test/', tab: { id: 7 }, frameId: 3 };
const page = { frameId: 0, url: 'https://shop.test/', title: 'Shop', isTop: true, readyState: 'complete' as const };

const table: HandlerTable = {
  'panel-to-background': {
    'tab.info': (target) => ({ tabId: target.tabId ?? 1, windowId: 2, page }),
    'tab.frames': () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
  },
  'content-to-background': {
    'frame.identify': (_payload, sender) => ({ tabId: sender.tab?.id ?? -1, frameId: sender.frameId ?? -1 }),
  },
};

const send = (message: unknown, sender: SenderInfo) => answer(message, sender, table, rules);

describe('answer', () => {
  it('runs the handler and validates its answer', async () => {
    await expect(send(makeEnvelope('panel-to-background', 'tab.info', { tabId: 5 }), panel)).resolves.toEqual({
      ok: true,
      value: { tabId: 5, windowId: 2, page },
    });
    await expect(send(makeEnvelope('content-to-background', 'frame.identify', {}), content)).resolves.toEqual({
      ok: true,
      value: { tabId: 7, frameId: 3 },
    });
  });

  it('refuses anything sent by another extension', async () => {
    const reply = await send(makeEnvelope('panel-to-background', 'tab.info', {}), { ...panel, id: 'someone-else' });
    expect(reply).toEqual({ ok: false, error: { kind: 'forbidden', message: 'Webwright only accepts messages from its own extension.' } });
  });

  it('answers a message that is not an envelope with a clear error', async () => {
    for (const message of [undefined, null, 'ping', { type: 'tab.info' }, { channel: 'webwright/0', direction: 'panel-to-background', name: 'tab.info' }]) {
      const reply = await send(message, panel);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'bad-message' } });
    }
  });

  it('names the field that is wrong in a malformed payload', async () => {
    const reply = await send({ channel: 'webwright/1', direction: 'panel-to-background', name: 'tab.info', payload: { tabId: -3 } }, panel);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'bad-message', message: expect.stringMatching(/^Malformed "tab.info" message: tabId: /) } });
  });

  it('does not look up names on the prototype chain', async () => {
    for (const name of ['toString', '__proto__', 'constructor']) {
      const reply = await send({ channel: 'webwright/1', direction: 'panel-to-background', name, payload: {} }, panel);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'unknown-message' } });
    }
  });

  it('holds each direction to its own senders', async () => {
    await expect(send(makeEnvelope('panel-to-background', 'tab.info', {}), content)).resolves.toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    // An extension page opened as a tab has a tab, but is not a content script.
    const panelInTab = { ...panel, tab: { id: 9 } };
    await expect(send(makeEnvelope('content-to-background', 'frame.identify', {}), panelInTab)).resolves.toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('leaves directions it does not handle to other receivers', () => {
    expect(send(makeEnvelope('background-to-content', 'page.info', {}), { id: 'ours' })).toBeUndefined();
  });

  it('turns a browser error thrown by a handler into a readable one', async () => {
    const reply = await send(makeEnvelope('panel-to-background', 'tab.frames', {}), panel);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'no-receiver', message: expect.stringContaining('no Webwright content script') } });
  });

  it('reports a handler whose answer breaks the protocol', async () => {
    const broken: HandlerTable = { 'panel-to-background': { ...table['panel-to-background']!, 'tab.info': () => ({ tabId: 'x' }) as never } };
    const reply = await answer(makeEnvelope('panel-to-background', 'tab.info', {}), panel, broken, rules);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringContaining('broke the protocol') } });
  });
});

describe('makeEnvelope', () => {
  it('refuses to send a malformed payload', () => {
    expect(() => makeEnvelope('panel-to-background', 'tab.info', { tabId: 1.5 })).toThrow(WebwrightError);
  });
});

describe('readReply', () => {
  it('returns the validated value', () => {
    expect(readReply('background-to-content', 'page.info', { ok: true, value: page })).toEqual(page);
  });

  it('throws the error the other side reported, with its kind', () => {
    const error = (() => {
      try {
        readReply('background-to-content', 'page.info', { ok: false, error: { kind: 'timeout', message: 'too slow' } });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(WebwrightError);
    expect(error).toMatchObject({ kind: 'timeout', message: 'too slow', name: 'WebwrightError' });
  });

  it('treats silence and garbage as errors', () => {
    expect(() => readReply('background-to-content', 'page.info', undefined)).toThrow(/Nothing answered/);
    expect(() => readReply('background-to-content', 'page.info', { yes: 1 })).toThrow(/not a Webwright reply/);
    expect(() => readReply('background-to-content', 'page.info', { ok: true, value: { url: 1 } })).toThrow(/did not match its schema/);
    expect(() => readReply('background-to-content', 'page.info', { ok: false, error: { kind: 'made-up', message: 'x' } })).toThrow(
      expect.objectContaining({ kind: 'internal' }),
    );
  });
});
