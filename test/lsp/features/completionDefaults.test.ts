// The completion list's two shapes over real stdio: a client that announces
// LSP 3.17 item defaults (`completionList.itemDefaults`, as VS Code does) gets
// the shared range and text format once in the list and items without them;
// a client that does not (Neovim's, Emacs') gets every item whole. Both
// describe the same edits, item by item, and the smaller shape is much smaller.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from './harness';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Item {
  label: string;
  sortText?: string;
  insertTextFormat?: number;
  textEdit?: { range: Range; newText: string };
  textEditText?: string;
  data?: unknown;
  documentation?: { kind: string; value: string };
}
interface List {
  isIncomplete: boolean;
  itemDefaults?: { editRange?: Range; insertTextFormat?: number; data?: unknown };
  items: Item[];
}

/** VS Code's client (vscode-languageclient 9 to 11) announces these. */
const VSCODE_ITEM_DEFAULTS = { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } };

const LAZY_DOCS = { resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } };

let whole: Session;
let shared: Session;
before(async () => {
  // Both resolve documentation lazily, as VS Code does: the lists differ in their shape alone.
  whole = await Session.start(undefined, [], LAZY_DOCS);
  shared = await Session.start(undefined, [], LAZY_DOCS, {}, VSCODE_ITEM_DEFAULTS);
});
after(async () => {
  await whole.stop();
  await shared.stop();
});

async function complete(s: Session, rel: string, marked: string): Promise<List> {
  const pos = s.open(rel, marked);
  return s.client.request<List>('textDocument/completion', { textDocument: { uri: s.uri(rel) }, position: pos });
}

/** Each item's edit as the client applies it: its own, or the list's range with its text (else its label), in its format or the list's. */
function resolved(list: List): { label: string; range: Range | undefined; newText: string; format: number | undefined }[] {
  return list.items.map((i) => ({
    label: i.label,
    range: i.textEdit?.range ?? list.itemDefaults?.editRange,
    newText: i.textEdit?.newText ?? i.textEditText ?? i.label,
    format: i.insertTextFormat ?? list.itemDefaults?.insertTextFormat,
  }));
}

const profile = (body: string): string =>
  `let\n  base = import ./LXC-base-config.nix;\nin\n{\n  systemSettings = base.systemSettings // {\n${body}\n  };\n\n  userSettings = base.userSettings // {};\n}\n`;

const cases: [string, string][] = [
  ['a settings key', profile('    hostname = "shape1";\n    grafanaEn|')],
  ['an address after a typed prefix', profile('    hostname = "shape2";\n    ipAddress = "192.168.8.|";')],
  ['a value', profile('    hostname = "shape3";\n    grafanaEnable = |')],
];

for (const [what, marked] of cases) {
  test(`${what}: both shapes make the same edits, item by item`, async () => {
    const rel = `profiles/LXC_${what.replace(/\W+/g, '_')}-config.nix`;
    const [a, b] = await Promise.all([complete(whole, rel, marked), complete(shared, rel, marked)]);
    assert.ok(a.items.length > 0, 'items offered');
    assert.equal(a.itemDefaults, undefined, 'no item defaults for a client that did not announce them');
    assert.ok(a.items.every((i) => i.textEdit && i.insertTextFormat !== undefined), 'every item whole');
    assert.deepEqual(resolved(b), resolved(a));
  });
}

test('a key typed before its value: the range and the format said once, items without them, far fewer bytes', async () => {
  const marked = profile('    hostname = "shape4";\n    defaultGatewa| = "192.168.8.1";');
  const rel = 'profiles/LXC_shape4-config.nix';
  const [a, b] = await Promise.all([complete(whole, rel, marked), complete(shared, rel, marked)]);
  assert.ok(b.items.length > 50, `many settings offered (${b.items.length})`);
  assert.ok(b.itemDefaults?.editRange, 'a default range');
  assert.ok(b.itemDefaults?.insertTextFormat !== undefined, 'a default format');
  const own = b.items.filter((i) => i.textEdit).length;
  assert.ok(own < b.items.length / 10, `${own} of ${b.items.length} items with their own edit`);
  assert.ok(b.items.some((i) => i.textEditText === undefined), 'an item whose text is its label says no text');
  assert.deepEqual(resolved(b), resolved(a));
  const [sizeA, sizeB] = [JSON.stringify(a).length, JSON.stringify(b).length];
  assert.ok(sizeB < sizeA * 0.6, `${sizeB} bytes with defaults, ${sizeA} whole`);
});

test('an item without data of its own is resolved by the list\'s default data, as the client sends it back', async () => {
  const rel = 'profiles/LXC_shape5-config.nix';
  const list = await complete(shared, rel, profile('    hostname = "shape5";\n    grafanaEn|'));
  assert.ok(list.itemDefaults?.data !== undefined, 'a default data');
  const g = list.items.find((i) => i.label === 'grafanaEnable');
  assert.ok(g, 'grafanaEnable offered');
  assert.equal(g.data, undefined, 'no data of its own (its label is its own)');
  assert.equal(g.documentation, undefined, 'documentation left to resolve');
  const r = await shared.client.request<Item>('completionItem/resolve', { ...g, data: list.itemDefaults?.data });
  assert.equal(r.documentation?.kind, 'markdown');
  assert.match(r.documentation?.value ?? '', /Grafana/);
});
