// The inventory schema: it compiles with Ajv 2020 in strict mode, the example
// homelab and the inventory snippet satisfy it, and each kind of mistake a
// homelab user makes fails at the exact path with the expected keyword.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import type { ErrorObject } from 'ajv';
import { exampleDir, newAjv, readJson } from './helpers';

const schema = readJson('schemas/inventory.schema.json') as Record<string, unknown>;
const validate = newAjv().compile(schema);
const example = (): Record<string, any> => // eslint-disable-line @typescript-eslint/no-explicit-any -- test mutates arbitrary YAML data
  YAML.parse(readFileSync(path.join(exampleDir, 'homelab.yaml'), 'utf8'));

function errorsOf(data: unknown): ErrorObject[] {
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

test('the schema is a 2020-12 schema with an $id and documents every property', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(String(schema.$id), /inventory\.schema\.json$/);
  const undocumented: string[] = [];
  const visit = (node: unknown, at: string): void => {
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    for (const [key, prop] of Object.entries((obj.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      const target = typeof prop.$ref === 'string' && !prop.description ? resolve(prop.$ref) : prop;
      if (typeof target.description !== 'string' || typeof target.markdownDescription !== 'string') undocumented.push(`${at}/${key}`);
      else if (key !== '$schema' && !Array.isArray(target.examples) && !Array.isArray(resolveRef(target).examples)) undocumented.push(`${at}/${key} (examples)`);
      visit(prop, `${at}/${key}`);
    }
    for (const [key, def] of Object.entries((obj.$defs ?? {}) as Record<string, unknown>)) visit(def, `#/$defs/${key}`);
  };
  const resolveRef = (p: Record<string, unknown>): Record<string, unknown> => (typeof p.$ref === 'string' ? resolve(p.$ref) : p);
  const resolve = (ref: string): Record<string, unknown> =>
    ref.split('/').slice(1).reduce<Record<string, unknown>>((n, k) => n[k] as Record<string, unknown>, schema);
  visit(schema, '#');
  assert.deepEqual(undocumented, []);
});

test('examples/homelab/homelab.yaml is valid', () => {
  assert.deepEqual(errorsOf(example()), []);
});

test('a minimal inventory and x- extension keys are valid', () => {
  assert.deepEqual(errorsOf({}), []);
  assert.deepEqual(errorsOf({ version: 1, containers: { LXC_a: { ip: '10.0.0.5' } } }), []);
  assert.deepEqual(errorsOf({ 'x-defaults': { host: 'pve' }, networks: { lan: { cidr: 'fd00:8::/64' } } }), []);
});

type Mutation = (inv: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any -- YAML data

const bad: Array<{ name: string; mutate: Mutation; path: string; keyword: string }> = [
  { name: 'vmid below 100', mutate: (i) => (i.containers.LXC_HOME.vmid = 99), path: '/containers/LXC_HOME/vmid', keyword: 'minimum' },
  { name: 'vmid not a number', mutate: (i) => (i.containers.LXC_HOME.vmid = '101a'), path: '/containers/LXC_HOME/vmid', keyword: 'type' },
  { name: 'vmid a fraction', mutate: (i) => (i.containers.LXC_HOME.vmid = 101.5), path: '/containers/LXC_HOME/vmid', keyword: 'type' },
  { name: 'container ip out of range', mutate: (i) => (i.containers.LXC_HOME.ip = '192.168.8.300'), path: '/containers/LXC_HOME/ip', keyword: 'anyOf' },
  { name: 'container ip with a prefix', mutate: (i) => (i.containers.LXC_HOME.ip = '192.168.8.80/24'), path: '/containers/LXC_HOME/ip', keyword: 'anyOf' },
  { name: 'container without ip', mutate: (i) => delete i.containers.LXC_HOME.ip, path: '/containers/LXC_HOME', keyword: 'required' },
  { name: 'cidr without prefix', mutate: (i) => (i.networks.home.cidr = '192.168.8.0'), path: '/networks/home/cidr', keyword: 'anyOf' },
  { name: 'cidr prefix too long', mutate: (i) => (i.networks.home.cidr = '192.168.8.0/33'), path: '/networks/home/cidr', keyword: 'anyOf' },
  { name: 'network without cidr', mutate: (i) => delete i.networks.guest.cidr, path: '/networks/guest', keyword: 'required' },
  { name: 'gateway not an address', mutate: (i) => (i.networks.home.gateway = 'pfsense'), path: '/networks/home/gateway', keyword: 'anyOf' },
  { name: 'dns not a list of addresses', mutate: (i) => (i.networks.home.dns = ['1.1.1']), path: '/networks/home/dns/0', keyword: 'anyOf' },
  { name: 'unknown host kind', mutate: (i) => (i.hosts.pve.kind = 'hypervisor'), path: '/hosts/pve/kind', keyword: 'enum' },
  { name: 'typo at the top level', mutate: (i) => ((i.hots = i.hosts), delete i.hosts), path: '', keyword: 'additionalProperties' },
  { name: 'typo in a container', mutate: (i) => (i.containers.LXC_HOME.serivces = []), path: '/containers/LXC_HOME', keyword: 'additionalProperties' },
  { name: 'typo in a service', mutate: (i) => (i.services.grafana.prot = 3000), path: '/services/grafana', keyword: 'additionalProperties' },
  { name: 'port above 65535', mutate: (i) => (i.services.grafana.port = 70000), path: '/services/grafana/port', keyword: 'maximum' },
  { name: 'port zero', mutate: (i) => (i.services.grafana.port = 0), path: '/services/grafana/port', keyword: 'minimum' },
  { name: 'unknown expose', mutate: (i) => (i.services.grafana.expose = 'public'), path: '/services/grafana/expose', keyword: 'enum' },
  { name: 'url not a URI', mutate: (i) => (i.services.grafana.url = 'monitor local'), path: '/services/grafana/url', keyword: 'format' },
  { name: 'service protocol', mutate: (i) => (i.services.grafana.protocol = 'sctp'), path: '/services/grafana/protocol', keyword: 'enum' },
  { name: 'name with a space', mutate: (i) => (i.containers['LXC HOME'] = { ip: '192.168.8.95' }), path: '/containers', keyword: 'pattern' },
  { name: 'name starting with -', mutate: (i) => (i.containers['-oProxyCommand'] = { ip: '192.168.8.95' }), path: '/containers', keyword: 'pattern' },
  { name: 'bad service name in a list', mutate: (i) => (i.containers.LXC_HOME.services = ['jelly fin']), path: '/containers/LXC_HOME/services/0', keyword: 'pattern' },
  { name: 'repeated service in a list', mutate: (i) => (i.containers.LXC_mailer.services = ['postfix', 'postfix']), path: '/containers/LXC_mailer/services', keyword: 'uniqueItems' },
  { name: 'hostname with a dot', mutate: (i) => (i.containers.LXC_HOME.hostname = 'home.lan'), path: '/containers/LXC_HOME/hostname', keyword: 'pattern' },
  { name: 'absolute profile path', mutate: (i) => (i.containers.LXC_HOME.profile = '/etc/home.nix'), path: '/containers/LXC_HOME/profile', keyword: 'pattern' },
  { name: 'profile not a .nix file', mutate: (i) => (i.containers.LXC_HOME.profile = 'profiles/home'), path: '/containers/LXC_HOME/profile', keyword: 'pattern' },
  { name: 'update not a string', mutate: (i) => (i.containers.LXC_HOME.update = 7), path: '/containers/LXC_HOME/update', keyword: 'type' },
  { name: 'version 2', mutate: (i) => (i.version = 2), path: '/version', keyword: 'const' },
  { name: 'unknown deploy method', mutate: (i) => (i.deploy.method = 'ansible'), path: '/deploy/method', keyword: 'enum' },
  { name: 'deploy user as an option', mutate: (i) => (i.deploy.user = '-oProxyCommand=sh'), path: '/deploy/user', keyword: 'pattern' },
  { name: 'deploy user with @', mutate: (i) => (i.deploy.user = 'root@evil'), path: '/deploy/user', keyword: 'pattern' },
  { name: 'dotfilesDir relative', mutate: (i) => (i.deploy.dotfilesDir = '.dotfiles'), path: '/deploy/dotfilesDir', keyword: 'pattern' },
  { name: 'dotfilesDir with ~', mutate: (i) => (i.deploy.dotfilesDir = '~/.dotfiles'), path: '/deploy/dotfilesDir', keyword: 'pattern' },
  { name: 'dotfilesDir with a shell character', mutate: (i) => (i.deploy.dotfilesDir = '/home/a/$(id)'), path: '/deploy/dotfilesDir', keyword: 'pattern' },
  { name: 'command with ;', mutate: (i) => (i.deploy.command = './install.sh {dir}; rm -rf /'), path: '/deploy/command', keyword: 'pattern' },
  { name: 'command with a pipe', mutate: (i) => (i.deploy.command = './install.sh | tee log'), path: '/deploy/command', keyword: 'pattern' },
  { name: 'command with an unknown placeholder', mutate: (i) => (i.deploy.command = './install.sh {proflie}'), path: '/deploy/command', keyword: 'pattern' },
  { name: 'sshOptions not a list', mutate: (i) => (i.deploy.sshOptions = '-o BatchMode=yes'), path: '/deploy/sshOptions', keyword: 'type' },
  { name: 'parallel zero', mutate: (i) => (i.deploy.parallel = 0), path: '/deploy/parallel', keyword: 'minimum' },
  { name: 'parallel in a container override', mutate: (i) => (i.containers.LXC_monitoring.deploy.parallel = 2), path: '/containers/LXC_monitoring/deploy', keyword: 'additionalProperties' },
  { name: 'override user with @', mutate: (i) => (i.containers.LXC_monitoring.deploy.user = 'a@b'), path: '/containers/LXC_monitoring/deploy/user', keyword: 'pattern' },
  { name: 'vlan out of range', mutate: (i) => (i.networks.home.vlan = 5000), path: '/networks/home/vlan', keyword: 'maximum' },
];

for (const c of bad) {
  test(`rejects: ${c.name}`, () => {
    const inv = example();
    c.mutate(inv);
    const errors = errorsOf(inv);
    assert.ok(
      errors.some((e) => e.instancePath === c.path && e.keyword === c.keyword),
      `expected ${c.keyword} at "${c.path}", got ${JSON.stringify(errors.map((e) => [e.instancePath, e.keyword]))}`,
    );
  });
}

test('accepted edge values: vmid bounds, IPv6, ports 1 and 65535, every deploy method', () => {
  for (const vmid of [100, 999999999]) {
    const inv = example();
    inv.containers.LXC_HOME.vmid = vmid;
    assert.deepEqual(errorsOf(inv), [], `vmid ${vmid}`);
  }
  const inv = example();
  inv.containers.LXC_HOME.ip = 'fd00::80';
  inv.services.grafana.port = 1;
  inv.services.prometheus.port = 65535;
  inv.deploy.command = './install.sh {dir} {profile} {ip} {user} {host} -s';
  assert.deepEqual(errorsOf(inv), []);
  for (const method of ['ssh-script', 'nixos-rebuild', 'colmena', 'deploy-rs', 'command']) {
    const i = example();
    i.deploy.method = method;
    assert.deepEqual(errorsOf(i), [], method);
  }
});
