// What the checks remember belongs to one workspace: a fresh, clean workspace
// in the same process never reports an earlier workspace's findings (both in
// memory at the same root URI, as tests and multi-root servers have them), and
// a rule that throws is skipped but said, with its name and error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAll, checkDocumentQuick } from '../../../server/src/checks/run';
import { RULES } from '../../../server/src/checks/registry';
import { join } from 'node:path';
import { edit, loadTree, workspaceOf } from './helpers';

const PROFILE = (ip: string): string => `{\n  systemSettings = {\n    hostname = "a";\n    ipAddress = "${ip}";\n  };\n}\n`;
const DUPLICATE = {
  'profiles/LXC_a-config.nix': PROFILE('192.168.8.10'),
  'profiles/LXC_b-config.nix': PROFILE('192.168.8.10').replace('"a"', '"b"'),
};
const CLEAN = { ...DUPLICATE, 'profiles/LXC_b-config.nix': PROFILE('192.168.8.11').replace('"a"', '"b"') };

test("a clean workspace does not report an earlier workspace's ip-duplicate", () => {
  const dirty = workspaceOf(DUPLICATE);
  const rulesOf = (m: Map<string, { rule: string }[]>): string[] => [...m.values()].flat().map((d) => d.rule);
  assert.ok(rulesOf(checkAll(dirty)).includes('ip-duplicate'));
  const clean = workspaceOf(CLEAN);
  const uri = 'file:///mem/profiles/LXC_b-config.nix';
  clean.homelabFor(uri); // built, not yet checked: the quick path has nothing of its own to show
  assert.deepEqual(checkDocumentQuick(clean, uri, undefined).map((d) => d.rule), []);
  assert.ok(!rulesOf(checkAll(clean)).includes('ip-duplicate'));
});

test('a rule that throws is logged with its name and error, and the other rules still report', () => {
  const ws = workspaceOf(DUPLICATE);
  const logged: string[] = [];
  ws.logInternalError = (what, error) => logged.push(`${what}: ${(error as Error).message}`);
  const rule = RULES.find((r) => r.id === 'update-not-staggered');
  assert.ok(rule?.check && rule.checkSteps, 'a rule written in steps (the whole check runs its steps)');
  const original = { check: rule.check, checkSteps: rule.checkSteps };
  rule.check = () => {
    throw new Error('planted bug');
  };
  rule.checkSteps = function* () {
    throw new Error('planted bug');
  };
  try {
    const rules = [...checkAll(ws).values()].flat().map((d) => d.rule);
    assert.ok(rules.includes('ip-duplicate'));
  } finally {
    Object.assign(rule, original);
  }
  assert.deepEqual(logged, ['rule update-not-staggered: planted bug']);
});

test('two workspaces alive at once at the same root keep their own queries and findings through interleaved edits', () => {
  const a = workspaceOf(DUPLICATE);
  const b = workspaceOf(CLEAN);
  const rulesOf = (m: Map<string, { rule: string }[]>): string[] => [...m.values()].flat().map((d) => d.rule);
  const uri = 'file:///mem/profiles/LXC_b-config.nix';
  assert.ok(rulesOf(checkAll(a)).includes('ip-duplicate'));
  // b's engine memoised nothing of a's: its first check evaluates its own two profiles.
  b.engine.resetCounts();
  assert.ok(!rulesOf(checkAll(b)).includes('ip-duplicate'));
  assert.equal(b.engine.recomputations().evaluate, 2);
  assert.equal(b.engine.recomputations()['rule ip-duplicate'], 1);
  // Swap: a made clean, b given the duplicate; each sees its own text only.
  a.setDocument(uri, CLEAN['profiles/LXC_b-config.nix'], 1);
  b.setDocument(uri, DUPLICATE['profiles/LXC_b-config.nix'], 1);
  assert.deepEqual(checkDocumentQuick(a, uri, undefined).filter((d) => d.rule === 'ip-duplicate').length, 1, 'a quick check shows what a last saw until a checks again');
  assert.ok(!rulesOf(checkAll(a)).includes('ip-duplicate'));
  assert.deepEqual(checkDocumentQuick(a, uri, undefined).map((d) => d.rule), []);
  assert.deepEqual(checkDocumentQuick(b, uri, undefined).map((d) => d.rule), [], "b's last check was clean");
  assert.ok(rulesOf(checkAll(b)).includes('ip-duplicate'));
  const addresses = (w: typeof a): (string | undefined)[] => [...(w.homelabFor(uri)?.machines.values() ?? [])].map((m) => m.ip?.value).sort();
  assert.deepEqual(addresses(a), ['192.168.8.10', '192.168.8.11']);
  assert.deepEqual(addresses(b), ['192.168.8.10', '192.168.8.10']);
});

