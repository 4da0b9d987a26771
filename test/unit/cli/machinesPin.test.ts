// `homelab-check machines` says which nixpkgs each machine's options are
// judged against when the flake pins it per machine (test/fixtures/options/pinned/lab:
// a from `nixpkgs`, b from `nixpkgs-stable`, c from `nixpkgs-old`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../../../server/src/cli/main';

const lab = join(__dirname, '..', '..', 'fixtures', 'options', 'pinned', 'lab');

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await main(args, (s) => out.push(s), () => undefined);
  return { code, out: out.join('\n') };
}

test('homelab-check machines: each machine names the flake input its nixpkgs comes from', async () => {
  const json = await cli('machines', lab, '--format', 'json');
  const rows = (JSON.parse(json.out) as { machines: { name: string; nixpkgs?: string }[] }).machines;
  const pins = Object.fromEntries(rows.map((r) => [r.name, r.nixpkgs]));
  assert.equal(pins.a, 'input nixpkgs');
  assert.equal(pins.b, 'input nixpkgs-stable');
  assert.equal(pins.c, 'input nixpkgs-old');
  const text = await cli('machines', lab);
  assert.match(text.out, /^b\s.*nixpkgs: input nixpkgs-stable$/m);
});
