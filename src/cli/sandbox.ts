// Chromium's sandbox cannot start as root, so only root gets --no-sandbox. Playwright adds
// --no-sandbox itself unless `chromiumSandbox` is true, and that flag makes Chrome show its
// "unsupported command-line flag" bar to every user, so the choice is made here, explicitly.

/** Whether Chromium keeps its sandbox for this user id: always, except for root (uid 0). */
export function isSandboxed(uid: number | undefined): boolean {
  return uid !== 0;
}

/** The launch option for the user running this process (Windows has no user ids). */
export function sandboxOption(): { chromiumSandbox: boolean } {
  return { chromiumSandbox: isSandboxed(process.getuid?.()) };
}
