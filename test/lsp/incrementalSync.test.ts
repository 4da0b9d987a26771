// Incremental sync over a real stdio connection: the client's change ranges
// are what the server works from (no full-text diff per keystroke, counted by
// `homelab/counters`), the results after a run of range edits (multi-byte
// text, edits across lines) are those of the same text checked afresh, and
// `homelab/topologyChanged` is sent only when the tree's content changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileUri, type LspClient } from './lspClient';
import { copyExample, isDiagnosticsFor, latestDiagnostics, startOn, type PublishedDiagnostic } from './helpers';
import type { Counters, Topology } from '../../server/src/protocol/customMessages';

interface Position {
  line: number;
  character: number;
}
interface RangeEdit {
  range: { start: Position; end: Position };
  text: string;
}

/** The test's own oracle: an LSP position (UTF-16 code units, as JavaScript strings count) as an offset. */
function offsetAt(text: string, p: Position): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + p.character;
}

function applyEdit(text: string, e: RangeEdit): string {
  return text.slice(0, offsetAt(text, e.range.start)) + e.text + text.slice(offsetAt(text, e.range.end));
}

function positionOf(text: string, needle: string, from = 0): Position {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `${needle} in the text`);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) };
}

const counters = (client: LspClient): Promise<Counters> => client.request<Counters>('homelab/counters', {});
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the whole check and the topology comparison after the last change have run (the counters stop moving). */
async function settled(client: LspClient, builtBefore: number): Promise<Counters> {
  let last = await counters(client);
  for (let i = 0; i < 100; i++) {
    await sleep(700);
    const now = await counters(client);
    if (now.topologiesBuilt > builtBefore && now.topologiesBuilt === last.topologiesBuilt) return now;
    last = now;
  }
  throw new Error('the server never compared the topology after the edits');
}

const topologyNotices = (client: LspClient): number => client.notifications.filter((m) => m.method === 'homelab/topologyChanged').length;

