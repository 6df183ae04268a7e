// Reads Vitest's and Playwright's JSON reports and prints the one closing line CI reads.
// A report that is missing or unreadable means its runner crashed: that counts as a failure.
import { readFileSync } from 'node:fs';

function count(path) {
  let report;
  try {
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    console.error(`No readable test report at ${path}: its runner did not finish.`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  if (report.stats) {
    // Playwright: a flaky test passed on retry, which still counts as a pass.
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
    const errors = report.errors?.length ?? 0;
    return { passed: expected + flaky, failed: unexpected + errors, skipped };
  }
  const failedSuites = (report.testResults ?? []).filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + failedSuites,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const path of process.argv.slice(2)) {
  const part = count(path);
  totals.passed += part.passed;
  totals.failed += part.failed;
  totals.skipped += part.skipped;
}
if (totals.passed + totals.failed === 0) totals.failed = 1;
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
