// The address a deploy, its health checks and an ssh session log in to: the
// server's effective deploy target (server/src/model/effectiveMachine.ts)
// when it is an IP address. A host-name target (colmena's
// `targetHost = "web.lan"`) is used by colmena and deploy-rs themselves;
// ssh-based steps keep the inventory's strict IP rule (validate.ts).
import type { MachineNode } from '../../../server/src/protocol/customMessages';
import { checkIp } from './validate';

export function deployAddress(c: Pick<MachineNode, 'deployTarget' | 'ip'>): string | undefined {
  return c.deployTarget !== undefined && checkIp(c.deployTarget) === undefined ? c.deployTarget : c.ip;
}
