// A setting that lists many addresses (a fleet's monitoring profile scrapes
// every machine from one list) is judged in steps of its items, so the whole
// check after an edit pauses inside it; the findings are those of one pass. Counts of
// steps, not times: the lab homelab (test/fixtures/checks/lab) with its ICMP
// target list grown to 1,200 addresses, two of them wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkAll, checkAllSteps } from '../../../server/src/checks/run';
import { flatten, loadTree, ROOT, workspaceOf } from './helpers';
import type { HomelabSettings } from '../../../server/src/model/settings';

const LAB = loadTree(join(__dirname, '../../fixtures/checks/lab'));
const M = 'profiles/mon-config.nix';
const LIST = '[ "10.1.0.1" "10.1.0.2" ]';

function withTargets(count: number): Record<string, string> {
  const targets = Array.from({ length: count }, (_, i) => (i === 7 ? '"10.1.0.99"' : i === count - 3 ? '"10.1.0.300"' : i % 2 ? '"10.1.0.1"' : '"10.1.0.2"'));
  assert.ok(LAB[M].includes(LIST));
  return { ...LAB, [M]: LAB[M].replace(LIST, `[ ${targets.join(' ')} ]`) };
}

/** Steps of the whole check after an edit of the monitoring profile (its settings judged again, as they are on a keystroke). */
function stepsAfterEdit(files: Record<string, string>, off: string[] = []): number {
  const ws = workspaceOf(files, { rules: Object.fromEntries(off.map((id) => [id, 'off'])) } as Partial<HomelabSettings>);
  checkAll(ws);
  ws.setDocument(`${ROOT}/${M}`, files[M].replace('"10.1.0.99"', '"10.1.0.98"'), 2);
  let n = 0;
  for (const _ of checkAllSteps(ws)) n++;
  return n;
}

test('a list of 1,200 targets is judged in steps, with the findings of one pass', () => {
  const files = withTargets(1200);
  const found = flatten(workspaceOf(files), checkAll(workspaceOf(files))).filter((f) => f.rule === 'unknown-scrape-target' || f.rule === 'ip-format');
  assert.equal(found.length, 2, JSON.stringify(found));
  assert.match(found.find((f) => f.rule === 'ip-format')?.message ?? '', /`10\.1\.0\.300`/);
  assert.match(found.find((f) => f.rule === 'unknown-scrape-target')?.message ?? '', /`10\.1\.0\.99` in prometheusBlackboxIcmpTargets/);
  // Each of the two rules walks the list in steps of 256 addresses: four pauses each in 1,200, none in 12
  // (the other walks of the list, the address index's among them, are the same with the two rules off).
  const more = (off: string[]): number => stepsAfterEdit(files, off) - stepsAfterEdit(withTargets(12), off);
  assert.equal(more([]) - more(['ip-format', 'unknown-scrape-target']), 2 * Math.floor(1200 / 256));
});
