// examples/broken holds one of every mistake, and expected.json lists the
// diagnostic each one must produce (rule, file, 1-based line). Opening each
// file in the real VS Code must show exactly those through the language
// client; fixing a mistake in the editor must clear its diagnostic.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  diagnosticsOf, extension, ruleOf, replaceInDocument, restoreDocument, waitFor, waitForNoDiagnostics, workspaceFile, workspaceRoot,
} from '../helpers';

interface Expected { rule: string; file: string; line: number }

const expected = JSON.parse(fs.readFileSync(path.join(workspaceRoot(), 'expected.json'), 'utf8')) as Expected[];
const files = [...new Set(expected.map((e) => e.file))];

/** "rule@line" keys of the homelab diagnostics of a file (1-based lines). */
function keysOf(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri)
    .filter((d) => d.source === 'homelab')
    .map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`)
    .sort();
}

describe('examples/broken: every expected diagnostic', () => {
  before(async () => {
    await (await extension().activate()).ready;
  });

  it('lists mistakes in several files', () => {
    assert.ok(expected.length >= 10, `only ${expected.length} entries in expected.json`);
    assert.ok(files.length >= 3);
  });

  for (const file of files) {
    it(`${file}: shows ${expected.filter((e) => e.file === file).map((e) => e.rule).join(', ')}`, async () => {
      const uri = workspaceFile(...file.split('/'));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      const want = expected.filter((e) => e.file === file).map((e) => `${e.rule}@${e.line}`).sort();
      let got: string[] = [];
      try {
        await waitFor(`the diagnostics of ${file}`, () => {
          got = keysOf(uri);
          return got.length === want.length && want.every((w) => got.includes(w)) ? true : undefined;
        });
      } catch {
        assert.deepEqual(got, want, `diagnostics of ${file} (rule@line)`);
      }
    });
  }
});

describe('examples/broken: fixing a mistake clears its diagnostic', () => {
  const opened: { doc: vscode.TextDocument; original: string }[] = [];

  afterEach(async () => {
    for (const { doc, original } of opened.splice(0)) await restoreDocument(doc, original);
  });

  async function open(file: string): Promise<vscode.TextDocument> {
    const doc = await vscode.workspace.openTextDocument(workspaceFile(...file.split('/')));
    await vscode.window.showTextDocument(doc);
    opened.push({ doc, original: doc.getText() });
    return doc;
  }

  it('a string port that becomes a number: setting-type goes away', async () => {
    const doc = await open('profiles/LXC_mailer-config.nix');
    await waitFor('setting-type on LXC_mailer', () => (diagnosticsOf(doc.uri, 'setting-type').length > 0 ? true : undefined));
    await replaceInDocument(doc, 'sshPort = "22";', 'sshPort = 22;');
    await waitForNoDiagnostics(doc.uri, 'setting-type');
    // The other mistake of the file is untouched.
    assert.ok(diagnosticsOf(doc.uri, 'monitoring-coverage').length > 0, 'monitoring-coverage vanished too');
  });

  it('a duplicate VMID that becomes unique: vmid-duplicate goes away', async () => {
    const doc = await open('homelab.yaml');
    await waitFor('vmid-duplicate on homelab.yaml', () => (diagnosticsOf(doc.uri, 'vmid-duplicate').length > 0 ? true : undefined));
    const line = doc.lineAt(142).text; // line 143: LXC_mailer's vmid 108, taken by LXC_portfolioprod
    assert.match(line, /vmid: 108/);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, doc.lineAt(142).range, line.replace('108', '109'));
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await waitForNoDiagnostics(doc.uri, 'vmid-duplicate');
  });
});
