// The option index of the fixture tree (test/fixtures/options/modules), read
// statically: exact entries for a sample of options (type phrases, defaults,
// examples, descriptions, declaration positions), `<name>` and `*` segments,
// renames and removals, helpers left out, and the index's lookups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OptionIndex } from '../../../server/src/model/options/optionIndex';
import { fixtureIndex, fixtureUri, nameSpan, spanOf } from './helpers';

const data = fixtureIndex();
const index = new OptionIndex(data);
const at = (dotted: string) => {
  const o = index.lookup(dotted.split('.'));
  assert.ok(o, `no option ${dotted}`);
  return o;
};

test('the fixture tree gives a few hundred options from its modules only', () => {
  assert.ok(data.options.length >= 400, `${data.options.length} options`);
  // 19 files; 13 declare something (config-only.nix, helpers.nix, module-list.nix
  // declare nothing; vhost-options.nix, location-options.nix and
  // interface-extra.nix are helpers, imported or used as submodules).
  assert.deepEqual({ files: data.stats.files, declaring: data.stats.declaring }, { files: 19, declaring: 13 });
  // The helper files' options are not top-level options.
  for (const name of ['serverName', 'proxyPass', 'locations', 'mkPortOption', 'rejectPackets']) assert.equal(index.lookup([name]), undefined, name);
});

test('exact entries: mkOption, mkEnableOption, mkPackageOption', () => {
  assert.deepEqual(at('services.webserver.port'), {
    path: ['services', 'webserver', 'port'],
    type: 'port',
    default: '80',
    description: 'Port the web server listens on for plain HTTP.',
    declaredAt: { uri: fixtureUri('services/web/webserver.nix'), span: nameSpan('services/web/webserver.nix', 'port') },
  });
  assert.deepEqual(at('services.webserver.enable'), {
    path: ['services', 'webserver', 'enable'],
    type: 'boolean',
    default: 'false',
    example: 'true',
    description: 'Whether to enable the web server.',
    declaredAt: { uri: fixtureUri('services/web/webserver.nix'), span: nameSpan('services/web/webserver.nix', 'enable') },
  });
  const pkg = at('services.sqlserver.package');
  assert.deepEqual([pkg.type, pkg.default, pkg.example, pkg.description], [
    'package',
    'pkgs.sqlserver',
    'pkgs.sqlserver_16',
    'The sqlserver package to use. Major upgrades need a dump and a restore.',
  ]);
  const bash = at('programs.bash.package');
  assert.deepEqual([bash.type, bash.default], ['null or package', 'pkgs.bash']);
  assert.equal(at('services.webserver.logLevel').type, 'one of "debug", "info", "warn", "error"');
  assert.equal(at('services.webserver.logLevel').example, '"debug"');
  assert.equal(at('services.webserver.virtualHosts').description, 'Virtual hosts, by name. Each name is also the default\n`serverName` of its host.\n');
  assert.equal(at('services.webserver.virtualHosts').example, '{\n  "example.org" = { root = "/srv/www"; };\n}\n');
});

test('type phrases follow the module system (parentheses by class)', () => {
  const types: Record<string, string> = {
    'networking.nameservers': 'list of string',
    'networking.domain': 'null or string',
    'networking.interfaces': 'attribute set of (submodule)',
    'networking.defaultGateway': 'null or string or (submodule)',
    'networking.firewall.allowedTCPPortRanges': 'list of attribute set of port',
    'networking.hostName': 'string matching the pattern ^$|^[[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?$',
    'services.sqlserver.ensureUsers': 'list of (submodule)',
    'services.sqlserver.settings': 'submodule',
    'services.sqlserver.settings.max_connections': 'positive integer',
    'boot.kernel.sysctl': 'attribute set of (null or boolean or string or signed integer)',
    'boot.loader.grub.configurationLimit': 'unsigned integer',
    'boot.kernelPackages': 'raw value',
    'showcase.nullableList': 'null or (list of string)',
    'showcase.settings': 'JSON value',
    'showcase.untyped': 'unspecified value',
    'programs.git.signing': 'null or (submodule)',
    'programs.git.extraConfig': 'strings concatenated with "\\n" or attribute set of attribute set of anything',
  };
  for (const [p, t] of Object.entries(types)) assert.equal(at(p).type, t, p);
});