test('a document rule and a per-setting rule that throw on a keystroke are logged with their names, and judged again once they work', () => {
  const typo = {
    ...CLEAN,
    'lib/defaults.nix': '{ systemSettings = { hostname = ""; ipAddress = ""; sshPort = 22; }; }\n',
  };
  const ws = workspaceOf(typo);
  checkAll(ws);
  const logged: string[] = [];
  ws.logInternalError = (what, error) => logged.push(`${what}: ${(error as Error).message}`);
  const documentRule = RULES.find((r) => r.scope === 'document' && r.checkFile && r.id === 'nix-syntax');
  const settingRule = RULES.find((r) => r.checkSetting && r.id === 'unknown-setting');
  assert.ok(documentRule?.checkFile && settingRule?.checkSetting);
  const [checkFile, checkSetting] = [documentRule.checkFile, settingRule.checkSetting];
  documentRule.checkFile = () => {
    throw new Error('planted file bug');
  };
  settingRule.checkSetting = () => {
    throw new Error('planted setting bug');
  };
  const uri = 'file:///mem/profiles/LXC_a-config.nix';
  try {
    // A keystroke: a line that does not parse, and a setting the catalog does not know.
    ws.setDocument(uri, PROFILE('192.168.8.10').replace('hostname = "a";', 'hostname = "a";\n    sshPrt = 22;'), 1);
    checkDocumentQuick(ws, uri, undefined);
  } finally {
    documentRule.checkFile = checkFile;
    settingRule.checkSetting = checkSetting;
  }
  assert.ok(logged.includes('rule nix-syntax: planted file bug'), logged.join('\n'));
  assert.ok(logged.includes('rule unknown-setting: planted setting bug'), logged.join('\n'));
  // Restored, the next keystroke judges again (nothing of the failure is kept).
  ws.setDocument(uri, PROFILE('192.168.8.10').replace('hostname = "a";', 'hostname = "a";\n    sshPrt = 23;'), 2);
  assert.ok(checkDocumentQuick(ws, uri, undefined).some((d) => d.rule === 'unknown-setting'));
});

test('a setting rule that throws (judged per profile file) is logged once, not once per file, and the other setting rules still report', () => {
  const lab = loadTree(join(__dirname, '../../fixtures/checks/lab'));
  const web = 'profiles/web-config.nix';
  const ws = workspaceOf({ ...lab, [web]: edit(lab[web], '    caddyEnable = true;', '    caddyEnabel = true;') });
  const logged: string[] = [];
  ws.logInternalError = (what, error) => logged.push(`${what}: ${(error as Error).message}`);
  const rule = RULES.find((r) => r.id === 'setting-type');
  assert.ok(rule?.checkSetting);
  const original = rule.checkSetting;
  rule.checkSetting = () => {
    throw new Error('planted bug');
  };
  try {
    const found = [...checkAll(ws).values()].flat().map((d) => d.rule);
    assert.ok(found.includes('unknown-setting'), 'the typo is still reported');
    assert.ok(!found.includes('setting-type'));
  } finally {
    rule.checkSetting = original;
  }
  assert.deepEqual(logged, ['rule setting-type: planted bug']);
});
