// The five fleet layouts of test/fixtures/fleets (a flake with a hosts folder
// and a helper, flake-parts, a colmena hive, deploy-rs, Proxmox LXC with an
// inventory) through `homelab-check`: every machine is found with its
// addresses, deploy method and target, tags and module files (expected.json
// beside each fixture), and the one mistake planted in each is the only finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../server/src/cli/main';

const FLEETS = join(__dirname, '../../fixtures/fleets');

interface Expected {
  machines: { name: string; hostName: string; addresses: string[]; deployMethod: string | null; deployTarget: string | null; moduleFiles: string[]; tags: string[]; foundIn?: Row['foundIn']; addressPlaces?: Row['addressPlaces'] }[];
  /** Where reading stopped; when given, machines' addresses, targets and provenance are compared whole too. */
  stopped?: { file: string; line: number; kind: string }[];
  /** Installer ISOs and generated images among the outputs, listed as images (not machines). */
  images?: { name: string; image: string }[];
  mistake: { rule: string; places: { file: string; line: number; text: string }[] };
}

interface Row {
  name: string;
  addresses: string[];
  addressPlaces: { address: string; prefixLength?: number; option: string; file: string; line: number }[];
  hostName?: string;
  deploy?: { method: string; target?: string };
  tags: string[];
  moduleFiles: string[];
  foundIn: { source: string; file: string; line: number }[];
  image?: string;
  base?: true;
}

interface Item {
  file: string;
  range: { start: { line: number } };
  rule: string;
  severity: string;
  message: string;
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

for (const layout of readdirSync(FLEETS).sort()) {
  const dir = join(FLEETS, layout);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

  test(`${layout}: homelab-check machines finds every machine by its attribute name`, async () => {
    const r = await cli('machines', dir, '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const listing = JSON.parse(r.out) as { machines: Row[]; stopped: { file: string; line: number; kind: string }[] };
    const rows = listing.machines.filter((m) => !m.image);
    assert.deepEqual(
      listing.machines.filter((m) => m.image).map((m) => ({ name: m.name, image: m.image })),
      expected.images ?? [],
    );
    if (expected.stopped) assert.deepEqual(listing.stopped.map((s) => ({ file: s.file, line: s.line, kind: s.kind })), expected.stopped);
    assert.deepEqual(rows.map((m) => m.name).sort(), expected.machines.map((m) => m.name).sort());
    for (const want of expected.machines) {
      const got = rows.find((m) => m.name === want.name) as Row;
      assert.equal(got.hostName ?? null, want.hostName ?? null, want.name);
      for (const a of want.addresses) assert.ok(got.addresses.includes(a), `${want.name}: ${a} in ${got.addresses.join(', ')}`);
      assert.equal(got.deploy?.method ?? null, want.deployMethod, want.name);
      if (want.deployTarget) assert.equal(got.deploy?.target, want.deployTarget, want.name);
      // Fixtures that list where each address is written are compared whole: addresses, their places and the target.
      if (want.addressPlaces) {
        assert.deepEqual(got.addresses, want.addresses, want.name);
        assert.deepEqual(got.addressPlaces, want.addressPlaces, want.name);
        assert.equal(got.deploy?.target ?? null, want.deployTarget, want.name);
      }
      assert.deepEqual([...got.moduleFiles].sort(), [...want.moduleFiles].sort(), want.name);
      assert.deepEqual(got.tags, want.tags, want.name);
      assert.ok(got.foundIn.length > 0 && got.foundIn.every((f) => f.line >= 1), want.name);
      if (expected.stopped) {
        assert.deepEqual(got.addresses, want.addresses, want.name);
        assert.equal(got.deploy?.target ?? null, want.deployTarget, want.name);
        assert.deepEqual(got.foundIn, want.foundIn, want.name);
      }
    }
    const text = await cli('machines', dir);
    assert.equal(text.code, 0);
    const images = expected.images?.length ? ` \\(${expected.images.length} images\\)` : '';
    assert.match(text.out, new RegExp(`^homelab-check: ${expected.machines.length} machines${images}$`, 'm'));
    for (const i of expected.images ?? []) assert.match(text.out, new RegExp(`^${i.name}  image: .*not a machine of the fleet`, 'm'));
  });

  test(`${layout}: the planted ${expected.mistake.rule} is the only finding`, async () => {
    const r = await cli(dir, '--format', 'json');
    // A reading stop the fixture expects beside its machines is said as information at its place: expected, not a mistake.
    const expectedStop = (i: Item): boolean =>
      expected.mistake.rule !== 'discovery-stopped' && i.rule === 'discovery-stopped' && (expected.stopped ?? []).some((p) => p.file === i.file && p.line === i.range.start.line + 1);
    const items = (JSON.parse(r.out) as Item[]).filter((i) => i.rule !== 'encrypted-file' && !expectedStop(i));
    assert.ok(items.length > 0, 'the planted mistake is found');
    for (const i of items) {
      assert.equal(i.rule, expected.mistake.rule, `${i.file}:${i.range.start.line + 1} ${i.rule} ${i.message}`);
      assert.ok(
        expected.mistake.places.some((p) => p.file === i.file && p.line === i.range.start.line + 1),
        `unexpected place ${i.file}:${i.range.start.line + 1} ${i.message}`,
      );
    }
    // Each planted place is reported, or named as the related place of the finding (update-not-staggered names the earlier one).
    const sarif = JSON.parse((await cli(dir, '--format', 'sarif')).out) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    const reported = sarif.runs[0].results.flatMap((res) => [...res.locations, ...(res.relatedLocations ?? [])].map((l) => `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}`));
    for (const p of expected.mistake.places) assert.ok(reported.includes(`${p.file}:${p.line}`), `${p.file}:${p.line} in ${reported.join(' ')}`);
    const errors = items.filter((i) => i.severity === 'error').length;
    assert.equal(r.code, errors > 0 ? 1 : 0);
  });
}

test('nothing to check (no inventory, no machine, no .nix file): exit 2 with a message on stderr, in every format', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const empty = mkdtempSync(join(tmpdir(), 'hp-empty-'));
  writeFileSync(join(empty, 'README.md'), '# not a homelab\n');
  for (const args of [[empty], [empty, '--format', 'json'], [empty, '--format', 'sarif'], ['machines', empty], ['machines', empty, '--format', 'json']]) {
    const r = await cli(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.out, '', args.join(' '));
    assert.match(r.err, /nothing to check/);
  }
});
