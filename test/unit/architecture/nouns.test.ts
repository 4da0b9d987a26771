// The product's noun is "machine" (anything deployable; a container is a
// machine whose host is a Proxmox host). Every name declared in server/src and
// client/src (types, functions, variables, parameters, members) that says
// "container" must be a true Proxmox container or an outside format's word,
// listed below with the reason. Uses of a name follow its declaration, so the
// declarations are what is checked; object-literal keys of wire data and
// string values (tree item kinds, rule ids) are not names and stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');

/** `file#name` (or `file#*` for every name of a file) → why it keeps "container". */
const ALLOWED: Record<string, string> = {
  'server/src/model/inventory.ts#ContainerDecl': 'the inventory format: an entry of `containers:` (a Proxmox container)',
  'server/src/model/inventory.ts#containers': 'the inventory format: its `containers:` map',
  'server/src/model/proxmoxLive.ts#*': 'what a Proxmox host says of its containers',
  'server/src/model/proxmoxDrift.ts#*': 'drift between an inventory container and the Proxmox container',
  'server/src/protocol/proxmoxTopology.ts#containerLive': 'the Proxmox container of a machine, when its host was read',
  'server/src/protocol/proxmoxMessages.ts#ContainerLiveState': 'the Proxmox container state the tree shows',
  'server/src/protocol/proxmoxMessages.ts#NewContainerRequest': 'New Container creates a Proxmox container',
  'server/src/protocol/proxmoxMessages.ts#NewContainerProposal': 'New Container creates a Proxmox container',
  'server/src/protocol/newContainerRequest.ts#*': 'New Container creates a Proxmox container',
  'server/src/features/newContainer/types.ts#*': 'New Container creates a Proxmox container',
  'server/src/features/newContainer/proposal.ts#newContainerProposal': 'New Container creates a Proxmox container',
  'client/src/commands/newContainer.ts#newContainer': 'New Container creates a Proxmox container',
  'server/src/checks/rules/proxmoxContainerMissing.ts#proxmoxContainerMissing': 'rule proxmox-container-missing',
  'server/src/checks/rules/proxmoxContainerStopped.ts#proxmoxContainerStopped': 'rule proxmox-container-stopped',
  'server/src/checks/rules/proxmoxUnmanagedContainer.ts#proxmoxUnmanagedContainer': 'rule proxmox-unmanaged-container',
  'server/src/model/inventoryFromProfiles.ts#containers': 'how many `containers:` entries the written inventory has',
  'server/src/protocol/customMessages.ts#containers': 'how many `containers:` entries the written inventory has (CreateInventoryResult)',
  'server/src/features/types.ts#container': "LSP's WorkspaceSymbol.containerName (the enclosing thing), not a machine",
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function declaredName(n: ts.Node): ts.Identifier | undefined {
  const named =
    ts.isInterfaceDeclaration(n) || ts.isClassDeclaration(n) || ts.isTypeAliasDeclaration(n) || ts.isEnumDeclaration(n) ||
    ts.isEnumMember(n) || ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isMethodSignature(n) ||
    ts.isPropertySignature(n) || ts.isPropertyDeclaration(n) || ts.isGetAccessor(n) || ts.isVariableDeclaration(n) ||
    ts.isParameter(n) || ts.isBindingElement(n) || ts.isImportSpecifier(n) || ts.isNamespaceImport(n);
  const name = named ? (n as { name?: ts.Node }).name : undefined;
  return name && ts.isIdentifier(name) ? name : undefined;
}

/** Every declared name with "container" in it, as `file#name` with its line. */
function containerNames(): { key: string; at: string }[] {
  const out: { key: string; at: string }[] = [];
  for (const file of [...tsFiles(path.join(root, 'server', 'src')), ...tsFiles(path.join(root, 'client', 'src'))]) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      const id = declaredName(n);
      // An import names what another file declares: that file is checked.
      if (id && /container/i.test(id.text) && !ts.isImportSpecifier(n)) {
        out.push({ key: `${rel}#${id.text}`, at: `${rel}:${sf.getLineAndCharacterOfPosition(id.getStart(sf)).line + 1}` });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

const allowed = (key: string): string | undefined => ALLOWED[key] ?? ALLOWED[key.replace(/#.*/, '#*')];

test('no name says "container" for what is not a Proxmox container', () => {
  const found = containerNames();
  assert.ok(found.length > 10, `the search finds the Proxmox names it allows (found ${found.length})`);
  const wrong = found.filter((f) => !allowed(f.key)).map((f) => `${f.at} ${f.key.replace(/.*#/, '')}`);
  assert.deepEqual(wrong, [], 'name these "machine" (anything deployable), or add them to ALLOWED with the Proxmox reason');
});

test('every allow-list entry still names something (no stale reasons)', () => {
  const keys = new Set(containerNames().flatMap((f) => [f.key, f.key.replace(/#.*/, '#*')]));
  assert.deepEqual(Object.keys(ALLOWED).filter((k) => !keys.has(k)), []);
});

test('the search sees a misnamed declaration', () => {
  const sf = ts.createSourceFile('x.ts', 'export interface ContainerNode { container: string }', ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  const visit = (n: ts.Node): void => {
    const id = declaredName(n);
    if (id) names.push(id.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  assert.deepEqual(names, ['ContainerNode', 'container']);
});
