// A module made from a file of the tree, `{ _file = f; options = (import f
// args).options; }` (stylix builds its overlay modules so), names the file it
// was made from: that file is a module of the tree, scanned on its own, not a
// helper of the module that called it. A real tree lost an option when the
// list of those files became readable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assemble, scanFiles } from '../../../server/src/model/options/scanTree';

const files: Record<string, string> = {
  // The option's value cannot be read through the call (lib is not given), only in the file scanned alone.
  'file:///t/overlays.nix': `{ lib, ... }: {
  imports = map (f: { _file = f; options = (import f { lib = null; }).options or { }; }) [ ./targets/icons.nix ];
}
`,
  'file:///t/targets/icons.nix': `{ lib, ... }: {
  options.lab.targets.icons.enable = lib.mkOption { type = lib.types.bool; default = true; };
}
`,
};

const scan = (keep: (uri: string) => string | undefined) =>
  assemble(scanFiles(Object.keys(files), undefined, { readText: keep }), Object.keys(files).length, 0).options.map((o) => `${o.path.join('.')} : ${o.type}`);

test('a file a module is made from (`_file = f`) is a module of the tree: its options are indexed', () => {
  assert.deepEqual(scan((u) => files[u]), ['lab.targets.icons.enable : boolean']);
});

test('without the `_file` naming it, a file another module imports and calls is a helper, left out', () => {
  const text = files['file:///t/overlays.nix'].replace('_file = f; ', '');
  assert.deepEqual(scan((u) => (u === 'file:///t/overlays.nix' ? text : files[u])), []);
});
