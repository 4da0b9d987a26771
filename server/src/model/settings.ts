// Per-homelab configuration (the `homelab.*` settings of a workspace folder, or
// the CLI's defaults). Plain data; the protocol layer fills it from the client.

export type RuleSetting = 'off' | 'hint' | 'info' | 'warning' | 'error';

export interface HomelabSettings {
  /** Inventory path relative to the folder; '' = homelab.yaml / homelab.yml at the root. */
  inventory: string;
  /** Glob of container profiles, relative to the folder. */
  profiles: string;
  /** The Nix file whose systemSettings/userSettings form the catalog. */
  defaultsFile: string;
  /** Extra catalog schema files (folder-relative); they win over everything else. */
  schemas: string[];
  /** Severity override per rule id. */
  rules: Record<string, RuleSetting>;
  /** Files larger than this (bytes) are not parsed. */
  maxFileSize: number;
  /**
   * Globs (folder-relative) of files and folders the model leaves out, besides
   * what git ignores. Default: folders of kept-but-unused files (DEFAULT_EXCLUDE);
   * `[]` leaves nothing out.
   */
  exclude: string[];
}

/** The usual names of folders kept for reference and used by nothing, anywhere in the folder. Keep package.json's `homelab.exclude` default in step. */
export const DEFAULT_EXCLUDE: readonly string[] = ['**/archived', '**/archive', '**/old', '**/deprecated'];

export const DEFAULT_SETTINGS: HomelabSettings = {
  inventory: '',
  profiles: 'profiles/*-config.nix',
  defaultsFile: 'lib/defaults.nix',
  schemas: [],
  rules: {},
  maxFileSize: 5_000_000,
  exclude: [...DEFAULT_EXCLUDE],
};

export function withDefaults(partial: Partial<HomelabSettings> | undefined): HomelabSettings {
  const s = { ...DEFAULT_SETTINGS, ...(partial ?? {}) };
  if (!s.profiles) s.profiles = DEFAULT_SETTINGS.profiles;
  if (!s.defaultsFile) s.defaultsFile = DEFAULT_SETTINGS.defaultsFile;
  if (!Array.isArray(s.schemas)) s.schemas = [];
  if (!Array.isArray(s.exclude)) s.exclude = [...DEFAULT_EXCLUDE];
  if (typeof s.maxFileSize !== 'number' || !(s.maxFileSize > 0)) s.maxFileSize = DEFAULT_SETTINGS.maxFileSize;
  return s;
}
