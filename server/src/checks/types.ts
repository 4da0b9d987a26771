// The shapes every rule shares: the closed set of rule ids, the plain-data
// diagnostic (no LSP types), and the small Rule interface the registry lists.
import type { Homelab } from '../model/homelab';
import type { Workspace } from '../model/workspace';
import type { Span } from '../syntax/value';
import type { OwnSetting } from './util';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const RULE_IDS = [
  'nix-syntax',
  'nix-undefined-variable',
  'nix-duplicate-attribute',
  'nix-unused-binding',
  'nix-pipe-operator',
  'encrypted-file',
  'yaml-syntax',
  'file-too-large',
  'inventory-schema',
  'unknown-setting',
  'setting-type',
  'setting-enum',
  'deprecated-setting',
  'unused-setting',
  'ip-format',
  'ip-outside-network',
  'ip-duplicate',
  'gateway-outside-network',
  'network-overlap',
  'unknown-reference',
  'inventory-profile-mismatch',
  'port-not-open',
  'port-conflict',
  'monitoring-coverage',
  'unknown-scrape-target',
  'update-not-staggered',
  'calendar-format',
  'vmid-duplicate',
  'deploy-unsafe-value',
  'deploy-target-mismatch',
  'machine-name-clash',
  'discovery-stopped',
  'nix-eval',
  'nixos-unknown-option',
  'nixos-option-type',
  'nixos-renamed-option',
  'proxmox-vmid-drift',
  'proxmox-node-drift',
  'proxmox-hostname-drift',
  'proxmox-address-drift',
  'proxmox-tags-drift',
  'proxmox-container-stopped',
  'proxmox-container-missing',
  'proxmox-unmanaged-container',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
export interface RelatedInfo {
  uri: string;
  span: Span;
  message: string;
}

export interface Diagnostic {
  uri: string;
  span: Span;
  severity: Severity;
  rule: RuleId;
  message: string;
  related?: RelatedInfo[];
  /** For quick fixes, e.g. `{ replacement: 'grafanaEnable' }`. */
  data?: unknown;
}

/** What a rule reports before severity and suppression are applied. */
export type Finding = Omit<Diagnostic, 'severity'> & { severity?: Severity };

export interface RuleContext {
  workspace: Workspace;
  homelab: Homelab;
}

export interface Rule {
  id: RuleId;
  defaultSeverity: Severity;
  /** One sentence for docs/rules.md and settings. */
  description: string;
  /**
   * `document`: findings depend on one file only, computed per file.
   * `homelab`: cross-file, computed once per homelab and generation.
   */
  scope: 'document' | 'homelab';
  /** Findings for one file (document rules) ... */
  checkFile?(ctx: RuleContext, uri: string): Finding[];
  /** ... or for the whole homelab (homelab rules). */
  check?(ctx: RuleContext): Finding[];
  /**
   * A homelab rule over every machine or profile of a fleet, in steps: it
   * yields every so many items (ITEMS_PER_STEP), so the whole check pauses
   * there for a keystroke. The same findings as a `check` would give.
   */
  checkSteps?(ctx: RuleContext): Generator<void, Finding[]>;
  /**
   * For homelab rules that judge one setting a profile writes against the
   * catalog alone: lets a keystroke re-check just the edited profile's
   * settings against the last built catalog (`check` runs it over all).
   */
  checkSetting?(h: Homelab, s: OwnSetting, pass: SettingPass): Finding | undefined;
  /**
   * For homelab rules that judge each setting written in a profile by more
   * than the catalog (an address's format, a scrape target against the
   * addresses): the findings about one setting, pushed onto `out`. Run per
   * profile file (settingShards.ts), as `checkSetting` is in the whole
   * check, so a profile's edit re-judges that file's settings only; the
   * rule's `check`/`checkSteps`, when it has one, judges the rest (the
   * inventory's values). A rule that walks a setting's items (a list of a
   * fleet's scrape targets: a thousand at 1,000 machines) is written as
   * steps, pausing every so many items.
   */
  judgeOwnSetting?(h: Homelab, s: OwnSetting, pass: SettingPass, out: Finding[]): void | Generator<void, void>;
}

/** State shared by one pass of a `checkSetting` rule over many settings. */
export interface SettingPass {
  /** "Did you mean" suggestions computed so far, per file: a file of 100,000 unknown keys is not a typo. */
  suggestions: Map<string, number>;
}
