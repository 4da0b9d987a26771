// The standard NixOS options the checks and features read from a machine's
// modules, with their effective values and where each was set: host name,
// interface addresses, gateway, name servers, firewall, SSH ports, enabled
// services, Prometheus exporters and scrape targets, automatic upgrades.
// A value that cannot be known statically is left out (never guessed).
import { asAttrs, asString, type Origin, type Value } from '../../syntax/value';
import type { Num, Str } from '../inventory';
import { effectiveOption, type Effective } from './moduleSystem';
import { readMachineNetwork, type InterfaceAddress, type UnreadAddresses } from './networkAddresses';
import { timeSpanSeconds } from '../calendar';

export type { InterfaceAddress };

export interface NixosConfig {
  hostName?: Str;
  /** `networking.domain`: machines of other domains may sit on other networks. */
  domain?: Str;
  addresses: InterfaceAddress[];
  /** `networking.defaultGateway`, else the first networkd gateway. */
  gateway?: Str;
  /** Every gateway written: `networking.defaultGateway(6)` and networkd's `gateway`, `Gateway=`, routes' `Gateway`. */
  gateways: Str[];
  /** Destinations routed straight onto a link (networkAddresses.ts `onLink`). */
  onLink: { address: string; prefixLength: number }[];
  nameservers: Str[];
  /** Options where addresses are written that are not known statically (networkAddresses.ts). */
  unreadAddresses: UnreadAddresses[];
  /** `networking.firewall.enable` (NixOS's default: on). */
  firewall: boolean | undefined;
  /** Ports the firewall opens (all interfaces and per interface); undefined when not known. */
  tcpPorts?: Num[];
  udpPorts?: Num[];
  /** `services.openssh.ports` when OpenSSH is on (NixOS's default: 22). */
  sshPorts: number[];
  /** `services.<name>.enable = true`. */
  services: { name: string; origin: Origin }[];
  /** `services.prometheus.exporters.<name>.enable = true`, with the port when set. */
  exporters: { name: string; port?: number; origin: Origin }[];
  /** `targets` of every static config of `services.prometheus.scrapeConfigs`. */
  scrapeTargets: Str[];
  /** A scrape job that finds its targets at run time (`http_sd_configs`, `dns_sd_configs`…, or a job not known statically). */
  scrapeDiscovery: boolean;
  /** `randomizedDelaySec`: the random delay systemd adds to each run, in seconds (when known). */
  autoUpgrade?: { dates?: Str; origin: Origin; randomizedDelaySec?: number };
  /** Every option read here, for hover: dotted path → effective value. */
  options: Map<string, Effective>;
}

/** Usual ports of the exporters NixOS ships (services.prometheus.exporters.<name>.port defaults). */
const EXPORTER_PORTS: Record<string, number> = { node: 9100, blackbox: 9115, postgres: 9187, nginx: 9113, smartctl: 9633, systemd: 9558, zfs: 9134 };

function enabled(v: Value | undefined): boolean {
  return v?.kind === 'boolean' && v.value;
}