test('defaults: printed values, defaultText, source text of what is not known', () => {
  const defaults: Record<string, string | undefined> = {
    'networking.timeServers': '[ "0.pool.example.org" "1.pool.example.org" ]',
    'services.sqlserver.dataDir': '"/var/lib/sqlserver/${config.services.sqlserver.package.version}"',
    'boot.kernelPackages': 'pkgs.linuxPackages',
    'showcase.attrsDefault': '{ a = "x"; b = 2; "with space" = true; }',
    'showcase.escaped': '"say \\"hi\\"\\n\\${not interpolated}"',
    'showcase.fromConfig': 'config.networking.hostName',
    'showcase.fromPkgs': '[ pkgs.curl pkgs.jq ]',
    'services.exporters.zfs.port': '9134',
    'services.photos.dataDir': '"/var/lib/photos"',
    'networking.fqdn': '"${networking.hostName}.${networking.domain}"',
    'system.build.toplevel': undefined,
  };
  for (const [p, d] of Object.entries(defaults)) assert.equal(at(p).default, d, p);
  assert.equal(at('showcase.markdown').example, "the machine's *host name*");
  assert.equal(at('showcase.markdown').description, 'Written in **Markdown**.');
  assert.equal(at('showcase.nullableList').description, 'A list, or `null`.');
  assert.equal(at('services.exporters.zfs.enable').description, 'Whether to enable the zfs exporter.');
});

test('flags: readOnly, internal, hidden', () => {
  const top = at('system.build.toplevel');
  assert.deepEqual([top.readOnly, top.internal, top.visible], [true, true, undefined]);
  const cmds = at('system.extraSystemBuilderCmds');
  assert.deepEqual([cmds.readOnly, cmds.internal, cmds.visible], [undefined, true, false]);
  assert.equal(at('networking.fqdn').readOnly, true);
});

test('submodules: <name> under attrsOf, * under listOf, nested and by path', () => {
  const paths = data.options.map((o) => o.path.join('.'));
  for (const p of [
    'services.webserver.virtualHosts.<name>.serverName',
    'services.webserver.virtualHosts.<name>.listen.*.port',
    'services.webserver.virtualHosts.<name>.locations.<name>.proxyPass',
    'networking.interfaces.<name>.ipv4.addresses.*.prefixLength',
    'networking.interfaces.<name>.wakeOnLan.enable',
    'services.sqlserver.ensureUsers.*.ensureClauses.superuser',
    'programs.git.includes.*.contents',
    'programs.git.signing.signByDefault',
    'networking.defaultGateway.metric',
    'users.users.<name>.openssh.authorizedKeys.keys',
    'users.users.<name>.linger',
  ])
    assert.ok(paths.includes(p), p);
  assert.equal(at('networking.interfaces.<name>.ipv4.addresses.*.prefixLength').type, 'integer between 0 and 32 (both inclusive)');
  assert.equal(at('networking.interfaces.<name>.ipv6.addresses.*.prefixLength').type, 'integer between 0 and 128 (both inclusive)');
  // Declared in the helper file, where the option's name is.
  assert.deepEqual(at('services.webserver.virtualHosts.<name>.locations.<name>.priority').declaredAt, {
    uri: fixtureUri('services/web/location-options.nix'),
    span: nameSpan('services/web/location-options.nix', 'priority'),
  });
  // A submodule's own `imports` declare its options too.
  assert.deepEqual(at('networking.firewall.interfaces.<name>.rejectPackets').declaredAt, {
    uri: fixtureUri('networking/interface-extra.nix'),
    span: nameSpan('networking/interface-extra.nix', 'rejectPackets'),
  });
  // A submodule with a freeformType: names beyond its options are allowed below it.
  assert.equal(at('services.sqlserver.settings').freeform, true);
  assert.equal(at('services.sqlserver.settings.max_connections').freeform, undefined);
  assert.equal(at('networking.interfaces').freeform, undefined);
  // A key called `options` inside an option set is an option like any other.
  assert.equal(at('programs.git.delta.options').type, 'attribute set of (string or boolean or signed integer)');
});

test('lookup matches concrete names against <name>; * only against *', () => {
  assert.equal(index.lookup(['users', 'users', 'alice', 'home'])?.path.join('.'), 'users.users.<name>.home');
  assert.equal(index.lookup(['services', 'webserver', 'virtualHosts', 'example.org', 'locations', '/api', 'proxyPass'])?.type, 'null or string');
  assert.equal(index.lookup(['services', 'sqlserver', 'ensureUsers', '*', 'name'])?.type, 'string');
  assert.equal(index.lookup(['services', 'sqlserver', 'ensureUsers', '0', 'name']), undefined);
  assert.equal(index.lookup(['services', 'nope']), undefined);
  assert.equal(index.lookup(['services']), undefined);
  assert.ok(index.has(['services']));
  assert.deepEqual(index.declaration(['users', 'users', 'bob', 'uid']), { uri: fixtureUri('users/users.nix'), span: nameSpan('users/users.nix', 'uid') });
});

