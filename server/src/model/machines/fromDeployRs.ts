// Discovery source: deploy-rs nodes (`deploy.nodes.<name>` in a flake's
// outputs): `hostname`, `sshUser` (or `user`), `sshOpts` `-p`, and the
// machine's configuration through `profiles.system.path`, which names a
// `nixosConfigurations` entry of the same flake (matched by name).
import { asAttrs, asString, type Value } from '../../syntax/value';
import type { MachineFinding } from './machine';

export function deployRsFindings(deploy: Extract<Value, { kind: 'attrs' }> | undefined): MachineFinding[] {
  const out: MachineFinding[] = [];
  for (const [name, e] of asAttrs(deploy?.entries.get('nodes')?.value)?.entries ?? []) {
    const node = asAttrs(e.value);
    const system = asAttrs(asAttrs(node?.entries.get('profiles')?.value)?.entries.get('system')?.value);
    const user = asString(node?.entries.get('sshUser')?.value) ?? asString(node?.entries.get('user')?.value) ?? asString(system?.entries.get('sshUser')?.value);
    const opts = node?.entries.get('sshOpts')?.value;
    const optList = opts?.kind === 'list' ? opts.items : [];
    const pIdx = optList.findIndex((o) => o.kind === 'string' && o.value === '-p');
    const port = pIdx >= 0 ? optList[pIdx + 1] : undefined;
    out.push({
      name,
      source: { kind: 'deploy-rs', origin: e.keyOrigin },
      deploy: {
        method: 'deploy-rs',
        host: asString(node?.entries.get('hostname')?.value),
        user,
        port: port?.kind === 'string' && /^\d+$/.test(port.value) ? { value: Number(port.value), origin: port.origin } : undefined,
        origin: e.keyOrigin,
      },
    });
  }
  return out;
}
