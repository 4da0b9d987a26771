// Lazy completion documentation over a real stdio connection: a client that
// resolves items (as VS Code does, `resolveSupport.properties: ['documentation']`)
// gets the settings list without documentation and each item's documentation
// from completionItem/resolve; an item of an older list comes back unchanged.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from './harness';

interface Item {
  label: string;
  documentation?: { kind: string; value: string };
  data?: unknown;
}

let s: Session;
before(async () => {
  s = await Session.start(undefined, [], { resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } });
});
after(async () => {
  await s.stop();
});

const profile = (body: string): string =>
  `let\n  base = import ./LXC-base-config.nix;\nin\n{\n  systemSettings = base.systemSettings // {\n${body}\n  };\n\n  userSettings = base.userSettings // {};\n}\n`;

async function complete(rel: string, marked: string): Promise<Item[]> {
  const pos = s.open(rel, marked);
  const list = await s.client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri: s.uri(rel) }, position: pos });
  return list.items;
}

test('settings come without documentation; completionItem/resolve adds it', async () => {
  const items = await complete('profiles/LXC_lazy-config.nix', profile('    hostname = "lazy";\n    grafanaEn|'));
  const g = items.find((i) => i.label === 'grafanaEnable');
  assert.ok(g, 'grafanaEnable offered');
  assert.equal(g.documentation, undefined, 'no documentation in the list');
  assert.ok(items.every((i) => i.documentation === undefined), 'no item carries documentation');
  const resolved = await s.client.request<Item>('completionItem/resolve', g);
  assert.equal(resolved.label, 'grafanaEnable');
  assert.equal(resolved.documentation?.kind, 'markdown');
  assert.match(resolved.documentation?.value ?? '', /Grafana/);
});

test('an item of an older list resolves to itself, without error', async () => {
  const first = await complete('profiles/LXC_lazy2-config.nix', profile('    hostname = "lazy2";\n    grafanaEn|'));
  const old = first.find((i) => i.label === 'grafanaEnable');
  assert.ok(old);
  await complete('profiles/LXC_lazy2-config.nix', profile('    hostname = "lazy2";\n    prometheusEn|'));
  const resolved = await s.client.request<Item>('completionItem/resolve', old);
  assert.deepEqual(resolved, old);
});
