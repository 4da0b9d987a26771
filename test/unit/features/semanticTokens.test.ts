// Semantic tokens, called on the analysis directly: known, unknown and flag
// settings, addresses apart from other strings, numbers, keywords, comments,
// the built-ins `import`, and nothing for YAML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { semanticTokens } from '../../../server/src/features/semanticTokens';
import { covered, fixture, ROOT } from './check';
import { FILES } from './lab';

function tokens(files: Record<string, string>, file: string): string[] {
  const fx = fixture(files);
  return semanticTokens(fx.ws, `${ROOT}/${file}`).map((t) => `${covered(fx.text(file), t.span)} ${t.type}${t.modifiers.length ? ` ${t.modifiers.join(',')}` : ''}`);
}

test('a profile: settings as declarations (unknown and flag marked), an address as a number, comment, literals', () => {
  const profile = `{
  # note
  systemSettings = {
    hostname = "x";
    ipAddress = "10.1.0.9";
    bogusThing = 3;
    sshEnable = true;
  };
}
`;
  assert.deepEqual(tokens({ ...FILES, 'profiles/LXC_db-config.nix': profile }, 'profiles/LXC_db-config.nix'), [
    '2:3 «# note» comment',
    '4:5 «hostname» property declaration',
    '4:16 «"x"» string',
    '5:5 «ipAddress» property declaration',
    '5:17 «"10.1.0.9"» number address',
    '6:5 «bogusThing» property declaration,unknown',
    '6:18 «3» number',
    '7:5 «sshEnable» property declaration,flag',
    '7:17 «true» keyword',
  ]);
});

test('import is a built-in; an interpolated string is split around the interpolation', () => {
  const profile = 'let\n  base = import ./LXC-base-config.nix;\n  n = "db";\nin\n{\n  systemSettings = base.systemSettings // {\n    hostname = "lxc-${n}-1";\n  };\n}\n';
  assert.deepEqual(tokens({ ...FILES, 'profiles/LXC_db-config.nix': profile }, 'profiles/LXC_db-config.nix'), [
    '2:10 «import» variable defaultLibrary',
    '3:7 «"db"» string',
    '7:5 «hostname» property declaration',
    '7:16 «"lxc-» string',
    '7:25 «-1"» string',
  ]);
});

test('the inventory gets no semantic tokens (YAML is left to the grammar)', () => {
  assert.deepEqual(tokens({ ...FILES }, 'homelab.yaml'), []);
});
