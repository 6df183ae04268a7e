import { it } from 'vitest';
import { parseTarget } from '../../src/grounding/parse.ts';
it('prints', () => {
  for (const t of ["the Add to cart button under 'Blue Shirt'", 'the Sign in button', 'Email field', 'the second Delete button', 'the Edit button in the row for Alice Chen', 'the Close button in the dialog', 'the empty required field', 'the Terms of service link', 'Like button on the post by Priya', "the ♡ button for Blue Shirt", 'the search box in the header', 'the Save changes button in the Notifications tab', 'the select all checkbox', 'the last page link']) {
    console.log(t, '=>', JSON.stringify(parseTarget(t).map(({ raw, ...q }) => ({ ...q, role: q.role?.phrase }))));
  }
});
