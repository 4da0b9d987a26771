// The cross-machine rules on addresses written the newer ways (networkd,
// WireGuard, host tables), in memory: a deploy target of another address
// family than every configured address is not judged (the machine's IPv4 comes
// from DHCP or a VPN), and a fleet whose Prometheus finds targets at run time
// (`http_sd_configs`…) gets no monitoring-coverage claim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, summary } from '../checks/helpers';

const flake = (nodes: string): string => `{
  outputs = { self, nixpkgs, deploy-rs, ... }: {
    nixosConfigurations = {
      tunnel = nixpkgs.lib.nixosSystem { modules = [ ./tunnel.nix ]; };
      watcher = nixpkgs.lib.nixosSystem { modules = [ ./watcher.nix ]; };
    };
    deploy.nodes = { ${nodes} };
  };
}
`;

const TUNNEL = `{ ... }: {
  networking.hostName = "tunnel";
  systemd.network.networks."25-v6".networkConfig.Address = [ "2001:db8:5::2/64" ];
  services.prometheus.exporters.node.enable = true;
}
`;
const WATCHER = (scrape: string): string => `{ ... }: {
  networking.hostName = "watcher";
  networking.interfaces.eth0.ipv4.addresses = [ { address = "10.60.0.2"; prefixLength = 24; } ];
  services.prometheus.enable = true;
  services.prometheus.scrapeConfigs = [ ${scrape} ];
}
`;
const STATIC = '{ job_name = "self"; static_configs = [ { targets = [ "10.60.0.2:9100" ]; } ]; }';
const DISCOVERED = '{ job_name = "mesh"; http_sd_configs = [ { url = "http://localhost:19090/targets"; } ]; }';

test('an IPv4 deploy target of a machine configured with IPv6 only is not judged; an IPv6 target that differs is', () => {
  const v4 = check({ 'flake.nix': flake('tunnel = { hostname = "100.70.1.9"; profiles.system.path = null; };'), 'tunnel.nix': TUNNEL, 'watcher.nix': WATCHER(STATIC + ' ' + DISCOVERED) });
  assert.equal(summary(v4.filter((f) => f.rule === 'deploy-target-mismatch')), '');
  const v6 = check({ 'flake.nix': flake('tunnel = { hostname = "2001:db8:5::9"; profiles.system.path = null; };'), 'tunnel.nix': TUNNEL, 'watcher.nix': WATCHER(STATIC + ' ' + DISCOVERED) });
  const found = v6.filter((f) => f.rule === 'deploy-target-mismatch').map((f) => `${f.file}:${f.line}`).sort();
  assert.deepEqual(found, ['flake.nix:7', 'tunnel.nix:3'], summary(v6));
});

test("an IPv4 deploy target of a machine whose only IPv4 is a tunnel's end is not judged; a LAN IPv4 still is", () => {
  const overlay = TUNNEL.replace('services.prometheus', 'networking.wireguard.interfaces.wg7.ips = [ "10.77.0.2/24" ];\n  services.prometheus');
  const tunnelOnly = check({ 'flake.nix': flake('tunnel = { hostname = "100.70.1.9"; profiles.system.path = null; };'), 'tunnel.nix': overlay, 'watcher.nix': WATCHER(STATIC) });
  assert.equal(summary(tunnelOnly.filter((f) => f.rule === 'deploy-target-mismatch')), '');
  const lan = overlay.replace('services.prometheus', 'networking.interfaces.eth0.ipv4.addresses = [ { address = "10.60.0.3"; prefixLength = 24; } ];\n  services.prometheus');
  const withLan = check({ 'flake.nix': flake('tunnel = { hostname = "100.70.1.9"; profiles.system.path = null; };'), 'tunnel.nix': lan, 'watcher.nix': WATCHER(STATIC) });
  assert.equal(withLan.filter((f) => f.rule === 'deploy-target-mismatch').length, 2, summary(withLan));
});

test('monitoring-coverage: an exporter nobody scrapes statically is reported, unless a scrape job discovers its targets at run time', () => {
  const files = { 'flake.nix': flake(''), 'tunnel.nix': TUNNEL };
  const only = check({ ...files, 'watcher.nix': WATCHER(STATIC) }).filter((f) => f.rule === 'monitoring-coverage');
  assert.deepEqual(only.map((f) => `${f.file}:${f.line}`), ['tunnel.nix:4'], summary(only));
  const discovered = check({ ...files, 'watcher.nix': WATCHER(`${STATIC} ${DISCOVERED}`) }).filter((f) => f.rule === 'monitoring-coverage');
  assert.equal(summary(discovered), '');
  // A target written as a host name (`tunnel.mesh.example:9100`) scrapes the machine of that name.
  const byName = check({ ...files, 'watcher.nix': WATCHER(`${STATIC} { job_name = "mesh"; static_configs = [ { targets = [ "tunnel.mesh.example:9100" ]; } ]; }`) }).filter((f) => f.rule === 'monitoring-coverage');
  assert.equal(summary(byName), '');
});

test('monitoring-coverage: a Prometheus scraping 127.0.0.1 covers its own machine\'s exporter, and only its own', () => {
  // The watcher exports on loopback and scrapes itself there (a real fleet's monitoring machine did this);
  // the tunnel's exporter is still reported: loopback on the watcher is not the tunnel.
  const watcher = `{ ... }: {
  networking.hostName = "watcher";
  networking.interfaces.eth0.ipv4.addresses = [ { address = "10.60.0.2"; prefixLength = 24; } ];
  services.prometheus.enable = true;
  services.prometheus.exporters.node = { enable = true; listenAddress = "127.0.0.1"; };
  services.prometheus.scrapeConfigs = [ { job_name = "local"; static_configs = [ { targets = [ "127.0.0.1:9100" ]; } ]; } ];
}
`;
  const found = check({ 'flake.nix': flake(''), 'tunnel.nix': TUNNEL, 'watcher.nix': watcher }).filter((f) => f.rule === 'monitoring-coverage');
  assert.deepEqual(found.map((f) => `${f.file}:${f.line}`), ['tunnel.nix:4'], summary(found));
});