test('range edits reach the checks without a full-text diff, and the results match the text', async () => {
  const root = copyExample('homelab');
  const file = path.join(root, 'profiles', 'LXC_mailer-config.nix');
  // The monitoring machine's address: cross-file findings (ip-duplicate, inventory-profile-mismatch) land
  // on line 9, below the edits, and must move with them until the next whole check.
  writeFileSync(file, readFileSync(file, 'utf8').replace('ipAddress = "192.168.8.89"', 'ipAddress = "192.168.8.85"'));
  const client = await startOn(root);
  try {
    const uri = fileUri(file);
    let text = readFileSync(file, 'utf8');
    let version = 1;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version, text } });

    // Each edit checked on its own before the next (two round trips: the keystroke's check runs after the
    // request queued with it), as when typing with short pauses: every quick check moves the same findings.
    const send = async (edits: RangeEdit[]): Promise<void> => {
      for (const e of edits) text = applyEdit(text, e);
      client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: edits });
      await counters(client);
      await counters(client);
    };
    // Multi-byte text first: é is one UTF-16 unit, 𝄞 two (a surrogate pair), ☕ one.
    await send([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# café 𝄞 ☕ notes\n# second line\n' }]);
    // Typed right after the surrogate pair: character 9 counts 𝄞 as two units.
    const afterClef = positionOf(text, '𝄞');
    await send([{ range: { start: { ...afterClef, character: afterClef.character + 2 }, end: { ...afterClef, character: afterClef.character + 2 } }, text: '♪' }]);
    // One edit across two lines (from inside the first comment to inside the second), and two changes in one notification.
    await send([
      { range: { start: positionOf(text, 'notes'), end: { ...positionOf(text, 'second'), character: positionOf(text, 'second').character + 3 } }, text: 'n\n# sec' },
      { range: { start: positionOf(text, 'ond line'), end: { ...positionOf(text, 'ond line'), character: 3 + positionOf(text, 'ond line').character } }, text: 'OND' },
    ]);
    // A typo of a known setting after all that: the finding must land exactly on it.
    const key = positionOf(text, 'postfixRelayPort');
    await send([{ range: { start: { ...key, character: key.character + 'postfixRelay'.length }, end: { ...key, character: key.character + 'postfixRelayP'.length } }, text: 'Q' }]);
    assert.ok(text.includes('# café 𝄞♪ ☕ n\n# secOND line\n'), text.slice(0, 200));

    const quick = client.notifications.filter(isDiagnosticsFor(uri, version)).at(-1) ?? (await client.waitForNotification(isDiagnosticsFor(uri, version)));
    const quickCodes = (quick.params as { diagnostics: PublishedDiagnostic[] }).diagnostics.map((d) => d.code);
    assert.ok(quickCodes.includes('ip-duplicate') && quickCodes.includes('inventory-profile-mismatch'), quickCodes.join(', '));
    const typo = positionOf(text, 'postfixRelayQort');
    const found = (quick.params as { diagnostics: PublishedDiagnostic[] }).diagnostics.find((d) => d.code === 'unknown-setting');
    assert.deepEqual(found?.range, { start: typo, end: { ...typo, character: typo.character + 'postfixRelayQort'.length } });

    // The whole check of the same text says the same, at the same places (it publishes only a set that differs).
    await client.request('homelab/checkWorkspace', {});
    const sorted = (list: PublishedDiagnostic[] | undefined): string[] => (list ?? []).map((d) => JSON.stringify([d.code, d.range, d.message])).sort();
    assert.deepEqual(sorted(latestDiagnostics(client).get(uri)), sorted((quick.params as { diagnostics: PublishedDiagnostic[] }).diagnostics));

    assert.equal((await counters(client)).fullTextDiffs, 0, 'range edits cause no full-text diff');

    // A client that sends the whole text instead: the one case that is diffed (the counter can move).
    text = text.replace('postfixRelayQort', 'postfixRelayPort');
    client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
    const repaired = await client.waitForNotification(isDiagnosticsFor(uri, version));
    assert.ok(!(repaired.params as { diagnostics: PublishedDiagnostic[] }).diagnostics.some((d) => d.code === 'unknown-setting'));
    assert.equal((await counters(client)).fullTextDiffs, 1);
  } finally {
    await client.shutdown();
  }
});

test('the topology is announced only when it changed', async () => {
  const root = copyExample('homelab');
  const client = await startOn(root);
  try {
    const file = path.join(root, 'profiles', 'LXC_mailer-config.nix');
    const uri = fileUri(file);
    let text = readFileSync(file, 'utf8');
    let version = 1;
    // As the extension does: the tree asks for the topology (a client that never asks is told of every change, unbuilt).
    await client.request<Topology>('homelab/topology', {});
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version, text } });
    let before = await settled(client, (await counters(client)).topologiesBuilt);
    const noticesBefore = topologyNotices(client);

    // Typing in a comment, and a setting the tree does not show: eight keystrokes, nothing to announce.
    const edit = (at: Position, length: number, insert: string): void => {
      const e = { range: { start: at, end: { ...at, character: at.character + length } }, text: insert };
      text = applyEdit(text, e);
      client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [e] });
    };
    for (const ch of 'abcde') {
      const end = positionOf(text, ' with an `or` default.');
      edit({ ...end, character: end.character + ' with an `or` default.'.length }, 0, ch);
      await sleep(30);
    }
    const port = positionOf(text, '2525');
    for (const digit of ['6', '7', '8']) {
      edit({ ...port, character: port.character + 3 }, 1, digit);
      await sleep(30);
    }
    let after = await settled(client, before.topologiesBuilt);
    assert.equal(after.topologyNotifications, before.topologyNotifications, 'no notification for edits that leave the topology as it was');
    assert.equal(topologyNotices(client), noticesBefore);

    // A machine fact: Uptime Kuma switched off on this machine. One notification, and the tree's answer says so.
    before = after;
    const flag = positionOf(text, 'uptimeKumaEnable = true');
    edit({ ...flag, character: flag.character + 'uptimeKumaEnable = '.length }, 'true'.length, 'false');
    after = await settled(client, before.topologiesBuilt);
    assert.equal(after.topologyNotifications, before.topologyNotifications + 1);
    assert.equal(after.topologyMachineNodesMade, before.topologyMachineNodesMade + 1, "the tree's node of this machine only is made again");
    assert.equal(topologyNotices(client), noticesBefore + 1);
    const topology = await client.request<Topology>('homelab/topology', {});
    const mailer = topology.homelabs[0].machines.find((m) => m.name === 'LXC_mailer');
    assert.ok(mailer && !mailer.flagsOn.includes('uptimeKumaEnable'), mailer?.flagsOn.join(', '));
  } finally {
    await client.shutdown();
  }
});

