import { expect, test, useScriptedModel } from '../support/planner.ts';

// The side panel by keyboard alone, with a name on every control, from 320 to 600 px wide.

test('every control in every view has an accessible name, and nothing overflows from 320 to 600 px', async ({ harness, server, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const panel = await harness.openSidePanel(page);
  for (const width of [320, 600]) {
    await panel.setViewportSize({ width, height: 800 });
    for (const view of ['Task', 'History', 'Settings']) {
      await panel.getByRole('button', { name: view, exact: true }).click();
      await expect(panel.getByRole('button', { name: view, exact: true })).toHaveAttribute('aria-pressed', 'true');
      // An unnamed control shows up in the accessibility tree as a bare role.
      const tree = await panel.locator('body').ariaSnapshot();
      expect(tree, `${view} at ${width}px`).not.toMatch(/^\s*- (button|textbox|combobox|checkbox|searchbox|spinbutton)(:|$)/m);
      const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${view} at ${width}px overflows`).toBeLessThanOrEqual(0);
    }
  }
  await panel.close();
});

test('a run can be started, followed and stopped by keyboard alone', async ({ harness, server, model, page }) => {
  await page.goto(server.url('/editing/index.html'));
  const panel = await harness.openSidePanel(page);
  await useScriptedModel(panel, model);
  model.script({ tool: 'click', args: { target: 'Save draft' } }, { delayMs: 10_000, then: { tool: 'finish', args: { success: true } } });
  await panel.reload();
  // Tab from the top of the page to the goal box, type, then Tab to Run and press Enter.
  await panel.keyboard.press('Tab');
  for (let i = 0; i < 10 && !(await panel.getByRole('textbox', { name: 'Goal' }).evaluate((element) => element === document.activeElement)); i++) await panel.keyboard.press('Tab');
  await expect(panel.getByRole('textbox', { name: 'Goal' })).toBeFocused();
  await panel.keyboard.type('Save the draft');
  await panel.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Run' })).toBeFocused();
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('step').first()).toContainText('click "Save draft"');
  await panel.getByRole('button', { name: 'Stop' }).focus();
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('run-status')).toContainText('Stopped');
  await panel.close();
});
