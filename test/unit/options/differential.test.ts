// The option index of the fixture tree against Nix itself: nix-instantiate
// evaluates the same modules with the fixture lib (test/fixtures/options/
// collect.nix lists every option with its type description, default, example,
// description and flags, and every rename) and the static scan must agree,
// except for the differences listed below, each explained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { nixEnv, requireNix } from '../nix/nixCli';
import { nixString, showAttrName } from '../../../server/src/syntax/valueText';
import { fixtureIndex, fixtureRoot } from './helpers';

interface Shown {
  value?: unknown;
  text?: string;
  unknown?: boolean;
}
interface NixOption {
  path: string[];
  type: string | null;
  default: Shown | null;
  example: Shown | null;
  description: string | null;
  readOnly: boolean;
  internal: boolean;
  visible: boolean;
}
interface NixRename {
  from: string[];
  to?: string[];
  removed?: string;
  kind: string;
}

/** A JSON value from Nix printed the way the index prints a known value. */
function printJson(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return nixString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? '[ ]' : `[ ${v.map(printJson).join(' ')} ]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  return keys.length === 0 ? '{ }' : `{ ${keys.map((k) => `${showAttrName(k)} = ${printJson(o[k])};`).join(' ')} }`;
}

function shownText(s: Shown | null): string | undefined | 'unknown' {
  if (!s) return undefined;
  if (s.text !== undefined) return s.text;
  if (s.unknown) return 'unknown';
  return printJson(s.value);
}

function nixCollect(): { options: NixOption[]; renames: NixRename[] } {
  requireNix();
  const r = spawnSync('nix-instantiate', ['--eval', '--strict', '--json', path.join(fixtureRoot, 'collect.nix')], { env: nixEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`nix-instantiate failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

test('the static option index agrees with nix-instantiate on the fixture tree', () => {
  const nix = nixCollect();
  const ours = fixtureIndex();
  const key = (p: string[]): string => p.join('.');
  const nixBy = new Map(nix.options.map((o) => [key(o.path), o]));
  const oursBy = new Map(ours.options.map((o) => [key(o.path), o]));
  const differences: string[] = [];
  let compared = 0;
  for (const [k, n] of nixBy) {
    const o = oursBy.get(k);
    if (!o) {
      differences.push(`only Nix: ${k}`);
      continue;
    }
    compared++;
    const type = n.type ?? 'unknown';
    if (o.type !== type) differences.push(`type ${k}: ours ${o.type}, Nix ${type}`);
    const def = shownText(n.default);
    if (def === 'unknown') {
      if (o.default === undefined) differences.push(`default ${k}: ours none, Nix not evaluable`);
      else differences.push(`default ${k}: Nix cannot evaluate it here; ours shows ${o.default}`);
    } else if (o.default !== def) differences.push(`default ${k}: ours ${o.default}, Nix ${def}`);
    const ex = shownText(n.example);
    if (o.example !== ex) differences.push(`example ${k}: ours ${o.example}, Nix ${ex}`);
    if ((o.description ?? null) !== n.description) differences.push(`description ${k}: ours ${JSON.stringify(o.description)}, Nix ${JSON.stringify(n.description)}`);
    if ((o.readOnly ?? false) !== n.readOnly || (o.internal ?? false) !== n.internal || (o.visible ?? true) !== n.visible) differences.push(`flags ${k}`);
  }
  for (const k of oursBy.keys()) if (!nixBy.has(k)) differences.push(`only ours: ${k}`);

  assert.ok(compared >= 400, `compared ${compared} options`);
  assert.deepEqual(differences.sort(), [
    // The default depends on `config`, a module argument neither side knows: Nix
    // fails to evaluate it, the index shows the text it is written as.
    'default showcase.fromConfig: Nix cannot evaluate it here; ours shows config.networking.hostName',
    // The same with `pkgs`.
    'default showcase.fromPkgs: Nix cannot evaluate it here; ours shows [ pkgs.curl pkgs.jq ]',
    // `(pkgs.formats.json { }).type`: modelled on pkgs/pkgs-lib/formats.nix; Nix has no `pkgs` here.
    'type showcase.settings: ours JSON value, Nix unknown',
    // A default that is the submodule's attribute `name`: unknown to both.
    'default users.users.<name>.name: Nix cannot evaluate it here; ours shows name',
    'default users.groups.<name>.name: Nix cannot evaluate it here; ours shows name',
    'default networking.interfaces.<name>.name: Nix cannot evaluate it here; ours shows name',
    'default services.webserver.virtualHosts.<name>.serverName: Nix cannot evaluate it here; ours shows name',
    // Guarded by `lib.optionalAttrs lib.fixtureFeatureFlag`: Nix knows the
    // fixture lib's flag; to a static scan `lib` is unknown, so the whole
    // guarded set is left out rather than guessed.
    'only Nix: networking.ipv6.enable',
  ].sort());
  // Not a difference: `users.users` is declared twice (users.nix, and linger.nix
  // extending its submodule); both sides list the sub-options of both
  // declarations (`users.users.<name>.linger` included) and one `users.users`.

  // The renames, in the order the modules list them.
  const renames = ours.renames.map((r) => ({ from: r.from, ...(r.to ? { to: r.to } : {}), ...(r.removed !== undefined ? { removed: r.removed } : {}), kind: r.kind === 'mkRenamedOptionModuleWith' ? 'mkRenamedOptionModule' : r.kind }));
  const sortKey = (r: { from: string[] }): string => r.from.join('.');
  assert.deepEqual(
    renames.sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    nix.renames.map((r) => ({ ...r })).sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
  );
});
