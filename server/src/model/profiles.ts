// A container profile as the model sees it: the evaluated file, its
// `systemSettings` / `userSettings` blocks (effective, after `//` merges), and
// helpers to find one setting with the chain of places that set it.
import { asAttrs, type Entry, type Origin, type Value } from '../syntax/value';
import { basenameUri } from './uri';

export type SettingsBlock = 'systemSettings' | 'userSettings';
export const BLOCKS: SettingsBlock[] = ['systemSettings', 'userSettings'];

export interface Profile {
  uri: string;
  /** `LXC_HOME` for `LXC_HOME-config.nix`. */
  name: string;
  /** The evaluated file (undefined when it could not be evaluated at all). */
  value: Value | undefined;
  system?: Extract<Value, { kind: 'attrs' }>;
  user?: Extract<Value, { kind: 'attrs' }>;
  /** Every file read while evaluating, for invalidation. */
  deps: string[];
}

export interface SettingHit {
  block: SettingsBlock;
  entry: Entry;
}

export function profileNameOf(uri: string): string {
  return basenameUri(uri).replace(/\.nix$/, '').replace(/-config$/, '');
}

export function makeProfile(uri: string, value: Value | undefined, deps: string[]): Profile {
  const top = asAttrs(value);
  return {
    uri,
    name: profileNameOf(uri),
    value,
    system: asAttrs(top?.entries.get('systemSettings')?.value),
    user: asAttrs(top?.entries.get('userSettings')?.value),
    deps,
  };
}

export function blockOf(p: Profile, block: SettingsBlock): Extract<Value, { kind: 'attrs' }> | undefined {
  return block === 'systemSettings' ? p.system : p.user;
}

/** The effective entry of a setting, systemSettings first. */
export function setting(p: Profile | undefined, key: string): SettingHit | undefined {
  if (!p) return undefined;
  for (const block of BLOCKS) {
    const e = blockOf(p, block)?.entries.get(key);
    if (e) return { block, entry: e };
  }
  return undefined;
}

export function settingValue(p: Profile | undefined, key: string): Value | undefined {
  return setting(p, key)?.entry.value;
}
/** The chain of places a setting was set, newest first (profile → base → defaults). */
export function overrideChain(e: Entry): Entry[] {
  const out: Entry[] = [];
  for (let cur: Entry | undefined = e; cur && out.length < 32; cur = cur.overrides) out.push(cur);
  return out;
}
