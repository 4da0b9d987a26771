// The recomputation gate (issue #25): in a generated fleet of 1,000 machines
// (bench/generate.ts), after each edit of a standard set the whole check runs
// again and the queries it re-ran are counted by the workspace's engine
// (`engine.recomputations()`: every query by name, each homelab-wide rule as
// `rule <id>`, each file whose document rules ran as `documentRules`). Counts,
// not times: a change that brings back wholesale recomputation (every profile
// evaluated, every rule run, every file's rules run) fails here on any machine.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateHomelab, type GeneratedHomelab } from '../../../bench/generate';
import { nodeFsHost } from '../../../server/src/model/host';
import { Workspace } from '../../../server/src/model/workspace';
import { checkAll, runsHomelabWide } from '../../../server/src/checks/run';
import { RULES } from '../../../server/src/checks/registry';

const dir = path.join(__dirname, '..', '..', '.tmp', 'recomputation-fleet');
let fleet: GeneratedHomelab;
let ws: Workspace;
let profileUri: string;
let profileText: string;
let inventoryUri: string;
let inventoryText: string;

/** Runs the whole check after `edit` and returns what it re-ran (queries by name, rules as `rule <id>`). */
function recountAfter(edit: () => void): Record<string, number> {
  ws.engine.resetCounts();
  edit();
  checkAll(ws);
  const counts = ws.engine.recomputations();
  if (process.env.SHOW_COUNTS) console.log(JSON.stringify(counts));
  return counts;
}

/** The homelab-wide rules that ran. */
function rulesRun(counts: Record<string, number>): string[] {
  return Object.keys(counts)
    .filter((k) => k.startsWith('rule '))
    .map((k) => k.slice(5))
    .sort();
}

const HOMELAB_RULES = RULES.filter(runsHomelabWide).map((r) => r.id);
/** The rules that judge each setting written in profiles (settingShards.ts: per profile file). */
/** The rules that keep their judgement of each machine while it is unchanged (checks/machineJudgements.ts). */
const MACHINE_RULES = ['inventory-profile-mismatch', 'port-not-open', 'port-conflict', 'monitoring-coverage', 'monitoring-coverage scrapes', 'update-not-staggered'];
const SETTING_RULES = ['unknown-setting', 'setting-type', 'setting-enum', 'deprecated-setting', 'unused-setting', 'ip-format', 'calendar-format', 'unknown-scrape-target'];

before(() => {
  fleet = generateHomelab(1000, dir);
  ws = new Workspace(nodeFsHost());
  ws.addFolder(pathToFileURL(fleet.dir).href);
  profileUri = pathToFileURL(fleet.smallProfile).href;
  profileText = readFileSync(fleet.smallProfile, 'utf8');
  inventoryUri = pathToFileURL(fleet.inventory).href;
  inventoryText = readFileSync(fleet.inventory, 'utf8');
});

test('the first whole check evaluates each profile once and runs each homelab rule once', () => {
  const counts = recountAfter(() => {});
  const h = ws.homelabs()[0];
  const profiles = h.profiles.size;
  assert.ok(profiles > 1000, `a profile per machine, and the base (${profiles})`);
  assert.ok(h.defaultsUri && !h.profiles.has(h.defaultsUri));
  assert.equal(counts.evaluate, profiles + 1, 'one evaluation per profile, and lib/defaults.nix for the catalog');
  assert.equal(ws.homelabs()[0].machines.size, 1000);
  for (const id of HOMELAB_RULES) assert.equal(counts[`rule ${id}`] ?? 0, 1, `rule ${id} once`);
  assert.equal(counts.homelabCore, 1);
  assert.ok(counts.settingFindings <= profiles, `the settings written in profiles judged once per profile file (${counts.settingFindings})`);
  assert.equal(counts.settingReaders, 1);
  for (const id of MACHINE_RULES) assert.equal(counts[`machine ${id}`], 1000, `${id} judges each machine once`);
  assert.equal(counts['profile monitoring-coverage'], profiles, "each profile's scrape targets read once");
});

test('a second whole check with nothing changed re-runs nothing', () => {
  assert.deepEqual(recountAfter(() => {}), {});
});

test('opening a profile as it is on disk re-runs no parse, evaluation or rule', () => {
  const counts = recountAfter(() => ws.setDocument(profileUri, profileText, 1));
  // The open documents are an input of the homelab build (a new file joins it), so the build runs once and is cut off;
  // document rules judge an open file apart from a closed one, so that file's run again.
  for (const name of ['parse', 'evaluate', 'settingReads', 'catalog', 'addresses']) assert.equal(counts[name], undefined, name);
  assert.equal(counts.documentRules, 1);
  assert.deepEqual(rulesRun(counts), []);
});

