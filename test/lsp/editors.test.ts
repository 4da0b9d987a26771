// What every LSP editor gets, not only VS Code (clients that announce less):
// changes on disk reach the model (dynamic registration, else the server's own
// watcher), a quick fix is built from the server's own finding whatever range
// the client echoes, address completion works in clients that insert at
// their own word start, plain text for clients without snippet support,
// prepareRename answers null where nothing can be renamed and settings are
// renamable, module reads of settings answer hover/definition/references, and
// settings come from initializationOptions when the client has no
// workspace/configuration. Each test fails on the code before these fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri, repoRoot } from './lspClient';
import { WATCHED_GLOBS } from '../../server/src/protocol/watchedFiles';
import { applyEdits, offsetAt, positionAt, type LspEdit } from './features/harness';

interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code?: string;
  message: string;
  data?: unknown;
  source?: string;
}

/** A server on a copy of examples/homelab, started as a client with exactly these capabilities would. */
async function start(capabilities: Record<string, unknown>, initializationOptions: unknown = {}): Promise<{ client: LspClient; root: string; uri: (rel: string) => string; stop: () => Promise<void> }> {
  const root = mkdtempSync(path.join(tmpdir(), 'homelab-editors-'));
  cpSync(path.join(repoRoot, 'examples', 'homelab'), root, { recursive: true });
  const client = new LspClient();
  const rootUri = fileUri(root);
  await client.request('initialize', { processId: process.pid, rootUri, capabilities, workspaceFolders: [{ uri: rootUri, name: 'homelab' }], initializationOptions });
  client.notify('initialized', {});
  return {
    client,
    root,
    uri: (rel) => fileUri(path.join(root, rel)),
    stop: async () => {
      await client.shutdown().catch(() => undefined);
      client.kill();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

const NEOVIM_07 = {
  textDocument: { completion: { completionItem: { snippetSupport: false } }, publishDiagnostics: { relatedInformation: true } },
  workspace: { configuration: true, workspaceFolders: false, didChangeWatchedFiles: { dynamicRegistration: false } },
};

function diagnosticsFor(client: LspClient, uri: string, match: (d: Diag) => boolean, timeoutMs = 15000): Promise<Diag[]> {
  return client
    .waitForNotification((m) => {
      if (m.method !== 'textDocument/publishDiagnostics') return false;
      const p = m.params as { uri: string; diagnostics: Diag[] };
      return p.uri === uri && p.diagnostics.some(match);
    }, timeoutMs)
    .then((m) => (m.params as { diagnostics: Diag[] }).diagnostics);
}

function open(client: LspClient, uri: string, text: string, version = 1): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: uri.endsWith('.nix') ? 'nix' : 'yaml', version, text } });
}

test('a change on disk to an unopened profile reaches a client that cannot register file watchers (the server watches)', async () => {
  const s = await start(NEOVIM_07);
  try {
    await s.client.waitForNotification((m) => m.method === 'homelab/topologyChanged', 20000);
    const rel = 'profiles/LXC_plane-config.nix';
    const file = path.join(s.root, rel);
    const before = readFileSync(file, 'utf8');
    await new Promise((r) => setTimeout(r, 300)); // the watcher starts after the first check
    writeFileSync(file, before.replace('systemSettings = base.systemSettings // {', 'systemSettings = base.systemSettings // {\n    grafanaEnabel = true;'));
    const found = await diagnosticsFor(s.client, s.uri(rel), (d) => d.code === 'unknown-setting');
    assert.ok(found.some((d) => /grafanaEnabel/.test(d.message)), JSON.stringify(found));
  } finally {
    await s.stop();
  }
});

test('a client that allows it gets a dynamic registration of the watched files', async () => {
  const registrations: unknown[] = [];
  const root = mkdtempSync(path.join(tmpdir(), 'homelab-editors-'));
  cpSync(path.join(repoRoot, 'examples', 'homelab'), root, { recursive: true });
  const client = new LspClient();
  client.requestHandlers.set('client/registerCapability', (p) => {
    registrations.push(p);
    return null;
  });
  try {
    await client.initialize(root);
    await client.waitForNotification((m) => m.method === 'homelab/topologyChanged', 20000);
    for (let i = 0; i < 50 && registrations.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const regs = (registrations as { registrations: { method: string; registerOptions: { watchers: { globPattern: string }[] } }[] }[]).flatMap((r) => r.registrations);
    const watch = regs.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watch, JSON.stringify(registrations));
    const globs = watch.registerOptions.watchers.map((w) => w.globPattern);
    assert.deepEqual(globs, [...WATCHED_GLOBS], 'the one list the VS Code client watches too');
  } finally {
    await client.shutdown().catch(() => undefined);
    client.kill();
    rmSync(root, { recursive: true, force: true });
  }
});

