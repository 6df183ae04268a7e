import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { findExpected, loadCaseFiles, runSetup, sameElement, type GroundingCase } from '../support/cases.ts';

// Every grounding case on its fixture page, through the extension's own grounder. Cases that
// share a page and setup share one load of it: grounding does not change the page.

// One worker walks the cases in order, so consecutive cases on a page reuse its load.
test.describe.configure({ mode: 'default' });

let loaded: { page: Page; key: string } | undefined;

async function pageFor(newPage: () => Promise<Page>, url: string, entry: GroundingCase): Promise<Page> {
  const key = `${url} ${JSON.stringify(entry.setup ?? [])}`;
  if (loaded && loaded.key === key && !loaded.page.isClosed()) return loaded.page;
  const page = loaded && !loaded.page.isClosed() ? loaded.page : await newPage();
  await page.goto(url);
  await page.waitForLoadState('load');
  await runSetup(page, entry.setup);
  loaded = { page, key };
  return page;
}

for (const file of loadCaseFiles()) {
  test.describe(file.site, () => {
    for (const entry of file.cases) {
      const want = 'element' in entry.expect ? `element ${entry.expect.element}` : entry.expect.kind;
      test(`${entry.id}: ${JSON.stringify(entry.intent)} -> ${want}`, async ({ harness, server }) => {
        // A known shortfall must keep failing; once the grounder gets it right, this flags it.
        test.fail(entry.known !== undefined, entry.known);
        const page = await pageFor(() => harness.context.newPage(), server.url(entry.page), entry);
        const report = await harness.ground(page, entry.intent);
        const found = `${report.kind}: ${report.message}`;
        if ('kind' in entry.expect) {
          expect(report.kind, found).toBe(entry.expect.kind);
          return;
        }
        expect(report.kind, found).toBe('ok');
        const expected = await findExpected(page, entry.expect.element);
        expect(expected, `data-case="${entry.expect.element}" is on the page`).toBeDefined();
        const box = report.element?.box;
        expect(box && expected && sameElement(expected.box, box), `${found}\nexpected box ${JSON.stringify(expected?.box)}, got ${JSON.stringify(box)}`).toBe(true);
      });
    }
  });
}
