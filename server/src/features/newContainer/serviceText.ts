// Services as the copied files speak of them: a header line saying what the
// new machine runs, and whether a binding belongs to a service (so it stays
// with a service the new machine runs and goes with one it does not):
// a profile setting named after it (`grafanaPort`, `uptimeKumaEnable`), or a
// NixOS `services.<name>` option. Exporter settings belong to every machine.
import { serviceNamed, type Homelab } from '../../model/homelab';
import { squash } from './names';

/** `paperless. Document management with OCR`: the services, then what the catalog says they are. */
export function describeServices(h: Homelab, services: string[]): string {
  if (services.length === 0) return 'no services yet';
  const descs = services
    .map((s) => {
      const svc = serviceNamed(h, s);
      return svc?.decl?.description?.value ?? svc?.builtin?.description;
    })
    .filter((d): d is string => d !== undefined && d !== '');
  return descs.length ? `${services.join(', ')}. ${descs.join('; ')}` : services.join(', ');
}

/** Whether a binding's path (a profile setting `[key]`, or a NixOS option path) belongs to one of the spellings. */
export function relatesTo(path: string[], spellings: string[]): boolean {
  const names = spellings.map(squash).filter((s) => s.length >= 3);
  if (path[0] === 'services' && path.length > 1) {
    if (path[1] === 'prometheus' && path[2] === 'exporters') return false;
    return names.includes(squash(path[1]));
  }
  if (path.length !== 1 || /exporter|cadvisor/i.test(path[0])) return false;
  const key = squash(path[0]);
  return names.some((n) => key.startsWith(n));
}
