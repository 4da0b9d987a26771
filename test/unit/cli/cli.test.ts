// homelab-check as users run it: a child process on the example folders,
// checking the three output formats and the exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const CLI = join(ROOT, 'server/src/cli/main.ts');

function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface JsonItem {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  rule: string;
  message: string;
}

/** The one finding of the clean example: its git-crypt-locked secrets file, named once so a green run says what it could not read. */
const LOCKED = { file: 'secrets/domains.nix', rule: 'encrypted-file', severity: 'info' };

test('examples/homelab: exit 0, no problems; the locked secrets file named once', () => {
  const r = run('examples/homelab');
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, /^homelab-check: 0 errors, 0 warnings, 1 info, 0 hints \(7 machines, 8 profiles, /m);
  assert.match(r.out, /^examples\/homelab\/secrets\/domains\.nix:1:1 info encrypted-file locked with git-crypt/m);
  assert.equal(r.out.trim().split('\n').length, 2, r.out);
  const j = run('examples/homelab', '--format', 'json');
  assert.equal(j.code, 0);
  assert.deepEqual((JSON.parse(j.out) as JsonItem[]).map((i) => ({ file: i.file, rule: i.rule, severity: i.severity })), [LOCKED]);
});

test('examples/broken: exit 1, every expected diagnostic at its line, nothing else (json)', () => {
  const r = run('--format', 'json', 'examples/broken');
  assert.equal(r.code, 1, r.err);
  const all = JSON.parse(r.out) as JsonItem[];
  assert.equal(all.filter((i) => i.rule === 'encrypted-file').length, 1);
  const items = all.filter((i) => i.rule !== 'encrypted-file');
  for (const i of items) {
    assert.ok(['error', 'warning', 'info', 'hint'].includes(i.severity));
    assert.ok(!i.file.startsWith('/') && !i.file.includes('\\'), i.file);
    assert.ok(i.range.start.line >= 0 && i.range.start.character >= 0);
  }
  const expected = JSON.parse(readFileSync(join(ROOT, 'examples/broken/expected.json'), 'utf8')) as { rule: string; file: string; line: number }[];
  const key = (x: { rule: string; file: string; line: number }): string => `${x.file}:${x.line} ${x.rule}`;
  const got = items.map((i) => key({ rule: i.rule, file: i.file, line: i.range.start.line + 1 })).sort();
  assert.deepEqual(got, expected.map(key).sort());
});

test('text format: path:line:col severity rule message, 1-based', () => {
  const r = run('examples/broken');
  assert.equal(r.code, 1);
  const lines = r.out.trim().split('\n');
  const first = lines[0];
  assert.match(first, /^examples\/broken\/[\w./-]+:\d+:\d+ (error|warning|info|hint) [a-z-]+ .+/);
  const json = JSON.parse(run('examples/broken', '--format=json').out) as JsonItem[];
  const yamlItems = json.filter((i) => i.file === 'homelab.yaml');
  const t = lines.find((l) => l.startsWith('examples/broken/homelab.yaml:'));
  const m = /:(\d+):(\d+) /.exec(t ?? '');
  assert.ok(m);
  assert.ok(yamlItems.some((i) => i.range.start.line + 1 === Number(m![1]) && i.range.start.character + 1 === Number(m![2])));
  assert.match(lines[lines.length - 1], /^homelab-check: \d+ errors?, /);
});

test('sarif format: SARIF 2.1.0 with rules and results', () => {
  const r = run('examples/broken', '--format', 'sarif');
  assert.equal(r.code, 1);
  const s = JSON.parse(r.out) as {
    version: string;
    runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
  };
  assert.equal(s.version, '2.1.0');
  const run0 = s.runs[0];
  assert.equal(run0.tool.driver.name, 'homelab-check');
  assert.ok(run0.tool.driver.rules.some((x) => x.id === 'ip-duplicate'));
  assert.ok(run0.results.length > 5);
  for (const res of run0.results) {
    assert.ok(['error', 'warning', 'note'].includes(res.level));
    assert.ok(res.locations[0].physicalLocation.region.startLine >= 1);
    assert.ok(!res.locations[0].physicalLocation.artifactLocation.uri.startsWith('/'));
  }
});

test('usage errors exit 2; --help exits 0', () => {
  assert.equal(run('--format', 'xml', 'examples/homelab').code, 2);
  assert.equal(run('--bogus').code, 2);
  assert.equal(run('examples/homelab', 'examples/broken').code, 2);
  assert.equal(run('does/not/exist').code, 2);
  const h = run('--help');
  assert.equal(h.code, 0);
  assert.match(h.out, /usage: homelab-check/);
});

test('main() can be called in-process', async () => {
  const { main } = await import('../../../server/src/cli/main');
  const lines: string[] = [];
  const code = await main([join(ROOT, 'examples/homelab'), '--format', 'json'], (s) => lines.push(s));
  assert.equal(code, 0);
  assert.deepEqual((JSON.parse(lines.join('\n')) as JsonItem[]).map((i) => ({ file: i.file, rule: i.rule, severity: i.severity })), [LOCKED]);
});
