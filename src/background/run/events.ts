import type { Run } from '../../shared/run.ts';
import { sendToPanels } from '../../shared/transport.ts';

/** Tells open extension pages (the side panel) that a run changed. Nobody listening is fine. */
export function broadcastRun(run: Run): void {
  void sendToPanels('run.updated', { run }).catch(() => undefined);
}
