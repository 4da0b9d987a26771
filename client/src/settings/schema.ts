// The `homelab.*` settings the client reads, with their defaults and lower
// bounds in one table (the same as package.json's contributes.configuration;
// a unit test compares them). Plain data and a pure reader, no vscode import,
// so the table is tested without an editor; settings/index.ts reads VS Code.
// The server's settings (profiles, rules, exclude, …) are read by the server.

/** Every client setting by its key under `homelab.`, with the default package.json gives it. */
export const SETTING_DEFAULTS = {
  inventory: '',
  'reachability.enable': true,
  'reachability.intervalSeconds': 60,
  'prometheus.url': '',
  'proxmox.enable': true,
  'proxmox.intervalSeconds': 60,
  'proxmox.timeoutSeconds': 10,
  'deploy.confirm': true,
  'deploy.confirmDryRun': false,
  'deploy.connectTimeout': 10,
  'deploy.sshOptions': [] as string[],
  'deploy.sshCommand': 'ssh',
  'deploy.output': 'terminal',
  'deploy.parallel': 0,
  'deploy.rollback': 'ask',
  'health.enable': true,
  'health.timeoutSeconds': 5,
};

export type SettingKey = keyof typeof SETTING_DEFAULTS;

/** The settings as read: each value of its default's type. */
export type ClientSettings = { readonly [K in SettingKey]: (typeof SETTING_DEFAULTS)[K] };

/**
 * Values raised to package.json's `minimum` where a smaller one would hurt:
 * an interval of 0 would probe in a loop, a time-out of 0 would fail every read.
 */
export const SETTING_MINIMUMS: Partial<Record<SettingKey, number>> = {
  'reachability.intervalSeconds': 5,
  'proxmox.intervalSeconds': 10,
  'proxmox.timeoutSeconds': 1,
  'health.timeoutSeconds': 1,
};

/** What VS Code's WorkspaceConfiguration offers (and a test's plain object). */
export interface SettingsSource {
  get(key: string): unknown;
}

/**
 * The settings from `source`: a value missing, or of another type than its
 * default (a string where a number belongs, an array with a non-string), is
 * the default; a number below its minimum is the minimum.
 */
export function readSettings(source: SettingsSource): ClientSettings {
  const out: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(SETTING_DEFAULTS) as [SettingKey, unknown][]) {
    const value = source.get(key);
    let chosen = sameType(value, fallback) ? value : fallback;
    const min = SETTING_MINIMUMS[key];
    if (min !== undefined && typeof chosen === 'number') chosen = Math.max(min, chosen);
    out[key] = Array.isArray(chosen) ? [...chosen] : chosen;
  }
  return out as ClientSettings;
}

function sameType(value: unknown, fallback: unknown): boolean {
  if (Array.isArray(fallback)) return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (typeof fallback === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === typeof fallback;
}
