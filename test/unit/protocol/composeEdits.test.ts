// composeEdits: two successive edits as one region of the first text, checked
// against the texts themselves (the region's ends must hold what both left).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeEdits } from '../../../server/src/protocol/openDocuments';
import { editRegion } from '../../../server/src/protocol/diagnosticsPublisher';

function apply(text: string, start: number, end: number, insert: string): { text: string; edit: { start: number; oldEnd: number; newEnd: number } } {
  return { text: text.slice(0, start) + insert + text.slice(end), edit: { start, oldEnd: end, newEnd: start + insert.length } };
}

test('two edits composed cover both and keep the text around them', () => {
  const t0 = 'line one\nline two\nline three\n';
  const cases: [number, number, string, number, number, string][] = [
    [5, 8, 'ONE', 20, 25, 'THREE'], // the second after the first
    [20, 25, 'x', 2, 4, 'yy'], // the second before the first
    [5, 8, 'a\nb', 6, 12, ''], // overlapping, across lines
    [3, 3, '𝄞', 5, 5, '♪'], // insertions, a surrogate pair
  ];
  for (const [s1, e1, i1, s2, e2, i2] of cases) {
    const one = apply(t0, s1, e1, i1);
    const two = apply(one.text, s2, e2, i2);
    const c = composeEdits(one.edit, two.edit);
    assert.equal(t0.slice(0, c.start), two.text.slice(0, c.start), 'same before');
    assert.equal(t0.slice(c.oldEnd), two.text.slice(c.newEnd), 'same after');
    const d = editRegion(t0, two.text)!;
    assert.ok(c.start <= d.start && t0.length - c.oldEnd <= t0.length - d.oldEnd, `${JSON.stringify(c)} covers ${JSON.stringify(d)}`);
  }
});
