// Markdown hover text turned into plain text for clients that show it raw:
// marks go, words and literal code stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownToPlainText } from '../../../server/src/features/plainText';

test('bold, code, links, fences, headings, escapes and hard line breaks become plain text', () => {
  const md = [
    '**hostname** · `string`  ',
    '',
    "The host's *name*. See [the guide](https://example.org/guide) and [profiles/a.nix:5](file:///lab/profiles/a.nix#L5).",
    '',
    '```nix',
    'foo = "**kept**";',
    '```',
    '## Renamed',
    'A \\_b\\_ and `a*b*c`, 2 * 3 * 4.',
  ].join('\n');
  assert.equal(
    markdownToPlainText(md),
    [
      'hostname · string',
      '',
      "The host's name. See the guide (https://example.org/guide) and profiles/a.nix:5.",
      '',
      'foo = "**kept**";',
      'Renamed',
      'A _b_ and a*b*c, 2 * 3 * 4.',
    ].join('\n'),
  );
});
