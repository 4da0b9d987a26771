// Semantic tokens and inlay hints over a real stdio connection; the inlay hint
// setting off by default and on through `homelab.inlayHints.enable`; the
// "Create inventory from profiles" source action in a homelab without one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session, offsetAt } from './harness';

const MON = 'profiles/LXC_monitoring-config.nix';

interface Legend {
  tokenTypes: string[];
  tokenModifiers: string[];
}

function decode(data: number[], legend: Legend, text: string): { text: string; type: string; mods: string[] }[] {
  const out: { text: string; type: string; mods: string[] }[] = [];
  let line = 0;
  let ch = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
    const start = offsetAt(text, { line, character: ch });
    out.push({
      text: text.slice(start, start + data[i + 2]),
      type: legend.tokenTypes[data[i + 3]],
      mods: legend.tokenModifiers.filter((_, b) => data[i + 4] & (1 << b)),
    });
  }
  return out;
}

test('semantic tokens: known, unknown and deprecated settings, flags, addresses, strings, numbers, comments', async () => {
  const s = await Session.start();
  try {
    const legend: Legend = { tokenTypes: ['property', 'string', 'number', 'comment', 'keyword', 'variable'], tokenModifiers: ['declaration', 'deprecated', 'defaultLibrary', 'readonly', 'unknown', 'flag', 'address'] };
    const text = s.file(MON).replace('grafanaPort = 3002;', 'grafanaPort = 3002;\n    grafanaPortt = 1;\n    autoUpdateEnable = true;');
    s.open(MON, text);
    const r = await s.client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: s.uri(MON) } });
    const toks = decode(r.data, legend, text);
    const find = (t: string): { type: string; mods: string[] } | undefined => toks.find((x) => x.text === t);
    assert.deepEqual(find('grafanaEnable'), { text: 'grafanaEnable', type: 'property', mods: ['declaration', 'flag'] });
    assert.deepEqual(find('grafanaPort'), { text: 'grafanaPort', type: 'property', mods: ['declaration'] });
    assert.deepEqual(find('grafanaPortt'), { text: 'grafanaPortt', type: 'property', mods: ['declaration', 'unknown'] });
    assert.ok(find('autoUpdateEnable')?.mods.includes('flag'));
    assert.deepEqual(find('"192.168.8.85"'), { text: '"192.168.8.85"', type: 'number', mods: ['address'] });
    assert.deepEqual(find('"monitoring"'), { text: '"monitoring"', type: 'string', mods: [] });
    assert.equal(find('3002')?.type, 'number');
    assert.equal(find('true')?.type, 'keyword');
    assert.equal(find('# LXC_monitoring: Prometheus and Grafana for the whole homelab, behind nginx.')?.type, 'comment');
  } finally {
    await s.stop();
  }
});

test('the server claims semantic tokens with the legend used above, and inlay hints', async () => {
  const s = await Session.start();
  try {
    // A second server start to read capabilities from initialize.
    const { LspClient } = await import('../lspClient');
    const c = new LspClient();
    try {
      const init = await c.initialize(s.root);
      const st = init.capabilities.semanticTokensProvider as { legend: Legend; full: boolean };
      assert.deepEqual(st.legend.tokenTypes, ['property', 'string', 'number', 'comment', 'keyword', 'variable']);
      assert.deepEqual(st.legend.tokenModifiers, ['declaration', 'deprecated', 'defaultLibrary', 'readonly', 'unknown', 'flag', 'address']);
      for (const k of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentSymbolProvider', 'workspaceSymbolProvider', 'inlayHintProvider'])
        assert.equal(init.capabilities[k], true, k);
      assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true });
      await c.shutdown();
    } finally {
      c.kill();
    }
  } finally {
    await s.stop();
  }
});

test('inlay hints are off by default', async () => {
  const s = await Session.start();
  try {
    s.open(MON, s.file(MON));
    const hints = await s.client.request<unknown[]>('textDocument/inlayHint', { textDocument: { uri: s.uri(MON) }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } });
    assert.deepEqual(hints, []);
  } finally {
    await s.stop();
  }
});

test('with homelab.inlayHints.enable: owner names after addresses, effective values after overridden keys', async () => {
  const s = await Session.start({ inlayHints: { enable: true } });
  try {
    const text = s.file(MON).replace('    grafanaEnable = true;\n', '    grafanaEnable = true;\n').replace('  userSettings = base.userSettings // { };', '  userSettings = base.userSettings // { direnvEnable = false; } // { direnvEnable = true; };');
    s.open(MON, text);
    const hints = await s.client.request<{ position: { line: number; character: number }; label: string }[]>('textDocument/inlayHint', {
      textDocument: { uri: s.uri(MON) },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    });
    const lineOf = (needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));
    const at = (needle: string): string[] => hints.filter((h) => h.position.line === lineOf(needle)).map((h) => h.label.trim());
    assert.deepEqual(at('"lxc_mailer"'), ['LXC_mailer']);
    assert.deepEqual(at('prometheusPveHost'), ['pve']);
    assert.deepEqual(at('ipAddress = "192.168.8.85"'), [], "a profile's own address needs no label");
    assert.deepEqual(at('direnvEnable = false'), ['→ true']);
  } finally {
    await s.stop();
  }
});

test('without an inventory, a profile offers "Create inventory from profiles" as a source action', async () => {
  const s = await Session.start(undefined, ['homelab.yaml']);
  try {
    s.open(MON, s.file(MON));
    const actions = await s.client.request<{ title: string; kind: string; edit: { documentChanges: ({ kind?: string; uri?: string } | { textDocument: { uri: string }; edits: { newText: string }[] })[] } }[]>('textDocument/codeAction', {
      textDocument: { uri: s.uri(MON) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    const a = actions.find((x) => /Create inventory from profiles/.test(x.title));
    assert.ok(a, JSON.stringify(actions.map((x) => x.title)));
    assert.equal(a.kind, 'source');
    const [create, write] = a.edit.documentChanges;
    assert.deepEqual(create, { kind: 'create', uri: s.uri('homelab.yaml'), options: { overwrite: false, ignoreIfExists: true } });
    const body = (write as { edits: { newText: string }[] }).edits[0].newText;
    assert.match(body, /LXC_monitoring:/);
    assert.match(body, /192\.168\.8\.85/);
  } finally {
    await s.stop();
  }
});