test('childrenOf lists the names below a prefix, for completion', () => {
  const grub = index.childrenOf(['boot', 'loader', 'grub']).map((c) => c.name);
  assert.deepEqual(grub, ['configurationLimit', 'device', 'enable', 'timeout']);
  const web = index.childrenOf(['services', 'webserver']);
  assert.deepEqual(web.find((c) => c.name === 'virtualHosts'), { name: 'virtualHosts', option: at('services.webserver.virtualHosts'), hasChildren: true });
  assert.deepEqual(web.find((c) => c.name === 'port')?.hasChildren, false);
  const vhost = index.childrenOf(['services', 'webserver', 'virtualHosts', 'example.org']).map((c) => c.name);
  assert.deepEqual(vhost, ['forceSSL', 'listen', 'locations', 'root', 'serverAliases', 'serverName']);
  assert.deepEqual(index.childrenOf(['users', 'users', 'alice']).map((c) => c.name), [
    'description', 'extraGroups', 'hashedPasswordFile', 'home', 'isNormalUser', 'isSystemUser', 'linger', 'name', 'openssh', 'shell', 'uid',
  ]);
  assert.deepEqual(index.childrenOf(['services', 'webserver', 'virtualHosts']).map((c) => c.name), ['<name>']);
  assert.ok(index.childrenOf([]).some((c) => c.name === 'services' && c.hasChildren && !c.option));
  // 33 services and `services.oldapp`, removed: an option all the same (hidden).
  assert.equal(index.childrenOf(['services']).length, 34);
});

test('renames and removals from imports', () => {
  const r = (from: string) => data.renames.find((x) => x.from.join('.') === from);
  assert.deepEqual(r('services.webserver.httpPort'), {
    from: ['services', 'webserver', 'httpPort'],
    to: ['services', 'webserver', 'port'],
    kind: 'mkRenamedOptionModule',
    declaredAt: { uri: fixtureUri('services/web/webserver.nix'), span: { start: spanOf('services/web/webserver.nix', 'lib.mkRenamedOptionModule').start, end: spanOf('services/web/webserver.nix', '"port" ])').end - 1 } },
  });
  assert.equal(r('services.webserver.enableSSLv3')?.removed, 'SSLv3 is insecure and no longer supported.');
  assert.deepEqual(r('programs.zsh.enableAutosuggestions')?.to, ['programs', 'zsh', 'autosuggestion', 'enable']);
  assert.equal(r('programs.git.userEmailAddress')?.kind, 'mkAliasOptionModule');
  assert.equal(r('services.oldapp')?.removed, 'The oldapp service was removed: it is unmaintained.\n');
  assert.equal(data.renames.length, 7);
  assert.deepEqual(index.renameOf(['services', 'webserver', 'httpPort'])?.now, ['services', 'webserver', 'port']);
  assert.deepEqual(index.renameOf(['services', 'oldapp', 'enable'])?.rest, ['enable']);
  assert.equal(index.renameOf(['services', 'oldapp', 'enable'])?.now, undefined);
  assert.equal(index.renameOf(['services', 'webserver', 'port']), undefined);
});

test('what is not known statically is left out or unknown, never invented', () => {
  // Guarded by a condition only Nix can evaluate.
  assert.equal(index.lookup(['networking', 'ipv6', 'enable']), undefined);
  assert.equal(index.has(['networking', 'ipv6']), false);
  // A type that comes from pkgs: only the settings formats are modelled (formatIdioms.test.ts has one that is not).
  assert.equal(at('showcase.settings').type, 'JSON value');
  // `users.users` declared twice: the first declaration is kept, the second's sub-options added.
  assert.equal(data.options.filter((o) => o.path.join('.') === 'users.users').length, 1);
});

test('OptionIndex.combine joins indexes, the first declaration winning', () => {
  const extra = new OptionIndex({
    options: [
      { path: ['services', 'webserver', 'port'], type: 'string', declaredAt: { uri: 'file:///x.nix', span: { start: 0, end: 1 } } },
      { path: ['homelab', 'role'], type: 'string', declaredAt: { uri: 'file:///x.nix', span: { start: 2, end: 3 } } },
    ],
    renames: [],
  });
  const both = OptionIndex.combine([index, extra]);
  assert.equal(both.lookup(['services', 'webserver', 'port'])?.type, 'port');
  assert.equal(both.lookup(['homelab', 'role'])?.type, 'string');
  assert.equal(both.size, index.size + 2);
});
