// Completion: the front door. Picks the inventory or the profile side by the
// document and answers from the cached homelab (no recomputation per request,
// not even after a keystroke in the document itself).
import type { Workspace } from '../model/workspace';
import { completeNix } from './completionNix';
import { completeYaml } from './completionYaml';
import { completeNixosOption } from './nixosOptions';
import { neverCancelled, type CompletionItem, type IsCancelled } from './types';

export function isInventory(ws: Workspace, uri: string): boolean {
  const h = ws.homelabFor(uri);
  return h?.inventoryUri === uri || /\.ya?ml$/.test(uri);
}

export function completion(ws: Workspace, uri: string, offset: number, cancelled: IsCancelled = neverCancelled): CompletionItem[] {
  const text = ws.text(uri);
  // Typing in this document must not wait for a rebuild; the current text is read below.
  const h = ws.homelabAround(uri);
  if (text === undefined || !h || cancelled()) return [];
  if (uri.endsWith('.nix')) {
    const options = completeNixosOption(h, uri, text, offset, ws.optionIndex);
    const rest = completeNix(ws, h, uri, text, offset, cancelled);
    return options?.length ? [...options, ...rest] : rest;
  }
  if (isInventory(ws, uri)) return completeYaml(ws, h, uri, text, offset, cancelled);
  return [];
}
