// Document and workspace symbols, called on the analysis directly: a profile's
// outline (settings blocks and their keys), the inventory's (sections and
// their entries), and the fuzzy workspace search over inventory names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSymbols, workspaceSymbols } from '../../../server/src/features/symbols';
import type { DocumentSymbol } from '../../../server/src/features/types';
import { covered, fixture, place, ROOT } from './check';
import { FILES } from './lab';

/** One line per symbol: indent, name, kind, detail, the selected text; children below. */
function outline(text: string, list: DocumentSymbol[], depth = 0): string[] {
  return list.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name} [${s.kind}]${s.detail ? ` ${s.detail}` : ''} @ ${covered(text, s.selection)}`,
    ...outline(text, s.children, depth + 1),
  ]);
}

test("a profile's outline: each settings block, its base, and the keys it sets", () => {
  const fx = fixture({ ...FILES });
  const file = 'profiles/LXC_web-config.nix';
  assert.deepEqual(outline(fx.text(file), documentSymbols(fx.ws, `${ROOT}/${file}`)), [
    'systemSettings [block] base.systemSettings // { … } @ 5:3 «systemSettings»',
    '  hostname [setting] "web" @ 6:5 «hostname»',
    '  ipAddress [setting] "10.1.0.5" @ 7:5 «ipAddress»',
    'userSettings [block] base.userSettings // { … } @ 9:3 «userSettings»',
  ]);
});

test("the inventory's outline: sections, and each entry with its address, CIDR or port", () => {
  const fx = fixture({ ...FILES });
  assert.deepEqual(outline(fx.text('homelab.yaml'), documentSymbols(fx.ws, `${ROOT}/homelab.yaml`)), [
    'networks [section] @ 1:1 «networks»',
    '  lan [network] 10.1.0.0/28 @ 2:3 «lan»',
    'hosts [section] @ 6:1 «hosts»',
    '  pve1 [host] 10.1.0.2 @ 7:3 «pve1»',
    'containers [section] @ 10:1 «containers»',
    '  LXC_web [container] 10.1.0.5 @ 11:3 «LXC_web»',
    '  LXC_db [container] 10.1.0.6 @ 15:3 «LXC_db»',
    'services [section] @ 19:1 «services»',
    '  site [service] 8080 @ 20:3 «site»',
    '  store [service] 5432 @ 22:3 «store»',
  ]);
});

test('a Nix file without settings blocks lists its top-level keys', () => {
  const fx = fixture({ ...FILES, 'secrets.nix': '{\n  alertEmail = "ops@example.org";\n  token = "x";\n}\n' });
  assert.deepEqual(outline(fx.text('secrets.nix'), documentSymbols(fx.ws, `${ROOT}/secrets.nix`)), ['alertEmail [key] @ 2:3 «alertEmail»', 'token [key] @ 3:3 «token»']);
});

test('workspace symbols: a fuzzy query over the inventory names', () => {
  const fx = fixture({ ...FILES });
  const find = (q: string): string[] => workspaceSymbols(fx.ws, q).map((s) => `${s.name} [${s.kind}] ${s.container ?? ''} ${place(fx.ws, s.location.uri, s.location.span)}`);
  assert.deepEqual(find('db'), ['LXC_db [container] 10.1.0.6 homelab.yaml:15:3 «LXC_db»']);
  assert.deepEqual(find('st'), ['site [service] port 8080 homelab.yaml:20:3 «site»', 'store [service] port 5432 homelab.yaml:22:3 «store»']);
  assert.deepEqual(find('zzz'), []);
});