/** Every message the server wrote, in order (the test's own framing, beside the client's). */
function recordOutput(client: LspClient): { id?: number; method?: string; params?: { uri?: string; version?: number } }[] {
  const out: { id?: number; method?: string; params?: { uri?: string; version?: number } }[] = [];
  let buffer = Buffer.alloc(0);
  client.process.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      out.push(JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
      buffer = buffer.subarray(headerEnd + 4 + length);
    }
  });
  return out;
}

function frame(message: object): Buffer {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** Sends one keystroke and a completion in the same write, `rounds` times; gives, per round, whether the completion was answered first. */
async function keystrokeOrder(rel: string, key: string, rounds: number, grow?: string): Promise<boolean[]> {
  const root = copyExample('homelab');
  const file = path.join(root, rel);
  if (grow) writeFileSync(file, readFileSync(file, 'utf8') + grow);
  const client = await startOn(root);
  const output = recordOutput(client);
  const order: boolean[] = [];
  try {
    const uri = fileUri(file);
    const text = readFileSync(file, 'utf8');
    let version = 1;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version, text } });
    const at = positionOf(text, key);
    const letter = { start: { ...at, character: at.character + key.length - 1 }, end: { ...at, character: at.character + key.length } };
    for (let round = 0; round < rounds; round++) {
      // A typo, then its repair: each changes the document's diagnostics, so each is published.
      version++;
      const id = 900_000 + round;
      client.process.stdin.write(
        Buffer.concat([
          frame({ method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ range: letter, text: round % 2 ? key[key.length - 1] : 'Q' }] } }),
          frame({ id, method: 'textDocument/completion', params: { textDocument: { uri }, position: letter.start } }),
        ]),
      );
      const answered = (): number => output.findIndex((m) => m.id === id);
      const published = (): number => output.findIndex((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri && m.params.version === version);
      for (let i = 0; i < 200 && (answered() < 0 || published() < 0); i++) await sleep(25);
      assert.ok(answered() >= 0 && published() >= 0, `round ${round}: both the answer and the diagnostics came`);
      order.push(answered() < published());
    }
  } finally {
    await client.shutdown();
  }
  return order;
}

test("a keystroke in a document of ordinary size: its own diagnostics go out before the completion sent with it", async () => {
  // The check is a fraction of a millisecond; the completion's answer is the large message to encode and send.
  const order = await keystrokeOrder(path.join('profiles', 'LXC_mailer-config.nix'), 'postfixRelayP', 6);
  assert.deepEqual(order, order.map(() => false), 'diagnostics first in every round');
});

test('a keystroke in a large document: the completion sent with it is answered first, its check after the queued messages', async () => {
  // Past the size checked at once (about 2,000 lines), a burst of keystrokes is checked once, after what came with it.
  const filler = Array.from({ length: 2_400 }, (_, i) => `# padding line ${i} to make the profile larger than the size checked at once\n`).join('');
  const order = await keystrokeOrder(path.join('profiles', 'LXC_mailer-config.nix'), 'postfixRelayP', 4, filler);
  assert.deepEqual(order, order.map(() => true), 'completion first in every round');
});