/** A UTF-16 position as a client that counts UTF-8 bytes would send it. */
function asBytes(text: string, p: { line: number; character: number }): { line: number; character: number } {
  const line = text.split('\n')[p.line];
  return { line: p.line, character: Buffer.byteLength(line.slice(0, p.character), 'utf8') };
}

test('a quick fix is built from the finding, not from the range the client echoes (byte columns on a non-ASCII line)', async () => {
  const s = await start(NEOVIM_07);
  try {
    const rel = 'profiles/LXC_mailer-config.nix';
    const uri = s.uri(rel);
    const original = readFileSync(path.join(s.root, rel), 'utf8');
    const text = original.replace('    postfixRelayEnable = true;', '    /* ◉🏠 */ grafanaEnabel = true;\n    postfixRelayEnable = true;');
    open(s.client, uri, text);
    const diags = await diagnosticsFor(s.client, uri, (d) => d.code === 'unknown-setting');
    const d = diags.find((x) => x.code === 'unknown-setting') as Diag;
    // As Neovim 0.7 echoes it: byte columns, and `data` with its keys in another order.
    const reversed = Object.fromEntries(Object.entries((d.data ?? {}) as Record<string, unknown>).reverse());
    const echoed = { ...d, data: reversed, range: { start: asBytes(text, d.range.start), end: asBytes(text, d.range.end) } };
    assert.notDeepEqual(echoed.range, d.range, 'the test line must make bytes and UTF-16 differ');
    const actions = await s.client.request<{ title: string; edit?: { changes?: Record<string, LspEdit[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: echoed.range,
      context: { diagnostics: [echoed] },
    });
    const fix = actions.find((a) => /Replace with `grafanaEnable`/.test(a.title));
    assert.ok(fix?.edit?.changes?.[uri], JSON.stringify(actions.map((a) => a.title)));
    const fixed = applyEdits(text, fix.edit.changes[uri]);
    assert.equal(fixed, text.replace('grafanaEnabel', 'grafanaEnable'));
  } finally {
    await s.stop();
  }
});

test('address completion in a profile: the same text whether the client applies the edit range or inserts at its own word start', async () => {
  const s = await start(NEOVIM_07);
  try {
    const rel = 'profiles/LXC_mailer-config.nix';
    const uri = s.uri(rel);
    const original = readFileSync(path.join(s.root, rel), 'utf8');
    const text = original.replace('ipAddress = "192.168.8.89";', 'ipAddress = "192.168.8.');
    open(s.client, uri, text);
    const cursor = text.indexOf('ipAddress = "192.168.8.') + 'ipAddress = "192.168.8.'.length;
    const list = await s.client.request<{ items: { label: string; textEdit: LspEdit; insertTextFormat?: number }[] }>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, cursor) });
    const item = list.items.find((i) => /^192\.168\.8\.\d+$/.test(i.label));
    assert.ok(item, JSON.stringify(list.items.slice(0, 5)));
    const byRange = applyEdits(text, [item.textEdit]);
    // Vim's way: the word is the run of keyword characters before the cursor; the item's text replaces it.
    let wordStart = cursor;
    while (wordStart > 0 && /[A-Za-z0-9_]/.test(text[wordStart - 1])) wordStart--;
    const byWord = text.slice(0, wordStart) + item.textEdit.newText + text.slice(cursor);
    const lineOf = (t: string): string => t.split('\n').find((l) => l.includes('ipAddress')) as string;
    assert.match(lineOf(byRange), new RegExp(`ipAddress = "${item.label.replace(/\./g, '\\.')}`));
    assert.equal(lineOf(byWord), lineOf(byRange));
    assert.equal(offsetAt(text, item.textEdit.range.start) <= cursor, true);
  } finally {
    await s.stop();
  }
});

