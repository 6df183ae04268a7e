import { toWebwrightError, WebwrightError } from '../shared/errors.ts';
import type { NameOf, PayloadOf, ResultOf } from '../shared/protocol.ts';
import { sendToFrame, type FrameAddress, type SendOptions } from '../shared/transport.ts';

// Routing to the content script of one frame. Tabs opened before the extension was installed (or
// reloaded) have no content script: on "no receiver" we inject it and ask again.

const INJECTED_WAIT_MS = 2_000;
const POLL_MS = 50;

function contentScriptFiles(): string[] {
  return chrome.runtime.getManifest().content_scripts?.flatMap((entry) => entry.js ?? []) ?? [];
}

async function inject(frame: FrameAddress): Promise<void> {
  try {
    await chrome.scripting.executeScript({
      target: { tabId: frame.tabId, frameIds: [frame.frameId] },
      files: contentScriptFiles(),
    });
  } catch (error) {
    throw toWebwrightError(error);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function requestFrame<N extends NameOf<'background-to-content'>>(
  frame: FrameAddress,
  name: N,
  payload: PayloadOf<'background-to-content', N>,
  options: SendOptions = {},
): Promise<ResultOf<'background-to-content', N>> {
  try {
    return await sendToFrame(frame, name, payload, options);
  } catch (error) {
    if (!(error instanceof WebwrightError) || error.kind !== 'no-receiver') throw error;
  }
  await inject(frame);
  // The injected loader imports the script asynchronously, so it may not listen yet.
  const deadline = Date.now() + INJECTED_WAIT_MS;
  for (;;) {
    try {
      return await sendToFrame(frame, name, payload, options);
    } catch (error) {
      if (!(error instanceof WebwrightError) || error.kind !== 'no-receiver' || Date.now() > deadline) throw error;
    }
    await sleep(POLL_MS);
  }
}