test('typing inside a comment re-runs one parse (and that file\'s own document rules) and nothing else', () => {
  // A trailing comment first (an edit of its own), then typing inside it.
  ws.setDocument(profileUri, `${profileText}# moved to rack 3`, 2);
  checkAll(ws);
  let counts = recountAfter(() => ws.setDocument(profileUri, `${profileText}# moved to rack 3 on monday`, 3));
  assert.deepEqual(counts, { parse: 1, documentRules: 1 });
  // Overtyping inside a comment in the middle of the file: the code keeps its offsets.
  const middle = profileText.indexOf('household ERP');
  assert.ok(middle > 0);
  const overtyped = `${profileText.slice(0, middle)}Household ERP${profileText.slice(middle + 13)}# moved to rack 3 on monday`;
  counts = recountAfter(() => ws.setDocument(profileUri, overtyped, 4));
  assert.deepEqual(counts, { parse: 1, documentRules: 1 });
});

test('a setting typed in one profile re-runs that profile only, and the rules that read profiles', () => {
  const edited = profileText.replace('grocyEnable = true;', 'grocyEnable = true;\n    timezone = "Europe/Paris";');
  assert.notEqual(edited, profileText);
  const counts = recountAfter(() => ws.setDocument(profileUri, edited, 5));
  assert.equal(counts.parse, 1);
  assert.equal(counts.evaluate, 1, 'that profile alone is evaluated again (the others import the base, not it)');
  assert.equal(counts.settingReads ?? 0, 1);
  assert.equal(counts.documentRules, 1, 'the document rules of that file alone');
  assert.equal(counts.homelabCore, 1);
  assert.equal(counts.yaml, undefined, 'the inventory is not read again');
  assert.equal(counts.catalog, undefined, 'the catalog reads no profile');
  const ran = rulesRun(counts);
  assert.ok(ran.length < HOMELAB_RULES.length, `some homelab rules do not read profiles; ran ${ran.join(', ')}`);
  assert.equal(counts.settingFindings, 2, "the settings of that profile's file and of its base are judged again, no other file's");
  assert.equal(counts.settingsShown, 2, "of the base's thousand readers only the edited profile's evaluation is walked again (and its own file's)");
  assert.equal(counts.settingReaders ?? 0, 1);
  // A valid setting: no setting rule's findings changed, so none of those rules runs again.
  for (const id of SETTING_RULES) assert.ok(!ran.includes(id), `${id} not run`);
  // No address moved (the index is cut off as equal), and the inventory did not change.
  for (const id of ['ip-duplicate', 'vmid-duplicate', 'network-overlap', 'proxmox-vmid-drift', 'unknown-reference']) assert.ok(!ran.includes(id), `${id} not run`);
  for (const id of ran) assert.equal(counts[`rule ${id}`], 1);
});

test('a typo in a setting key (the bench\'s keystroke) re-judges the settings of that profile and its base, not the fleet\'s or the scrape targets', () => {
  const at = profileText.indexOf('defaultGateway =');
  assert.ok(at > 0);
  const typo = `${profileText.slice(0, at + 13)}Q${profileText.slice(at + 14)}`;
  let counts = recountAfter(() => ws.setDocument(profileUri, typo, 6));
  // That profile's file and its base's. The address index moved (it names the gateway's place by its key), but no declared
  // address did, and the monitoring profile's scrape targets are judged against those alone.
  assert.equal(counts.settingFindings, 2);
  assert.equal(counts.declaredAddresses, 1, 'the declared addresses are read again, and cut off');
  assert.equal(counts.settingsShown, 2);
  assert.ok(rulesRun(counts).includes('unknown-setting'), 'the new finding is reported');
  // The machine rules run (the machines changed) but judge the edited profile's machine alone: the build kept every other machine's object.
  for (const id of MACHINE_RULES) assert.equal(counts[`machine ${id}`], 1, `${id} judges one machine`);
  assert.equal(counts['profile monitoring-coverage'], 1, "that profile's scrape targets alone are read again, not the monitoring profile's");
  assert.ok((counts['place ip-outside-network'] ?? 0) <= 1, 'no declared address moved: at most the edited profile\'s own place is judged again');
  assert.ok(
    [...checkAll(ws).get(profileUri) ?? []].some((d) => d.rule === 'unknown-setting' && d.message.includes('defaultGatewaQ')),
    'the typo is found',
  );
  counts = recountAfter(() => ws.setDocument(profileUri, profileText, 7));
  assert.equal(counts.settingFindings, 2);
  assert.equal(counts.evaluate, 1);
});

