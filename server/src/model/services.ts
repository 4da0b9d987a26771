// A homelab's services: the built-in catalog of common self-hosted services
// (with their usual ports), overlaid by what the inventory declares.
import type { Service } from './homelab';
import type { Inventory } from './inventory';
import { builtinServiceList } from './shipped';

/** The services of an inventory, per inventory object: a homelab rebuilt after a profile's edit keeps the same map. */
const byInventory = new WeakMap<Inventory, Map<string, Service>>();

export function servicesOf(inventory: Inventory | undefined): Map<string, Service> {
  if (!inventory) return servicesFrom(undefined);
  let services = byInventory.get(inventory);
  if (!services) byInventory.set(inventory, (services = servicesFrom(inventory)));
  return services;
}

function servicesFrom(inventory: Inventory | undefined): Map<string, Service> {
  const services = new Map<string, Service>();
  for (const b of builtinServiceList()) services.set(b.name, { name: b.name, builtin: b, port: b.port });
  for (const d of inventory?.services.values() ?? []) {
    const builtin = services.get(d.name)?.builtin;
    services.set(d.name, { name: d.name, decl: d, builtin, port: d.port?.value ?? builtin?.port, portOrigin: d.port?.origin });
  }
  return services;
}
