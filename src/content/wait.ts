/** Waits until the text shows on the page (in the visible text of the body), bounded. */
export async function waitForText(doc: Document, text: string, timeoutMs: number): Promise<{ found: boolean }> {
  const wanted = text.replace(/\s+/g, ' ').trim().toLowerCase();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = (doc.body?.innerText ?? '').replace(/\s+/g, ' ').toLowerCase();
    if (shown.includes(wanted)) return { found: true };
    if (Date.now() > deadline) return { found: false };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
