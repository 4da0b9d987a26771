// The option definitions of the machines' own module files (not the flake or
// hive that declares them), for the rules that judge them against the
// option index.
import type { Homelab } from '../model/homelab';
import { moduleDefinitions, type OptionDefinition } from '../model/options/moduleDefinitions';
import type { Workspace } from '../model/workspace';
import { parseNixShared } from '../syntax/nix/parseCache';
import { detectUnparseable } from '../syntax/nix/detect';

export function machineModuleDefinitions(ws: Workspace, h: Homelab): { uri: string; defs: OptionDefinition[] }[] {
  const files = new Set<string>();
  for (const m of h.machines.values()) {
    const sources = new Set(m.sources.map((s) => s.origin.uri));
    for (const u of m.moduleFiles) if (!sources.has(u) && u.startsWith(h.root)) files.add(u);
  }
  const out: { uri: string; defs: OptionDefinition[] }[] = [];
  for (const uri of [...files].sort()) {
    const text = ws.text(uri);
    if (text === undefined || ws.tooLarge(uri) || detectUnparseable(text)) continue;
    const parsed = parseNixShared(text);
    if (parsed.errors.length) continue; // nix-syntax speaks for it
    out.push({ uri, defs: moduleDefinitions(parsed.root) });
  }
  return out;
}
