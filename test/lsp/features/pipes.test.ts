// Completion, hover, definition and rename through pipelines (`x |> f`,
// `f <| x`), over a real stdio connection against a copy of examples/homelab
// with a profile and a module written with pipes. Cursors are marked with `§`
// (the harness's usual `|` is half of `|>`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Session, applyEdits, expandSnippet, type LspEdit, type LspRange } from './harness';

const PROFILE = 'profiles/LXC_flow-config.nix';
const MODULE = 'system/app/flow-metrics.nix';

// The settings set flows into the base through a pipe; one value is a pipeline reading the base.
const profileText = `# LXC_flow: a profile written with pipes.
let
  base = import ./LXC-base-config.nix;
in
{
  systemSettings = {
    hostname = "flow";
    grafanaEnable = true;
    allowedTCPPorts = base.systemSettings.allowedTCPPorts ++ [ 3000 ] |> builtins.sort builtins.lessThan;
  } |> (own: base.systemSettings // own);

  userSettings = (own: base.userSettings // own) <| { };
}
`;

// A module that reads settings inside pipelines.
const moduleText = `# Flow metrics: opens the Grafana port when the profile asks for Grafana.
{ lib, systemSettings, ... }:
{
  networking.firewall.allowedTCPPorts =
    [ 3000 ] |> lib.optionals (systemSettings.grafanaEnable |> builtins.seq null |> (_: systemSettings.grafanaEnable));
  services.prometheus.exporters.node.enable = lib.id <| systemSettings.prometheusExporterEnable or false;
}
`;

let s: Session;
before(async () => {
  s = await Session.start(undefined, [], {}, { [PROFILE]: profileText, [MODULE]: moduleText });
  s.open(PROFILE, profileText, null);
  s.open(MODULE, moduleText, null);
});
after(async () => {
  await s.stop();
});

interface Loc {
  uri: string;
  range: LspRange;
}
interface Item {
  label: string;
  sortText?: string;
  textEdit: { range: LspRange; newText: string };
}

const where = (l: Loc): string => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line + 1}`;

async function hover(rel: string, text: string, find: string, delta = 1): Promise<string> {
  const h = await s.client.request<{ contents: { value: string } } | null>('textDocument/hover', {
    textDocument: { uri: s.uri(rel) },
    position: s.pos(rel, find, delta, text),
  });
  return h?.contents.value ?? '';
}

async function complete(rel: string, marked: string): Promise<{ items: Item[]; text: string }> {
  const pos = s.open(rel, marked, '§');
  const list = await s.client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri: s.uri(rel) }, position: pos });
  const items = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  return { items, text: marked.replace('§', '') };
}

test('hover on a setting of a set piped into the base (`{ … } |> (own: base // own)`) and on a base read inside a pipeline', async () => {
  const g = await hover(PROFILE, profileText, 'grafanaEnable');
  assert.match(g, /Run Grafana/);
  assert.match(g, /Effective value: `true` — set here; overrides `false` from defaults\.nix:187/);
  // `base.systemSettings.allowedTCPPorts` on the left of `|>`.
  const read = await hover(PROFILE, profileText, 'allowedTCPPorts ++', 2);
  assert.match(read, /TCP ports opened in the firewall/);
});

test('hover on settings a module reads inside `|>` and `<|` pipelines', async () => {
  const inPipe = await hover(MODULE, moduleText, 'grafanaEnable |>', 2);
  assert.match(inPipe, /Run Grafana/);
  const inLambda = await hover(MODULE, moduleText, 'grafanaEnable));', 2);
  assert.match(inLambda, /Run Grafana/);
  const from = await hover(MODULE, moduleText, 'prometheusExporterEnable', 2);
  assert.match(from, /\*\*prometheusExporterEnable\*\*/);
});

test('definition of a setting in a piped set and of a module read in a pipeline → lib/defaults.nix', async () => {
  for (const [rel, text, find] of [
    [PROFILE, profileText, 'grafanaEnable'],
    [MODULE, moduleText, 'grafanaEnable |>'],
    [MODULE, moduleText, 'grafanaEnable));'],
  ] as const) {
    const defs = await s.client.request<Loc[]>('textDocument/definition', { textDocument: { uri: s.uri(rel) }, position: s.pos(rel, find, 2, text) });
    assert.ok(defs.map(where).includes('defaults.nix:187'), `${rel} ${find}: ${defs.map(where).join(', ')}`);
  }
});

test('completion of setting keys inside a set piped with `|>` and one fed with `<|`', async () => {
  const into = `let\n  base = import ./LXC-base-config.nix;\nin\n{\n  systemSettings = {\n    hostname = "c1";\n    grafanaEn§\n  } |> (own: base.systemSettings // own);\n}\n`;
  const a = await complete('profiles/LXC_c1-config.nix', into);
  const g = a.items.find((i) => i.label === 'grafanaEnable');
  assert.ok(g, `grafanaEnable offered (got ${a.items.slice(0, 5).map((i) => i.label).join(', ')})`);
  assert.equal(
    applyEdits(a.text, [{ ...g.textEdit, newText: expandSnippet(g.textEdit.newText) }]),
    a.text.replace('grafanaEn\n', 'grafanaEnable = true;\n'),
  );
  const from = `let\n  base = import ./LXC-base-config.nix;\nin\n{\n  systemSettings = (own: base.systemSettings // own) <| {\n    hostname = "c2";\n    allowedTCP§\n  };\n}\n`;
  const b = await complete('profiles/LXC_c2-config.nix', from);
  assert.ok(b.items.some((i) => i.label === 'allowedTCPPorts'), `allowedTCPPorts offered (got ${b.items.slice(0, 5).map((i) => i.label).join(', ')})`);
  // A value inside a pipeline: booleans for a flag.
  const value = `let\n  base = import ./LXC-base-config.nix;\nin\n{\n  systemSettings = base.systemSettings // {\n    grafanaEnable = §;\n  } |> (x: x);\n}\n`;
  const c = await complete('profiles/LXC_c3-config.nix', value);
  assert.deepEqual(c.items.map((i) => i.label).filter((l) => l === 'true' || l === 'false').sort(), ['false', 'true']);
});

test('rename a setting from a pipeline: the piped profile key, the module reads in `|>` pipelines, defaults and other profiles', async () => {
  s.open(PROFILE, profileText, null);
  s.open(MODULE, moduleText, null);
  const edit = await s.client.request<{ changes: Record<string, LspEdit[]> }>('textDocument/rename', {
    textDocument: { uri: s.uri(MODULE) },
    position: s.pos(MODULE, 'grafanaEnable |>', 2, moduleText),
    newName: 'grafanaOn',
  });
  assert.equal(applyEdits(moduleText, edit.changes[s.uri(MODULE)]), moduleText.replaceAll('systemSettings.grafanaEnable', 'systemSettings.grafanaOn'));
  assert.equal(applyEdits(profileText, edit.changes[s.uri(PROFILE)]), profileText.replace('grafanaEnable = true', 'grafanaOn = true'));
  assert.match(applyEdits(s.file('lib/defaults.nix'), edit.changes[s.uri('lib/defaults.nix')]), /grafanaOn = false;/);
  // The same rename started on the piped profile's key gives the same edit.
  const fromProfile = await s.client.request<{ changes: Record<string, LspEdit[]> }>('textDocument/rename', {
    textDocument: { uri: s.uri(PROFILE) },
    position: s.pos(PROFILE, 'grafanaEnable', 2, profileText),
    newName: 'grafanaOn',
  });
  assert.deepEqual(Object.keys(fromProfile.changes).sort(), Object.keys(edit.changes).sort());
});
