import type { Candidate, PageData, TextBlock } from './types.ts';
import { choiceRoles, textEntryRoles } from './vocabulary.ts';

// Labels as a person reads them: many forms put a field's words beside it ("Genre:" in the same
// row, "Movie Genre" above, a caption below) without a <label for>. A field that nothing labels
// programmatically takes the words of the smallest container it shares with no other field.

const fieldRoles = new Set([...textEntryRoles, ...choiceRoles, 'slider']);
/** How far up from a field its label may sit: field, wrapper, row, group. */
const LEVELS = 4;
const LONGEST_LABEL = 60;

function isField(candidate: Candidate): boolean {
  return fieldRoles.has(candidate.role);
}

/** The words the field's container says, the nearest before the field first. */
function pick(blocks: TextBlock[], field: Candidate): string | undefined {
  const usable = blocks.filter((block) => block.text.length <= LONGEST_LABEL && !(field.node !== undefined && block.ancestors.includes(field.node)));
  if (usable.length === 0) return undefined;
  const before = usable.filter((block) => block.box.y + block.box.height <= field.box.y + field.box.height && block.box.x <= field.box.x + field.box.width / 2);
  const chosen = (before.length ? before : usable).reduce((best, block) => (distance(block, field) < distance(best, field) ? block : best));
  return chosen.text.replace(/[\s:：*]+$/u, '').trim() || undefined;
}

function distance(block: TextBlock, field: Candidate): number {
  const dx = Math.max(0, field.box.x - (block.box.x + block.box.width), block.box.x - (field.box.x + field.box.width));
  const dy = Math.max(0, field.box.y - (block.box.y + block.box.height), block.box.y - (field.box.y + field.box.height));
  return Math.hypot(dx, dy);
}

export function assignVisualLabels(page: PageData): void {
  const fields = page.candidates.filter((candidate) => isField(candidate) && !candidate.label);
  if (fields.length === 0) return;
  const fieldsUnder = new Map<number, number>();
  for (const candidate of page.candidates.filter(isField)) {
    for (const id of candidate.ancestors.slice(0, LEVELS)) fieldsUnder.set(id, (fieldsUnder.get(id) ?? 0) + 1);
  }
  const textsUnder = new Map<number, TextBlock[]>();
  for (const block of page.texts) {
    if (block.labelOf) continue;
    for (const id of [block.owner, ...block.ancestors.slice(0, LEVELS - 1)]) {
      if (!fieldsUnder.has(id)) continue;
      const list = textsUnder.get(id) ?? [];
      list.push(block);
      textsUnder.set(id, list);
    }
  }
  for (const field of fields) {
    for (const id of field.ancestors.slice(0, LEVELS)) {
      if ((fieldsUnder.get(id) ?? 0) > 1) break;
      const blocks = textsUnder.get(id);
      if (!blocks) continue;
      const label = pick(blocks, field);
      if (label) {
        field.label = label;
        if (!field.name) field.name = label;
      }
      break;
    }
  }
}
