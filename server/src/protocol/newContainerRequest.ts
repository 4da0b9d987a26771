// `homelab/newContainer`: the New Container proposal (features/newContainer/)
// turned into the message's shape: edits from offsets into line/character
// ranges of the documents as the server holds them (open ones included), new
// files by URI. Never throws: a failure is an answer with `error` and no edits.
import { newContainerProposal } from '../features/newContainer/proposal';
import type { NewContainerInput } from '../features/newContainer/types';
import type { ServerContext } from './context';
import { NewContainerRequest, type NewContainerParams, type NewContainerProposal, type ProposalTextEdit } from './proxmoxMessages';

function failed(error: string): NewContainerProposal {
  return { vmid: 0, address: '', prefixLength: 0, createFiles: {}, edits: {}, pctCreate: [], summary: [], error };
}

export function answerNewContainer(ctx: ServerContext, params: NewContainerParams): NewContainerProposal {
  try {
    const plan = newContainerProposal(ctx.workspace, (params ?? {}) as NewContainerInput);
    if ('error' in plan) return failed(plan.error);
    const edits: Record<string, ProposalTextEdit[]> = {};
    for (const [uri, list] of plan.edits) edits[uri] = list.map((e) => ({ range: ctx.lines.range(uri, e.span), newText: e.newText }));
    return {
      vmid: plan.vmid,
      address: plan.address,
      prefixLength: plan.prefixLength,
      ...(plan.gateway !== undefined ? { gateway: plan.gateway } : {}),
      ...(plan.update !== undefined ? { update: plan.update } : {}),
      ...(plan.profilePath !== undefined ? { profilePath: plan.profilePath } : {}),
      createFiles: Object.fromEntries(plan.createFiles),
      edits,
      pctCreate: plan.pctCreate,
      summary: plan.summary,
    };
  } catch (e) {
    return failed(`the New Container proposal failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function registerNewContainerRequest(ctx: ServerContext): void {
  ctx.connection.onRequest(NewContainerRequest, (params: NewContainerParams): NewContainerProposal => answerNewContainer(ctx, params));
}
