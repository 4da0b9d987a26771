// What kind of value a setting holds beyond its type (an own address, a pointer
// at another machine, ports, scrape targets), from the shipped catalog's
// `kind` annotations with name-based fallbacks for settings it does not know.
import { OWN_ADDRESS_SETTINGS } from '../model/addresses';
import { shippedProfileSchema } from '../model/shipped';

export type FieldKind = 'own-address' | 'machine-address' | 'machine-address-list' | 'port' | 'port-list' | 'scrape-targets' | 'other';

let kinds: Map<string, string> | undefined;

function schemaKinds(): Map<string, string> {
  if (kinds) return kinds;
  kinds = new Map();
  const s = shippedProfileSchema() as { catalog?: Record<string, Record<string, { kind?: string }>> } | null;
  for (const block of ['systemSettings', 'userSettings']) {
    for (const [k, v] of Object.entries(s?.catalog?.[block] ?? {})) if (v && typeof v.kind === 'string') kinds.set(k, v.kind);
  }
  return kinds;
}

export function fieldKind(key: string, subKeys: string[] = []): FieldKind {
  const k = schemaKinds().get(key);
  if (subKeys.length) {
    if ((k === 'scrape-targets' || /Targets$/.test(key)) && subKeys[subKeys.length - 1] === 'host') return 'machine-address';
    if (/Port$/.test(subKeys[subKeys.length - 1])) return 'port';
    return 'other';
  }
  if (OWN_ADDRESS_SETTINGS.has(key)) return 'own-address';
  switch (k) {
    case 'ip':
      return 'machine-address';
    case 'host-ref':
      return 'machine-address';
    case 'ip-list':
    case 'host-ref-list':
      return 'machine-address-list';
    case 'port':
      return 'port';
    case 'port-list':
      return 'port-list';
    case 'scrape-targets':
      return 'scrape-targets';
  }
  if (/(Gateway|SmtpHost|RelayHost|PveHost)$/.test(key)) return 'machine-address';
  if (/^nameServers$|IcmpTargets$|SnmpTargets$/.test(key)) return 'machine-address-list';
  if (/^allowed(TCP|UDP)Ports$/.test(key)) return 'port-list';
  if (/Port$/.test(key)) return 'port';
  if (key === 'prometheusRemoteTargets') return 'scrape-targets';
  return 'other';
}
