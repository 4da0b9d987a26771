// Long dotted paths and alias bombs over real LSP (issue #9): 10,000-component
// attribute paths (`a.a.….a = 1;`), selections (`x.a.….a`) and dotted keys
// mixed into nested sets, in a bare file, a let, a rec set and a profile's
// settings; a YAML alias bomb in the inventory. The server answers every
// request, logs no internal error, and reports a dotted key nested past the
// limit with the parser's "nested too deeply" error instead of overflowing the
// stack in a later stage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileUri } from '../lsp/lspClient';
import { assertHealthy, diagnosticsFor, exercise, removeDir, request, startServer, stop, tempHomelab } from './helpers';

const N = 10_000;
const profile = (settings: string) =>
  `let\n  base = import ./LXC-base-config.nix;\nin\n{\n  systemSettings = base.systemSettings // {\n    ${settings}\n  };\n  userSettings = base.userSettings;\n}\n`;

/** Each input, and whether a "nested too deeply" error is expected for it. */
const inputs: Record<string, { text: string; tooDeep: boolean }> = {
  attrPath: { text: `{ ${'a.'.repeat(N)}a = 1; }\n`, tooDeep: true },
  attrPathNumbered: { text: `{ ${Array.from({ length: N }, (_, i) => `a${i}`).join('.')} = 1; }\n`, tooDeep: true },
  attrPathNoValue: { text: `{ ${'a.'.repeat(N)}a }\n`, tooDeep: true },
  attrPathInLet: { text: `let ${'a.'.repeat(N)}a = 1; in a\n`, tooDeep: true },
  attrPathInRec: { text: `rec { ${'a.'.repeat(N)}a = 1; b = a${'.a'.repeat(N)}; }\n`, tooDeep: true },
  attrPathDynamic: { text: `{ ${'${"a"}.'.repeat(N)}a = 1; }\n`, tooDeep: true },
  attrPathInSettings: { text: profile(`${'a.'.repeat(N)}a = 1;`), tooDeep: true },
  // Dotted keys inside nested sets: 300 sets each holding a 40-component key.
  mixedNesting: { text: `${'{ a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j.k.l.m.n = '.repeat(300)}1${'; }'.repeat(300)}\n`, tooDeep: true },
  mixedNestingShallow: { text: `${'{ a.a.a = '.repeat(120)}1${'; }'.repeat(120)}\n`, tooDeep: false },
  select: { text: `x${'.a'.repeat(N)}\n`, tooDeep: false },
  selectOr: { text: `let x = { a = 1; }; in x${'.a'.repeat(N)} or 2\n`, tooDeep: false },
  hasAttr: { text: `{ } ? ${'a.'.repeat(N)}a\n`, tooDeep: false },
  inheritFrom: { text: `let x = { }; in { inherit (x${'.a'.repeat(N)}) b; }\n`, tooDeep: false },
  selectInSettings: { text: profile(`hostname = base.systemSettings${'.a'.repeat(N)} or "h";`), tooDeep: false },
};

test('10,000-component attribute paths and selections: answered, no internal error, a clear "nested too deeply" error', { timeout: 300_000 }, async () => {
  const dir = tempHomelab();
  const client = await startServer(dir);
  try {
    for (const [name, { text, tooDeep }] of Object.entries(inputs)) {
      const file = path.join(dir, 'profiles', `LXC_${name.toLowerCase()}-config.nix`);
      const uri = fileUri(file);
      await exercise(client, file, text);
      // Also ask in the middle and at the end of the long line.
      const longest = text.split('\n').reduce((a, l, i, all) => (l.length > all[a].length ? i : a), 0);
      const len = text.split('\n')[longest].length;
      for (const character of [Math.floor(len / 2), len - 2]) {
        const position = { line: longest, character };
        await request(client, 'textDocument/completion', { textDocument: { uri }, position });
        await request(client, 'textDocument/hover', { textDocument: { uri }, position });
        await request(client, 'textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
      }
      await request(client, 'textDocument/documentSymbol', { textDocument: { uri } });
      await request(client, 'textDocument/semanticTokens/full', { textDocument: { uri } });
      await request(client, 'homelab/checkWorkspace', {});
      const diagnostics = diagnosticsFor(client, uri) ?? [];
      const messages = diagnostics.map((d) => d.message);
      assert.ok(!messages.some((m) => /internal error|call stack/i.test(m)), `${name}: ${JSON.stringify(messages)}`);
      const deep = messages.filter((m) => /nested too deeply \(more than 500 levels\)/.test(m));
      assert.equal(deep.length, tooDeep ? 1 : 0, `${name}: ${JSON.stringify(messages)}`);
      client.notify('textDocument/didClose', { textDocument: { uri } });
    }
    await assertHealthy(client, 'long attribute paths');
  } finally {
    await stop(client);
    removeDir(dir);
  }
});

test('a YAML alias bomb in the inventory: answered, one "expands too much" error', async () => {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  lines.push('containers: *a11', 'services: *a11', 'hosts: *a11', 'networks: *a11');
  const text = lines.join('\n') + '\n';
  const dir = tempHomelab();
  const client = await startServer(dir);
  try {
    const file = path.join(dir, 'homelab.yaml');
    await exercise(client, file, text, 'yaml');
    const messages = (diagnosticsFor(client, fileUri(file)) ?? []).map((d) => d.message);
    assert.equal(messages.filter((m) => /expands too much/.test(m)).length, 1, JSON.stringify(messages.slice(0, 5)));
    await assertHealthy(client, 'YAML alias bomb');
  } finally {
    await stop(client);
    removeDir(dir);
  }
});
