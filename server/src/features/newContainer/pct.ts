// The `pct create` argument vector (after `pct`) for the new container:
// `<vmid> <template> --hostname … --net0 name=eth0,bridge=…,ip=<addr>/<prefix>,gw=…
// --storage … --unprivileged 1 --features nesting=1 --onboot 1` (nesting: NixOS
// in an unprivileged container needs it for systemd). The template comes
// from the request, else the host's `proxmox.template`; storage from the
// request, else `proxmox.storage`, else local-lvm; the bridge from
// `proxmox.bridge`, else vmbr0. Without a template there is nothing to run:
// the vector is empty and the summary says where to set one. A value that
// could be read as an option or a second `net0` field is refused the same way.
import type { HostDecl } from '../../model/inventory';

export interface PctChoice {
  argv: string[];
  summary: string;
}

/** `local:vztmpl/nixos-….tar.xz` (storage:content/file) or an absolute path. */
const TEMPLATE = /^(?:[A-Za-z][A-Za-z0-9_.-]*:[^\s,=]+|\/[^\s,=]+)$/;
/** A Proxmox storage or bridge id. */
const ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;

export function pctCreate(opts: {
  host: HostDecl;
  vmid: number;
  hostname?: string;
  address: string;
  prefixLength: number;
  gateway?: string;
  template?: string;
  storage?: string;
}): PctChoice {
  const px = opts.host.proxmox;
  const template = opts.template ?? px?.template?.value;
  const storage = opts.storage ?? px?.storage?.value ?? 'local-lvm';
  const bridge = px?.bridge?.value ?? 'vmbr0';
  if (!template) return { argv: [], summary: `pct create: no template known: set hosts.${opts.host.name}.proxmox.template in the inventory (or choose one), then create it` };
  const bad = !TEMPLATE.test(template) ? `template \`${template}\`` : !ID.test(storage) ? `storage \`${storage}\`` : !ID.test(bridge) ? `bridge \`${bridge}\`` : undefined;
  if (bad) return { argv: [], summary: `pct create: not run: the ${bad} is not a Proxmox name (it could be read as an option or another field)` };
  const net = [`name=eth0`, `bridge=${bridge}`, `ip=${opts.address}/${opts.prefixLength}`, ...(opts.gateway ? [`gw=${opts.gateway}`] : [])].join(',');
  const argv = [
    String(opts.vmid),
    template,
    ...(opts.hostname ? ['--hostname', opts.hostname] : []),
    '--net0',
    net,
    '--storage',
    storage,
    '--unprivileged',
    '1',
    '--features',
    'nesting=1',
    '--onboot',
    '1',
  ];
  return { argv, summary: `pct create ${opts.vmid} on ${opts.host.name}: template ${template}, storage ${storage}, bridge ${bridge}, unprivileged with nesting, started at boot` };
}