test('a client without snippet support gets plain text (no tab stops)', async () => {
  const s = await start(NEOVIM_07);
  try {
    const rel = 'profiles/LXC_mailer-config.nix';
    const uri = s.uri(rel);
    const original = readFileSync(path.join(s.root, rel), 'utf8');
    const text = original.replace('    postfixRelayEnable = true;', '    grafanaPo\n    postfixRelayEnable = true;');
    open(s.client, uri, text);
    const cursor = text.indexOf('grafanaPo') + 'grafanaPo'.length;
    const list = await s.client.request<{ items: { label: string; textEdit: LspEdit; insertTextFormat?: number }[] }>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, cursor) });
    const item = list.items.find((i) => i.label === 'grafanaPort');
    assert.ok(item);
    assert.equal(item.insertTextFormat ?? 1, 1);
    assert.equal(item.textEdit.newText, 'grafanaPort = 3000;');
    for (const i of list.items) assert.doesNotMatch(i.textEdit.newText, /\$\{?\d/, i.label);
  } finally {
    await s.stop();
  }
});

test('prepareRename answers null where nothing can be renamed; a setting renames in defaults, profiles and modules as one edit', async () => {
  const s = await start(NEOVIM_07);
  try {
    const mailer = 'profiles/LXC_mailer-config.nix';
    const mailerText = readFileSync(path.join(s.root, mailer), 'utf8');
    open(s.client, s.uri(mailer), mailerText);
    const none = await s.client.request('textDocument/prepareRename', { textDocument: { uri: s.uri(mailer) }, position: positionAt(mailerText, mailerText.indexOf('192.168.8.89') + 2) });
    assert.equal(none, null);

    const defaults = 'lib/defaults.nix';
    const defaultsText = readFileSync(path.join(s.root, defaults), 'utf8');
    open(s.client, s.uri(defaults), defaultsText);
    const at = positionAt(defaultsText, defaultsText.indexOf('grafanaEnable = false') + 3);
    const prepared = await s.client.request<{ placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri: s.uri(defaults) }, position: at });
    assert.equal(prepared?.placeholder, 'grafanaEnable');
    const edit = await s.client.request<{ changes: Record<string, LspEdit[]> }>('textDocument/rename', { textDocument: { uri: s.uri(defaults) }, position: at, newName: 'grafanaOn' });
    const files = ['lib/defaults.nix', 'profiles/LXC_monitoring-config.nix', 'system/app/monitoring.nix'];
    assert.deepEqual(Object.keys(edit.changes).sort(), files.map((f) => s.uri(f)).sort());
    for (const f of files) {
      const before = readFileSync(path.join(s.root, f), 'utf8');
      const after = applyEdits(before, edit.changes[s.uri(f)]);
      assert.equal(after, before.replace(/\bgrafanaEnable\b/g, 'grafanaOn'), f);
    }
  } finally {
    await s.stop();
  }
});

