// "Did you mean" without garbage per candidate (no lower-cased copies, the
// distance rows reused) suggests exactly what the plain definition suggests:
// compared with a reference written the straightforward way over many
// seeded words, near misses, swaps, case changes and half-typed keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean } from '../../../server/src/checks/util';
import { seededRandom } from '../seededRandom';

/** Optimal string alignment distance on lower-cased words, as directly as it is defined. */
function referenceDistance(x: string, y: string): number {
  const a = x.toLowerCase();
  const b = y.toLowerCase();
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([]);
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) d[i][j] = i + j;
      else {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

function reference(word: string, candidates: string[]): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 4)));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const d = referenceDistance(word, c);
    if (d < bestD && Math.abs(c.length - word.length) <= Math.min(limit, bestD - 1)) {
      bestD = d;
      best = c;
    }
  }
  if (best !== undefined && bestD <= limit) return best;
  if (word.length >= 4) {
    const starts = candidates.filter((c) => c !== word && c.toLowerCase().startsWith(word.toLowerCase()));
    if (starts.length === 1) return starts[0];
  }
  return undefined;
}

test('suggests as the plain definition does, over seeded near misses', () => {
  const r = seededRandom(25);
  const letters = 'abcdeEfgGhiklmnNoprsStuvwxyzé';
  const pick = (s: string): string => s[Math.floor(r() * s.length)];
  const wordOf = (n: number): string => Array.from({ length: n }, () => pick(letters)).join('');
  const candidates = Array.from({ length: 150 }, () => wordOf(3 + Math.floor(r() * 14)));
  let suggested = 0;
  for (let k = 0; k < 2000; k++) {
    const base = candidates[Math.floor(r() * candidates.length)];
    const chars = [...base];
    const at = Math.floor(r() * chars.length);
    const how = Math.floor(r() * 6);
    if (how === 0) chars[at] = pick(letters);
    else if (how === 1) chars.splice(at, 1);
    else if (how === 2) chars.splice(at, 0, pick(letters));
    else if (how === 3 && at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
    else if (how === 4) chars.splice(Math.max(4, at)); // half typed
    else chars[at] = chars[at].toUpperCase();
    const word = chars.join('');
    const got = didYouMean(word, candidates);
    assert.equal(got, reference(word, candidates), `${word}`);
    if (got) suggested++;
  }
  assert.ok(suggested > 1000, `most near misses get a suggestion (${suggested})`);
});