export function readNixosConfig(configs: Value[]): NixosConfig {
  const options = new Map<string, Effective>();
  const opt = (path: string): Value | undefined => {
    const e = effectiveOption(configs, path.split('.'));
    if (e) options.set(path, e);
    return e?.value;
  };
  const ports = (path: string): Num[] | undefined => {
    const v = opt(path);
    if (v === undefined) return [];
    if (v.kind !== 'list') return undefined;
    const out: Num[] = [];
    for (const i of v.items) {
      if (i.kind === 'number') out.push({ value: i.value, origin: i.origin });
      else return undefined;
    }
    return out;
  };

  const net = readMachineNetwork(opt);
  const gw = opt('networking.defaultGateway');
  const gw6 = opt('networking.defaultGateway6');
  const declaredGateways = [asString(gw) ?? asString(asAttrs(gw)?.entries.get('address')?.value), asString(gw6) ?? asString(asAttrs(gw6)?.entries.get('address')?.value)].flatMap((g) => (g ? [g] : []));
  const gateways = [...declaredGateways, ...net.gateways];
  const gateway = gateways[0];
  const ns = opt('networking.nameservers');
  const nameservers = [...(ns?.kind === 'list' ? ns.items.flatMap((i) => (i.kind === 'string' ? [{ value: i.value, origin: i.origin }] : [])) : []), ...net.nameservers];
  const addresses = net.addresses;

  const fw = opt('networking.firewall.enable');
  let tcpPorts = ports('networking.firewall.allowedTCPPorts');
  let udpPorts = ports('networking.firewall.allowedUDPPorts');
  for (const [name, iface] of asAttrs(opt('networking.firewall.interfaces'))?.entries ?? []) {
    if (!asAttrs(iface.value)) continue;
    const t = ports(`networking.firewall.interfaces.${name}.allowedTCPPorts`);
    const u = ports(`networking.firewall.interfaces.${name}.allowedUDPPorts`);
    tcpPorts = tcpPorts && t ? [...tcpPorts, ...t] : undefined;
    udpPorts = udpPorts && u ? [...udpPorts, ...u] : undefined;
  }

  const sshOn = enabled(opt('services.openssh.enable'));
  const sshPortsValue = sshOn ? opt('services.openssh.ports') : undefined;
  const sshPorts = !sshOn ? [] : sshPortsValue?.kind === 'list' ? sshPortsValue.items.flatMap((i) => (i.kind === 'number' ? [i.value] : [])) : [22];

  const services: NixosConfig['services'] = [];
  for (const [name, s] of asAttrs(opt('services'))?.entries ?? []) {
    const en = asAttrs(s.value)?.entries.get('enable');
    if (en && enabled(en.value)) services.push({ name, origin: s.keyOrigin });
  }
  const exporters: NixosConfig['exporters'] = [];
  for (const [name, x] of asAttrs(opt('services.prometheus.exporters'))?.entries ?? []) {
    const en = asAttrs(x.value)?.entries.get('enable');
    if (!en || !enabled(en.value)) continue;
    const p = asAttrs(x.value)?.entries.get('port')?.value;
    exporters.push({ name, port: p?.kind === 'number' ? p.value : EXPORTER_PORTS[name], origin: en.keyOrigin });
  }
  const scrapeTargets: Str[] = [];
  const scrape = opt('services.prometheus.scrapeConfigs');
  let scrapeDiscovery = scrape !== undefined && scrape.kind !== 'list';
  for (const job of scrape?.kind === 'list' ? scrape.items : []) {
    if (job.kind !== 'attrs' || [...job.entries.keys()].some((k) => k.endsWith('_sd_configs'))) scrapeDiscovery = true;
    const statics = asAttrs(job)?.entries.get('static_configs')?.value;
    for (const sc of statics?.kind === 'list' ? statics.items : []) {
      const targets = asAttrs(sc)?.entries.get('targets')?.value;
      for (const t of targets?.kind === 'list' ? targets.items : []) if (t.kind === 'string') scrapeTargets.push({ value: t.value, origin: t.origin });
    }
  }
  const upgradeOn = opt('system.autoUpgrade.enable');
  const dates = opt('system.autoUpgrade.dates');
  const delay = asString(opt('system.autoUpgrade.randomizedDelaySec'));
  const randomizedDelaySec = delay ? timeSpanSeconds(delay.value) : undefined;
  const autoUpgrade = enabled(upgradeOn) && upgradeOn
    ? { dates: asString(dates) ?? (dates === undefined ? { value: '04:40', origin: upgradeOn.origin } : undefined), origin: upgradeOn.origin, ...(randomizedDelaySec !== undefined ? { randomizedDelaySec } : {}) }
    : undefined;

  return {
    hostName: asString(opt('networking.hostName')),
    domain: asString(opt('networking.domain')),
    addresses,
    gateway,
    gateways,
    onLink: net.onLink,
    nameservers,
    unreadAddresses: net.unread,
    firewall: fw === undefined ? true : fw.kind === 'boolean' ? fw.value : undefined,
    tcpPorts,
    udpPorts,
    sshPorts,
    services,
    exporters,
    scrapeTargets,
    scrapeDiscovery,
    autoUpgrade,
    options,
  };
}
