// Reads the `homelab.*` settings of each workspace folder from the client
// (workspace/configuration) and hands them to the model as plain data.
import type { HomelabSettings, RuleSetting } from '../model/settings';
import type { ServerContext } from './context';

export interface ClientHomelabSection {
  inventory?: string;
  profiles?: string;
  defaultsFile?: string;
  schemas?: string[];
  rules?: Record<string, RuleSetting>;
  maxFileSize?: number;
  exclude?: string[];
  nixDiagnostics?: 'auto' | 'on' | 'off';
  inlayHints?: { enable?: boolean };
  options?: { sources?: string[] };
  /** `server`: the server watches the folders itself (clients that miss files replaced by a rename); `auto`: the client's watcher where it has one. */
  watchFiles?: 'auto' | 'server';
  /** `homelab.nix.evaluate`: `auto` runs `nix eval` for machine names when `nix` is on the PATH (trusted workspaces only). */
  nix?: { evaluate?: 'auto' | 'off' };
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

/**
 * The `homelab` section given in `initializationOptions.settings`, for clients
 * that cannot answer `workspace/configuration`: either nested
 * (`{ homelab: { rules: { … } } }`) or with dotted keys (`{ "homelab.rules": { … } }`).
 */
export function initialSettings(options: unknown): ClientHomelabSection | undefined {
  const settings = options && typeof options === 'object' ? (options as { settings?: unknown }).settings : undefined;
  if (!settings || typeof settings !== 'object') return undefined;
  const nested = (settings as { homelab?: unknown }).homelab;
  const out: Record<string, unknown> = nested && typeof nested === 'object' ? { ...(nested as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(settings as Record<string, unknown>)) {
    if (!key.startsWith('homelab.')) continue;
    const parts = key.slice('homelab.'.length).split('.');
    let target = out;
    for (const part of parts.slice(0, -1)) {
      const next = target[part];
      target = (target[part] = next && typeof next === 'object' ? next : {}) as Record<string, unknown>;
    }
    target[parts[parts.length - 1]] = value;
  }
  return Object.keys(out).length ? (out as ClientHomelabSection) : undefined;
}

/**
 * Fetches every folder's settings. A client without configuration support
 * gets what it gave in `initializationOptions.settings` (else the defaults).
 */
export async function refreshConfiguration(ctx: ServerContext, supportsConfiguration: boolean): Promise<void> {
  const roots = ctx.workspace.folderRoots();
  let sections: (ClientHomelabSection | null)[];
  if (!supportsConfiguration) {
    if (!ctx.initialSettings) return;
    sections = roots.map(() => ctx.initialSettings ?? null);
  } else {
    try {
      sections = await ctx.connection.workspace.getConfiguration(roots.map((scopeUri) => ({ scopeUri, section: 'homelab' })));
    } catch {
      return;
    }
    // A client that answers with nothing for our section: what it gave at start-up.
    sections = sections.map((s) => s ?? ctx.initialSettings ?? null);
  }
  roots.forEach((root, i) => {
    const section = sections[i];
    ctx.workspace.setSettings(root, toModelSettings(section));
    const mode = section?.nixDiagnostics;
    ctx.nixDiagnostics.set(root, mode === 'on' || mode === 'off' ? mode : 'auto');
    if (i === 0) ctx.serverWatchesFiles = section?.watchFiles === 'server';
    ctx.nixEvaluate.set(root, section?.nix?.evaluate === 'off' ? 'off' : 'auto');
    if (i === 0) ctx.inlayHints = section?.inlayHints?.enable === true;
    if (i === 0) ctx.optionSources = Array.isArray(section?.options?.sources) ? section.options.sources.filter((x): x is string => typeof x === 'string') : [];
  });
}