test('a module reading a setting (`systemSettings.x or default`): hover, definition and references answer there', async () => {
  const s = await start(NEOVIM_07);
  try {
    const rel = 'system/app/postfix-relay.nix';
    const uri = s.uri(rel);
    const text = readFileSync(path.join(s.root, rel), 'utf8');
    open(s.client, uri, text);
    const position = positionAt(text, text.indexOf('systemSettings.postfixRelayAllowedNetworks or') + 'systemSettings.'.length + 3);
    const hover = await s.client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(hover && /postfixRelayAllowedNetworks/.test(hover.contents.value), JSON.stringify(hover));
    const refs = await s.client.request<{ uri: string }[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    assert.ok(refs.some((r) => r.uri === s.uri('profiles/LXC_mailer-config.nix')), JSON.stringify(refs));
    assert.ok(refs.some((r) => r.uri === uri));
    // The issue's own example: a declared setting read with an `or` default goes to its declaration.
    const monitoring = 'system/app/monitoring.nix';
    const monitoringText = readFileSync(path.join(s.root, monitoring), 'utf8').replace('systemSettings.prometheusRemoteTargets;', 'systemSettings.prometheusRemoteTargets or [ ];');
    open(s.client, s.uri(monitoring), monitoringText);
    const def = await s.client.request<{ uri: string }[] | { uri: string } | null>('textDocument/definition', {
      textDocument: { uri: s.uri(monitoring) },
      position: positionAt(monitoringText, monitoringText.indexOf('systemSettings.prometheusRemoteTargets or') + 'systemSettings.'.length + 2),
    });
    const defs = def === null ? [] : Array.isArray(def) ? def : [def];
    assert.ok(defs.some((d) => d.uri === s.uri('lib/defaults.nix')), JSON.stringify(def));
    // A setting no defaults file declares, read with a default (`systemSettings.backupMonitoringEnable or false`):
    // its definitions are the profiles that set it, not the read itself (Neovim answered nothing useful).
    const at = monitoringText.indexOf('systemSettings.backupMonitoringEnable or false') + 'systemSettings.'.length + 3;
    const undeclared = await s.client.request<{ uri: string; range: { start: { line: number; character: number } } }[]>('textDocument/definition', {
      textDocument: { uri: s.uri(monitoring) },
      position: positionAt(monitoringText, at),
    });
    const profile = 'profiles/LXC_monitoring-config.nix';
    const profileText = readFileSync(path.join(s.root, profile), 'utf8');
    assert.deepEqual(undeclared, [{ uri: s.uri(profile), range: { start: positionAt(profileText, profileText.indexOf('backupMonitoringEnable = true')), end: positionAt(profileText, profileText.indexOf('backupMonitoringEnable = true') + 'backupMonitoringEnable'.length) } }]);
  } finally {
    await s.stop();
  }
});

test('settings from initializationOptions.settings for a client without workspace/configuration', async () => {
  const caps = { ...NEOVIM_07, workspace: { ...NEOVIM_07.workspace, configuration: false } };
  const rel = 'profiles/LXC_mailer-config.nix';
  const typo = (t: string): string => t.replace('    postfixRelayEnable = true;', '    grafanaEnabel = true;\n    postfixRelayEnable = true;');
  for (const [options, expectWarning] of [
    [{}, true],
    [{ settings: { homelab: { rules: { 'unknown-setting': 'off' } } } }, false],
    [{ settings: { 'homelab.rules': { 'unknown-setting': 'off' } } }, false],
  ] as const) {
    const s = await start(caps, options);
    try {
      const uri = s.uri(rel);
      const text = typo(readFileSync(path.join(s.root, rel), 'utf8'));
      await s.client.waitForNotification((m) => m.method === 'homelab/topologyChanged', 20000);
      open(s.client, uri, text);
      const got = await diagnosticsFor(s.client, uri, () => true, 3000).catch(() => [] as Diag[]);
      await new Promise((r) => setTimeout(r, 800));
      const all = [...s.client.notifications]
        .filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri)
        .flatMap((m) => (m.params as { diagnostics: Diag[] }).diagnostics);
      const warned = [...got, ...all].some((d) => d.code === 'unknown-setting');
      assert.equal(warned, expectWarning, JSON.stringify(options));
    } finally {
      await s.stop();
    }
  }
});

test('address completion in the inventory after `ip: 192.168.8.`: every item edits from the same column, exactly over the typed prefix', async () => {
  const s = await start(NEOVIM_07);
  try {
    const rel = 'homelab.yaml';
    const uri = s.uri(rel);
    const original = readFileSync(path.join(s.root, rel), 'utf8');
    const typed = '    ip: 192.168.8.';
    const text = original.replace('    ip: 192.168.8.102\n', `${typed}\n`);
    open(s.client, uri, text);
    const position = positionAt(text, text.indexOf(`${typed}\n`) + typed.length);
    const list = await s.client.request<{ items: { label: string; filterText?: string; textEdit: LspEdit }[] }>('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(list.items.length > 0, 'addresses are offered');
    const starts = new Set(list.items.map((i) => i.textEdit.range.start.character));
    assert.equal(starts.size, 1, `one edit start for the whole list (Neovim 0.7 takes it as the completion's start): ${JSON.stringify(list.items.map((i) => [i.label, i.textEdit.range]))}`);
    for (const i of list.items) {
      assert.equal(i.textEdit.range.end.character, position.character, `${i.label}: ${JSON.stringify(i.textEdit)} at ${JSON.stringify(position)}`);
      assert.equal(typed.slice(0, i.textEdit.range.start.character) + i.textEdit.newText, `    ip: ${i.label}`, `${i.label} continues what was typed`);
    }
  } finally {
    await s.stop();
  }
});
