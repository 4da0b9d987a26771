// The settings written in a base file read by many profiles (settingPlaces.ts):
// what each reader shows of the base is kept per evaluation, so a profile's
// edit reads again that profile's alone; the findings about the base's
// settings, and who inherits each, are what a fresh workspace finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkAll } from '../../../server/src/checks/run';
import { edit, flatten, loadTree, ROOT, workspaceOf } from './helpers';

const LAB = loadTree(join(__dirname, '../../fixtures/checks/lab'));
const W = 'profiles/web-config.nix';
const B = 'profiles/base-config.nix';
/** More readers than a base file needs to keep their shapes. */
const EXTRA = 20;

/** The lab with a wrong enum value in the base, read by `web`, `mon` and twenty more copies of `web`. */
function fleet(): Record<string, string> {
  const files: Record<string, string> = { ...LAB, [B]: edit(LAB[B], 'shell = "zsh";', 'shell = "tcsh";') };
  for (let i = 0; i < EXTRA; i++) {
    const name = `p${String(i).padStart(2, '0')}`;
    files[`profiles/${name}-config.nix`] = edit(edit(LAB[W], 'hostname = "web";', `hostname = "${name}";`), 'ipAddress = "10.1.0.10";', `ipAddress = "10.1.0.${100 + i}";`);
  }
  return files;
}

/** The base's setting-enum findings with their related places, as text. */
function baseFindings(ws: ReturnType<typeof workspaceOf>): string[] {
  return flatten(ws, checkAll(ws))
    .filter((f) => f.file === B)
    .map((f) => `${f.rule}@${f.line}: ${f.message} [${(f.d.related ?? []).map((r) => `${r.uri.slice(ROOT.length + 1)} ${r.message}`).join('; ')}]`);
}

test('a profile that starts overriding a base setting leaves its inheritors, as a fresh check says, and only it is read again', () => {
  const files = fleet();
  const ws = workspaceOf(files);
  const first = baseFindings(ws);
  assert.ok(first.some((f) => f.includes('inherited by p05 through this merge')), first.join('\n'));
  assert.equal((first.find((f) => f.startsWith('setting-enum')) ?? '').split('inherited by').length - 1, EXTRA + 2, 'every profile inherits the shell');
  const p05 = `${ROOT}/profiles/p05-config.nix`;
  const overriding = edit(files['profiles/p05-config.nix'], 'userSettings = base.userSettings // { };', 'userSettings = base.userSettings // { shell = "bash"; };');
  ws.engine.resetCounts();
  ws.setDocument(p05, overriding, 2);
  const after = baseFindings(ws);
  assert.equal(ws.engine.recomputations().settingsShown, 2, "p05's shape of its own file and of the base: no other reader's");
  assert.ok(!after.some((f) => f.includes('inherited by p05')), after.join('\n'));
  assert.deepEqual(after, baseFindings(workspaceOf({ ...files, 'profiles/p05-config.nix': overriding })), 'what a fresh workspace finds');
  ws.setDocument(p05, files['profiles/p05-config.nix'], 3);
  assert.deepEqual(baseFindings(ws), first, 'and back');
});
