// The project's harness for the MiniWoB++ runner (its --project points here). The runner keeps
// only kind, message and element of each act() result in its --out JSON, so the pick's confidence
// rides inside element: the bench reads it there to count the intents that would have gone to the
// grounding model. Everything else is the project's own harness, unchanged.
import { launch as launchHarness } from '../../dist-node/harness.js';

export async function launch(options = {}) {
  // The bench's private copy of dist/, so that a rebuild meanwhile cannot disturb the run.
  const extensionPath = process.env.WEBWRIGHT_BENCH_DIST;
  const harness = await launchHarness({ ...(extensionPath ? { extensionPath } : {}), ...options });
  const act = async (page, intent) => {
    const result = await harness.act(page, intent);
    if (!result.element || result.confidence === undefined) return result;
    return { ...result, element: { ...result.element, confidence: result.confidence } };
  };
  return { ...harness, act };
}
