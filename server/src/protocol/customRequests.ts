// The custom requests of customMessages.ts: the topology for the client's
// tree, a whole-workspace check, a starting inventory from the profiles, and
// the deploy plan since a revision (deployPlanRequest.ts), and New
// Container's proposal (newContainerRequest.ts).
import type { TopologyNotifier } from './topologyNotifier';
import { inventoryFromProfiles } from '../model/inventoryFromProfiles';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { ServerContext } from './context';
import { DeployPlanner } from './deployPlanRequest';
import { registerNewContainerRequest } from './newContainerRequest';
import {
  CheckWorkspaceRequest,
  CheckWorkspaceResult,
  Counters,
  CountersRequest,
  CreateInventoryParams,
  CreateInventoryRequest,
  CreateInventoryResult,
  DeployPlanParams,
  DeployPlanRequest,
  DeployPlanResult,
  Topology,
  TopologyRequest,
} from './customMessages';

export function registerCustomRequests(ctx: ServerContext, diagnostics: DiagnosticsPublisher, topologies: TopologyNotifier): void {
  ctx.connection.onRequest(TopologyRequest, (): Promise<Topology> => topologies.answer());
  ctx.connection.onRequest(CountersRequest, (): Counters => ({
    fullTextDiffs: diagnostics.fullTextDiffs,
    topologiesBuilt: topologies.computed,
    topologyNotifications: topologies.notified,
    topologyMachineNodesMade: topologies.machineNodes.made,
  }));

  ctx.connection.onRequest(CheckWorkspaceRequest, (): CheckWorkspaceResult => {
    const all = diagnostics.fullCheckNow();
    const result: CheckWorkspaceResult = { files: 0, errors: 0, warnings: 0, infos: 0, hints: 0 };
    for (const homelab of ctx.workspace.homelabs()) result.files += homelab.files.length;
    for (const list of all.values()) {
      for (const d of list) {
        if (d.severity === 'error') result.errors++;
        else if (d.severity === 'warning') result.warnings++;
        else if (d.severity === 'info') result.infos++;
        else result.hints++;
      }
    }
    return result;
  });

  ctx.connection.onRequest(CreateInventoryRequest, (params: CreateInventoryParams): CreateInventoryResult =>
    inventoryFromProfiles(ctx.workspace, params.folderUri),
  );

  const planner = new DeployPlanner(ctx.workspace);
  ctx.connection.onRequest(DeployPlanRequest, (params: DeployPlanParams): DeployPlanResult => planner.answer(params));

  // New Container's proposal (protocol/newContainerRequest.ts).
  registerNewContainerRequest(ctx);
}
