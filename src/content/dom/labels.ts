import { collapse } from './semantics.ts';

// Words that name a field when no <label> or aria-label does: its description (aria-describedby)
// and, inside a table, its column's header. Words merely beside it are found later, over plain
// data (grounding/labels.ts).

function describedBy(element: Element): string | undefined {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? [];
  const root = element.getRootNode() as Document | ShadowRoot;
  const text = collapse(ids.map((id) => root.getElementById?.(id)?.textContent ?? '').join(' '));
  return text || undefined;
}

/** The header cell above a field's cell: "Qty" for the quantity input in a cart table. */
function columnHeader(element: Element): string | undefined {
  const cell = element.closest('td, th');
  const row = cell?.parentElement;
  const table = cell?.closest('table');
  if (!cell || !row || !table || !('cells' in row)) return undefined;
  const header = table.tHead?.rows[0] ?? [...table.rows].find((candidate) => candidate !== row && [...candidate.cells].every((c) => c.localName === 'th'));
  if (!header || header === row) return undefined;
  let column = 0;
  for (const sibling of (row as HTMLTableRowElement).cells) {
    if (sibling === cell) break;
    column += sibling.colSpan;
  }
  let at = 0;
  for (const headerCell of header.cells) {
    if (column < at + headerCell.colSpan) return collapse(headerCell.textContent ?? '') || undefined;
    at += headerCell.colSpan;
  }
  return undefined;
}

export function getUnlinkedLabel(element: Element): string | undefined {
  return describedBy(element) ?? columnHeader(element);
}
