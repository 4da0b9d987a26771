// The extension manifest is consistent: every command has a title and a
// category and is registered by the client; every menu, view and welcome link
// points at something that exists; every setting the client reads is declared;
// every file the manifest names exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
interface Command { command: string; title: string; category?: string; icon?: string }
interface MenuItem { command: string; when?: string }
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;
const commands: Command[] = contributes.commands;
const commandIds = new Set(commands.map((c) => c.command));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}
const clientSource = sourceFiles(path.join(root, 'client', 'src')).map((f) => readFileSync(f, 'utf8')).join('\n');

test('identity and engine', () => {
  assert.equal(pkg.name, 'homelab-profiles');
  assert.equal(pkg.displayName, 'Homelab Profiles');
  assert.ok(pkg.publisher, 'a publisher id');
  assert.equal(pkg.main, './dist/extension.js');
  assert.equal(pkg.bin['homelab-check'], './dist/cli.js');
  const engine = /^\^1\.(\d+)\.\d+$/.exec(pkg.engines.vscode);
  assert.ok(engine, `engines.vscode is a caret range: ${pkg.engines.vscode}`);
  assert.ok(Number(engine[1]) <= 100, 'no newer than the VS Code 1.100 that the end-to-end tests run');
  const typesMinor = /1\.(\d+)/.exec(pkg.devDependencies['@types/vscode'])?.[1];
  assert.equal(typesMinor, engine[1], '@types/vscode at the same minor as engines.vscode');
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.ok(pkg.capabilities.untrustedWorkspaces.description.length > 20);
});

test('activation is limited to homelab workspaces, nix files and the view', () => {
  assert.deepEqual(new Set(pkg.activationEvents), new Set([
    'workspaceContains:homelab.yaml',
    'workspaceContains:homelab.yml',
    'workspaceContains:profiles/*-config.nix',
    'workspaceContains:flake.nix',
    'workspaceContains:hive.nix',
    'onLanguage:nix',
    'onView:homelab.containers',
  ]));
});

test('every command has a title and category, is unique, and is registered by the client', () => {
  assert.equal(commandIds.size, commands.length, 'command ids are unique');
  for (const c of commands) {
    assert.match(c.command, /^homelab\.[a-zA-Z]+$/);
    assert.ok(c.title && c.title.length > 2, `${c.command} has a title`);
    assert.equal(c.category, 'Homelab', `${c.command} has the Homelab category`);
    assert.ok(clientSource.includes(`'${c.command}'`), `${c.command} is registered in client/src`);
  }
  for (const required of [
    'homelab.deploy', 'homelab.deployAll', 'homelab.deployChanged', 'homelab.dryRun', 'homelab.openProfile',
    'homelab.revealInInventory', 'homelab.copyIp', 'homelab.openSshTerminal', 'homelab.checkWorkspace',
    'homelab.createInventory', 'homelab.refresh',
  ]) assert.ok(commandIds.has(required), `${required} is contributed`);
});

test('menus, views and welcome content point at things that exist', () => {
  const viewIds = new Set<string>();
  const containers = new Set<string>(contributes.viewsContainers.activitybar.map((c: { id: string }) => c.id));
  for (const [container, views] of Object.entries(contributes.views as Record<string, { id: string }[]>)) {
    assert.ok(containers.has(container), `view container ${container} exists`);
    for (const v of views) viewIds.add(v.id);
  }
  assert.ok(viewIds.has('homelab.containers'));
  for (const [menu, items] of Object.entries(contributes.menus as Record<string, MenuItem[]>)) {
    for (const item of items) {
      assert.ok(commandIds.has(item.command), `menu ${menu} names ${item.command}, which is contributed`);
      for (const view of item.when?.match(/view == ([\w.]+)/g) ?? []) {
        assert.ok(viewIds.has(view.slice('view == '.length)), `menu ${menu} names an existing view: ${view}`);
      }
    }
  }
  for (const welcome of contributes.viewsWelcome) {
    assert.ok(viewIds.has(welcome.view));
    const links = [...welcome.contents.matchAll(/\(command:([\w.]+)/g)].map((m: RegExpMatchArray) => m[1]);
    assert.ok(links.includes('homelab.openInventory') && links.includes('homelab.createInventory'));
    for (const link of links) assert.ok(commandIds.has(link), `welcome link ${link} is contributed`);
  }
});

test('every setting the client reads is declared, and every declared setting is documented', () => {
  const declared = contributes.configuration.properties as Record<string, { markdownDescription?: string; description?: string }>;
  for (const [key, value] of Object.entries(declared)) {
    assert.match(key, /^homelab\./);
    assert.ok((value.markdownDescription ?? value.description ?? '').length > 10, `${key} is documented`);
  }
  for (const key of ['homelab.inventory', 'homelab.profiles', 'homelab.defaultsFile', 'homelab.trace.server', 'homelab.rules']) {
    assert.ok(declared[key], `${key} is declared`);
  }
  // getConfiguration('homelab'...).get('x') and full 'homelab.x' keys in the client source.
  const read = new Set<string>();
  for (const m of clientSource.matchAll(/getConfiguration\('homelab(?:\.([\w.]+))?'[^)]*\)\s*\.get(?:<[^>]*>)?\('([\w.]+)'/g)) {
    read.add(`homelab.${m[1] ? m[1] + '.' : ''}${m[2]}`);
  }
  for (const key of read) assert.ok(declared[key], `the client reads ${key}, which is declared`);
  for (const key of pkg.capabilities.untrustedWorkspaces.restrictedConfigurations) {
    assert.ok(declared[key], `restricted configuration ${key} is declared`);
  }
});

test('every file the manifest names exists', () => {
  const files = [
    pkg.icon,
    ...contributes.viewsContainers.activitybar.map((c: { icon: string }) => c.icon),
    ...contributes.grammars.map((g: { path: string }) => g.path),
    ...contributes.snippets.map((s: { path: string }) => s.path),
    ...contributes.languages.flatMap((l: { configuration?: string }) => (l.configuration ? [l.configuration] : [])),
  ];
  for (const f of files) assert.ok(existsSync(path.join(root, f)), `${f} exists`);
  assert.deepEqual(contributes.languages.find((l: { id: string }) => l.id === 'nix').extensions, ['.nix']);
  const grammar = JSON.parse(readFileSync(path.join(root, contributes.grammars[0].path), 'utf8'));
  assert.equal(grammar.scopeName, 'source.nix');
});

test("homelab.exclude's default in package.json is the server's (settings.ts DEFAULT_EXCLUDE)", async () => {
  const { DEFAULT_EXCLUDE, withDefaults } = await import('../../../server/src/model/settings');
  const declared = contributes.configuration.properties['homelab.exclude'] as { default: string[] };
  assert.deepEqual(declared.default, [...DEFAULT_EXCLUDE]);
  assert.deepEqual(withDefaults({}).exclude, [...DEFAULT_EXCLUDE]);
  // An explicit empty list is kept: nothing is left out.
  assert.deepEqual(withDefaults({ exclude: [] }).exclude, []);
});
