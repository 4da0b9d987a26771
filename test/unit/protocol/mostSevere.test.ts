// The per-file cap of published diagnostics: the most severe kept, in their
// original order, exactly as many as allowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mostSevere } from '../../../server/src/protocol/diagnosticsPublisher';
import type { Diagnostic } from '../../../server/src/checks/types';

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

function diagnostics(severities: number[]): Diagnostic[] {
  return severities.map((s, i) => ({ uri: 'file:///a.nix', span: { start: i, end: i + 1 }, severity: SEVERITIES[s], rule: 'unknown-setting', message: `#${i}` }));
}

test('the most severe diagnostics are kept, in their order, up to the cap', () => {
  let seed = 5;
  const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor((seed / 2147483648) * n));
  for (let round = 0; round < 500; round++) {
    const all = diagnostics(Array.from({ length: next(60) }, () => next(4)));
    const max = next(40);
    const kept = mostSevere(all, max);
    // The reference: sort by severity (stable), take max, restore the order.
    const expected = all
      .map((d, i) => ({ d, i }))
      .sort((a, b) => SEVERITIES.indexOf(a.d.severity) - SEVERITIES.indexOf(b.d.severity) || a.i - b.i)
      .slice(0, max)
      .sort((a, b) => a.i - b.i)
      .map((x) => x.d);
    assert.deepEqual(kept, all.length <= max ? all : expected, `round ${round}`);
  }
});
