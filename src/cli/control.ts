import { WebwrightError } from '../shared/errors.ts';
import { makeEnvelope, readReply } from '../shared/messaging.ts';
import type { NameOf, PayloadOf, ResultOf } from '../shared/protocol.ts';
import type { ControlPage } from './control-page.ts';

// Talks to the extension the way the side panel does: protocol messages sent from one of the
// extension's own pages. Chrome stops an idle service worker (and tests stop it on purpose); a
// message sent while it stops or starts is lost. Such a message is sent again, for a bounded time,
// when doing so cannot do anything twice.

export interface Control {
  send<N extends NameOf<'panel-to-background'>>(name: N, payload: PayloadOf<'panel-to-background', N>): Promise<ResultOf<'panel-to-background', N>>;
}

/** How long a message is tried again while the worker restarts, before giving up with an error. */
export const RESTART_WAIT_MS = 15_000;

// Messages that may have done their work before the worker stopped, and would do it again if resent.
const unsafeToRepeat = new Set<string>(['agent.act', 'run.answer', 'run.import', 'run.replay']);

type Attempt = { kind: 'reply'; raw: unknown } | { kind: 'not-delivered' | 'maybe-delivered'; detail: string };

// Chrome's words for a message that reached no listener: the worker was stopping or not yet started.
const notDelivered = /Receiving end does not exist|Could not establish connection/i;

function isRepeatable(name: string, payload: unknown): boolean {
  // A start that names its run's id finds that run again instead of starting a second one.
  if (name === 'run.start') return typeof (payload as { runId?: unknown }).runId === 'string';
  return !unsafeToRepeat.has(name);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createControl(controlPage: ControlPage, waitMs = RESTART_WAIT_MS): Control {
  const attempt = async (envelope: unknown): Promise<Attempt> => {
    let page;
    try {
      page = await controlPage.get();
    } catch (error) {
      return { kind: 'not-delivered', detail: error instanceof Error ? error.message : String(error) };
    }
    try {
      const outcome = await page.evaluate(async (message) => {
        try {
          return { reply: (await chrome.runtime.sendMessage(message)) as unknown };
        } catch (error) {
          return { failed: error instanceof Error ? error.message : String(error) };
        }
      }, envelope);
      if (outcome.failed !== undefined) return { kind: notDelivered.test(outcome.failed) ? 'not-delivered' : 'maybe-delivered', detail: outcome.failed };
      // No reply at all: the worker went away while it handled the message.
      if (outcome.reply === undefined) return { kind: 'maybe-delivered', detail: 'the worker stopped before it answered' };
      return { kind: 'reply', raw: outcome.reply };
    } catch (error) {
      // The control page itself closed or crashed; the next attempt opens it again.
      return { kind: 'maybe-delivered', detail: error instanceof Error ? error.message : String(error) };
    }
  };

  return {
    async send(name, payload) {
      const envelope = makeEnvelope('panel-to-background', name, payload);
      const repeatable = isRepeatable(name, payload);
      const started = Date.now();
      for (let tries = 1; ; tries++) {
        const outcome = await attempt(envelope);
        if (outcome.kind === 'reply') return readReply('panel-to-background', name, outcome.raw);
        if (outcome.kind === 'maybe-delivered' && !repeatable) {
          throw new WebwrightError(
            'no-response',
            `Webwright's service worker stopped while it handled "${name}", so whether it was done is unknown; it is not sent again. Look at the page (observe) before going on.`,
          );
        }
        if (Date.now() - started >= waitMs) {
          throw new WebwrightError(
            'no-response',
            `Webwright's service worker did not answer "${name}" for ${Math.round(waitMs / 1000)} s (${tries} tries; last: ${outcome.detail}). The extension may have crashed or been removed: close the browser and start again.`,
          );
        }
        await pause(Math.min(50 * 2 ** tries, 1_000));
      }
    },
  };
}
