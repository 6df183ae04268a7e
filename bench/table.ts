import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The one table the bench prints: every figure beside its target. Nothing here asserts.

export interface Row {
  section: string;
  item: string;
  figure: string;
  target?: string;
  /** Whether the figure meets its target; undefined where there is no target. */
  met?: boolean;
}

const headers = ['section', 'item', 'figure', 'target', 'met'];
/** Widest a column may grow before its text wraps onto further lines. */
const maxWidths = [30, 26, 72, 22, 3];

function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') lines.push(current);
  return lines;
}

function cells(row: Row): string[] {
  return [row.section, row.item, row.figure, row.target ?? '', row.met === undefined ? '' : row.met ? 'yes' : 'NO'];
}

export function formatTable(rows: Row[], notes: string[] = []): string {
  // A section's name stands on its first row only.
  const shown = rows.map((row, index) => (index > 0 && rows[index - 1]?.section === row.section ? { ...row, section: '' } : row));
  const wrapped = shown.map((row) => cells(row).map((value, column) => wrap(value, maxWidths[column] ?? 80)));
  const widths = headers.map((header, column) => Math.max(header.length, ...wrapped.flatMap((row) => (row[column] ?? []).map((part) => part.length))));
  const line = (values: string[]) => values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  const out = [line(headers), rule];
  let section = '';
  rows.forEach((row, index) => {
    if (row.section !== section && section !== '') out.push(rule);
    section = row.section;
    const parts = wrapped[index] ?? [];
    const height = Math.max(...parts.map((part) => part.length));
    for (let at = 0; at < height; at++) out.push(line(parts.map((part) => part[at] ?? '')));
  });
  if (notes.length > 0) out.push(rule, ...notes.map((note) => `* ${note}`));
  return out.join('\n');
}

export const resultsFolder = fileURLToPath(new URL('./results/', import.meta.url));

/**
 * Writes results/latest.json and results/<YYYY-MM-DD>.json; a run that left sections out writes
 * to results/partial/ instead, so it never stands in for the full run. Returns the paths.
 */
export function saveResults(report: object, date = new Date(), partial = false): string[] {
  const folder = partial ? `${resultsFolder}partial/` : resultsFolder;
  mkdirSync(folder, { recursive: true });
  const day = date.toISOString().slice(0, 10);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const paths = [`${folder}latest.json`, `${folder}${day}.json`];
  for (const path of paths) writeFileSync(path, json);
  return paths;
}