test('a port closed in one profile judges that machine alone, and its finding comes and goes', () => {
  const closed = profileText.replace('allowedTCPPorts = [ 22 8086 8989 9092 9100 9283 ];', 'allowedTCPPorts = [ 22 8086 9092 9100 9283 ];');
  assert.notEqual(closed, profileText);
  // Reported on the service's name in the inventory's container entry.
  const portFindings = (): string[] => [...(checkAll(ws).get(inventoryUri) ?? [])].filter((d) => d.rule === 'port-not-open').map((d) => d.message);
  let counts = recountAfter(() => ws.setDocument(profileUri, closed, 20));
  for (const id of MACHINE_RULES) assert.equal(counts[`machine ${id}`], 1, `${id} judges one machine`);
  assert.deepEqual(portFindings(), ["sonarr-0500 listens on port 8989, but LXC_c0500's allowedTCPPorts does not open it"]);
  counts = recountAfter(() => ws.setDocument(profileUri, profileText, 21));
  for (const id of MACHINE_RULES) assert.equal(counts[`machine ${id}`], 1, `${id} judges one machine`);
  assert.deepEqual(portFindings(), [], 'the port open again: the finding is gone');
});

test('an address changed in one profile re-runs that profile and the address index once', () => {
  const match = /ipAddress = "(10\.20\.\d+\.\d+)";/.exec(profileText);
  assert.ok(match);
  const before = ws.homelabs()[0].addresses;
  const edited = profileText.replace(match[0], 'ipAddress = "10.20.250.7";').replace('grocyEnable = true;', 'grocyEnable = true;\n    timezone = "Europe/Paris";');
  const counts = recountAfter(() => ws.setDocument(profileUri, edited, 8));
  assert.equal(counts.parse, 1);
  assert.equal(counts.evaluate, 1);
  assert.equal(counts.addresses, 1, 'the address index is built once');
  assert.equal(counts.documentRules, 1);
  assert.notEqual(ws.homelabs()[0].addresses, before, 'and changed');
  const ran = rulesRun(counts);
  for (const id of ['ip-duplicate', 'ip-outside-network']) assert.ok(ran.includes(id), `${id} judges the new address`);
  assert.equal(counts['place ip-outside-network'], 1, 'ip-outside-network judges the moved address alone');
  assert.ok(
    [...(checkAll(ws).get(profileUri) ?? [])].some((d) => d.rule === 'ip-outside-network' && d.message.includes('`10.20.250.7`')),
    'and finds it outside every network',
  );
  // A new address is declared: the monitoring profile's scrape targets are judged against the declared addresses again.
  assert.equal(counts.settingFindings, 3, 'that profile, its base, and the monitoring profile');
  for (const id of ['vmid-duplicate', 'proxmox-vmid-drift', 'unknown-reference']) assert.ok(!ran.includes(id), `${id} not run`);
  for (const id of rulesRun(counts)) assert.equal(counts[`rule ${id}`], 1);
});

test('the inventory edited re-reads it and evaluates no profile', () => {
  const edited = inventoryText.replace('description: Grocy (household ERP), Sonarr', 'description: Grocy (household planner), Sonarr');
  assert.notEqual(edited, inventoryText);
  const counts = recountAfter(() => ws.setDocument(inventoryUri, edited, 1));
  assert.equal(counts.yaml, 1);
  assert.equal(counts.inventory, 1);
  assert.equal(counts.parse, undefined, 'no Nix file is parsed');
  assert.equal(counts.evaluate, undefined, 'no profile is evaluated');
  assert.equal(counts.documentRules, 1, 'the inventory file alone');
  assert.equal(counts.homelabCore, 1);
  assert.equal(counts.catalog, undefined, 'the catalog does not read the inventory');
  assert.ok(rulesRun(counts).includes('vmid-duplicate'));
  for (const id of ['setting-type', 'unknown-setting', 'unused-setting']) assert.ok(!rulesRun(counts).includes(id), `${id} reads profiles, not the inventory`);
  assert.ok((counts.settingFindings ?? 0) <= 1, 'only a file whose scrape targets are judged against the inventory');
  for (const id of rulesRun(counts)) assert.equal(counts[`rule ${id}`], 1);
});

test('a scrape target whose address no machine declares any more is reported after the edit that moved it', () => {
  // The profile declares 10.20.250.7 since the address test; the inventory's `ip` still declares the old address.
  const match = /ip: (10\.20\.2\.110)\n/.exec(inventoryText);
  assert.ok(match);
  const monitoringUri = pathToFileURL(fleet.monitoringProfile).href;
  const unknownTargets = (): string[] => [...(checkAll(ws).get(monitoringUri) ?? [])].filter((d) => d.rule === 'unknown-scrape-target').map((d) => d.message);
  assert.deepEqual(unknownTargets(), []);
  const counts = recountAfter(() => ws.setDocument(inventoryUri, inventoryText.replace(match[0], 'ip: 10.20.2.251\n'), 2));
  assert.equal(counts.declaredAddresses, 1);
  assert.ok(unknownTargets().some((m) => m.includes('`10.20.2.110`')), 'the target at the address nobody declares');
});
