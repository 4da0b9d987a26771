// Reads the `homelab.*` settings of each workspace folder from the client
// (workspace/configuration) and hands them to the model as plain data.
import type { HomelabSettings, RuleSetting } from '../model/settings';
import type { ServerContext } from './context';

interface ClientHomelabSection {
  inventory?: string;
  profiles?: string;
  defaultsFile?: string;
  schemas?: string[];
  rules?: Record<string, RuleSetting>;
  maxFileSize?: number;
  exclude?: string[];
  nixDiagnostics?: 'auto' | 'on' | 'off';
  inlayHints?: { enable?: boolean };
}

export function toModelSettings(section: ClientHomelabSection | null | undefined): Partial<HomelabSettings> {
  const s: Partial<HomelabSettings> = {};
  if (!section || typeof section !== 'object') return s;
  if (typeof section.inventory === 'string') s.inventory = section.inventory;
  if (typeof section.profiles === 'string') s.profiles = section.profiles;
  if (typeof section.defaultsFile === 'string') s.defaultsFile = section.defaultsFile;
  if (Array.isArray(section.schemas)) s.schemas = section.schemas.filter((x): x is string => typeof x === 'string');
  if (section.rules && typeof section.rules === 'object') s.rules = section.rules;
  if (typeof section.maxFileSize === 'number') s.maxFileSize = section.maxFileSize;
  if (Array.isArray(section.exclude)) s.exclude = section.exclude.filter((x): x is string => typeof x === 'string');
  return s;
}

/** Fetches every folder's settings; a client without configuration support keeps the defaults. */
export async function refreshConfiguration(ctx: ServerContext, supportsConfiguration: boolean): Promise<void> {
  if (!supportsConfiguration) return;
  const roots = ctx.workspace.folderRoots();
  let sections: (ClientHomelabSection | null)[];
  try {
    sections = await ctx.connection.workspace.getConfiguration(roots.map((scopeUri) => ({ scopeUri, section: 'homelab' })));
  } catch {
    return;
  }
  roots.forEach((root, i) => {
    const section = sections[i];
    ctx.workspace.setSettings(root, toModelSettings(section));
    const mode = section?.nixDiagnostics;
    ctx.nixDiagnostics.set(root, mode === 'on' || mode === 'off' ? mode : 'auto');
    if (i === 0) ctx.inlayHints = section?.inlayHints?.enable === true;
  });
}
