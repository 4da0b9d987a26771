// The evaluator's budget: a runaway evaluation (a recursion that never ends,
// one that grows exponentially, a value too large to convert) stops at a
// counted limit with a reading stop saying where and why, never a hang, an
// out-of-memory or a silent zero. Counts, not times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NixEvaluator, type EvalHost } from '../../../server/src/syntax/nix';
import { main } from '../../../server/src/cli/main';

const memHost = (files: Record<string, string>): EvalHost => ({ readText: (u) => files[u] });

test('an exponential recursion stops just after the step budget, with one stop naming the file and line', () => {
  const text = 'let\n  fib = n: if n < 2 then n else fib (n - 1) + fib (n - 2);\nin { answer = fib 40; small = 1 + 2; }\n';
  const ev = new NixEvaluator(memHost({ 'file:///w/a.nix': text }), { maxSteps: 5000 });
  const v = ev.evaluateFile('file:///w/a.nix');
  assert.equal(v.kind, 'attrs');
  const entries = v.kind === 'attrs' ? v.entries : new Map();
  assert.equal(entries.get('answer')?.value.kind, 'unknown');
  assert.match(String((entries.get('answer')?.value as { reason?: string }).reason), /evaluation stopped after 5000 steps/);
  const budget = ev.stops.filter((s) => s.kind === 'evaluation-budget');
  assert.equal(budget.length, 1, JSON.stringify(ev.stops));
  assert.equal(budget[0].origin.uri, 'file:///w/a.nix');
  // The place is inside fib's body (line 2), where the 5001st step was taken.
  assert.equal(text.slice(0, budget[0].origin.span.start).split('\n').length, 2);
  assert.match(budget[0].reason, /more than 5000 steps/);
  // Every step after the budget is refused at once: the count stays at the budget plus the steps that met the refusal.
  assert.ok(ev.stats.steps > 5000 && ev.stats.steps < 5000 + 2000, String(ev.stats.steps));
});

test('the same recursion with a bigger budget takes the same path further: the count is deterministic', () => {
  const text = 'let fib = n: if n < 2 then n else fib (n - 1) + fib (n - 2); in fib 15\n';
  const run = () => {
    const ev = new NixEvaluator(memHost({ 'file:///w/a.nix': text }));
    const v = ev.evaluateFile('file:///w/a.nix');
    return { v, steps: ev.stats.steps, stops: ev.stops.length };
  };
  const a = run();
  const b = run();
  assert.deepEqual(a.v.kind === 'number' ? a.v.value : a.v, 610);
  assert.equal(a.steps, b.steps);
  assert.equal(a.stops, 0);
});

test('a converted value past its node budget is unknown there, with a stop saying the value is too large', () => {
  // A tree of 2^10 leaves, each level an attribute set of two: about 2,000 value nodes when converted whole.
  const text = 'let tree = n: if n == 0 then 1 else { a = tree (n - 1); b = tree (n - 1); }; in { hosts = tree 10; }\n';
  const ev = new NixEvaluator(memHost({ 'file:///w/b.nix': text }), { maxConverted: 200 });
  ev.evaluateFile('file:///w/b.nix', { applyNestedFunctions: true });
  const budget = ev.stops.filter((s) => s.kind === 'evaluation-budget');
  assert.equal(budget.length, 1);
  assert.match(budget[0].reason, /too large to read statically \(more than 200 values\)/);
  // Past the budget each remaining sibling is refused with one node: at most two per level of the unfinished path.
  assert.ok(ev.stats.converted > 200 && ev.stats.converted <= 200 + 2 * 12, String(ev.stats.converted));
});

test('a flake whose machines sit behind a recursion that never ends: homelab-check machines says where reading stopped and why', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hp-budget-'));
  writeFileSync(
    join(dir, 'flake.nix'),
    '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";\n  outputs = { self, nixpkgs }:\n    let\n      grow = n: grow (n + 1);\n    in {\n      nixosConfigurations = {\n        web = nixpkgs.lib.nixosSystem { modules = [ ./web.nix ]; };\n      } // grow 0;\n    };\n}\n',
  );
  writeFileSync(join(dir, 'web.nix'), '{ networking.hostName = "web"; }\n');
  const out: string[] = [];
  const code = await main(['machines', dir, '--format', 'json'], (s) => out.push(s), () => {});
  assert.equal(code, 0);
  const listing = JSON.parse(out.join('\n')) as { machines: { name: string }[]; stopped: { file: string; line: number; kind: string; reason: string; hint: string }[] };
  // The literal side of `{ web = …; } // grow 0` is read; the side that never ends is named, not guessed.
  assert.deepEqual(listing.machines.map((m) => m.name), ['web']);
  assert.deepEqual(
    listing.stopped.map((s) => [s.file, s.line, s.kind]),
    [
      ['flake.nix', 5, 'evaluation-budget'],
      ['flake.nix', 5, 'unknown-output'],
    ],
  );
  assert.match(listing.stopped[1].reason, /`nixosConfigurations` has `web`, and a part that is not known statically/);
  assert.match(listing.stopped[0].reason, /nested more than 1000 levels deep/);
  assert.match(listing.stopped[0].hint, /recursion/);
});
