// Helpers shared by the rules: building findings from origins, "did you mean"
// suggestions, and iterating the settings profiles write in their own text.
import type { Homelab } from '../model/homelab';
import { drain } from '../model/query/engine';
import { BLOCKS, blockOf, type SettingsBlock } from '../model/profiles';
import type { Entry, Origin, Value } from '../syntax/value';
import type { Profile } from '../model/profiles';
import type { Finding, RelatedInfo, Rule, RuleContext, RuleId, SettingPass } from './types';

export function at(rule: RuleId, origin: Origin, message: string, extra?: { related?: RelatedInfo[]; data?: unknown }): Finding {
  return { rule, uri: origin.uri, span: origin.span, message, ...extra };
}

export function rel(origin: Origin, message: string): RelatedInfo {
  return { uri: origin.uri, span: origin.span, message };
}

/** A character code in lower case: ASCII folded at once, others as `toLowerCase` folds them (when that keeps one code unit). */
function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}

/** Whether the first `n` characters of `a` and `b` are the same but for case. */
function sameFolded(a: string, b: string, n: number): boolean {
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i) && lower(a.charCodeAt(i)) !== lower(b.charCodeAt(i))) return false;
  return true;
}

/** Whether `a` and `b` are the same word but for case. */
const equalFolded = (a: string, b: string): boolean => a.length === b.length && sameFolded(a, b, a.length);

/** Whether `word` begins with `prefix`, case aside. */
const startsFolded = (word: string, prefix: string): boolean => word.length >= prefix.length && sameFolded(word, prefix, prefix.length);

/**
 * Three rows of an edit-distance table, reused for every candidate of one
 * suggestion (a profile's keystroke compares its keys with hundreds of known
 * ones: a row array per letter of each was most of that keystroke's garbage).
 */
class DistanceRows {
  private rows: Int32Array[] = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];

  /** Rows of at least `n` cells. */
  take(n: number): Int32Array[] {
    if (this.rows[0].length < n) this.rows = [new Int32Array(n * 2), new Int32Array(n * 2), new Int32Array(n * 2)];
    return this.rows;
  }
}

/**
 * Edits between two words, case aside, a swap of two neighbouring letters
 * counting as one (optimal string alignment): `gti` is one edit from `git`,
 * as a typist sees it.
 */
function editDistance(a: string, b: string, rows: DistanceRows): number {
  const m = a.length;
  const n = b.length;
  let [before, prev, cur] = rows.take(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ai = lower(a.charCodeAt(i - 1));
    const aBefore = i > 1 ? lower(a.charCodeAt(i - 2)) : -1;
    for (let j = 1; j <= n; j++) {
      const bj = lower(b.charCodeAt(j - 1));
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === lower(b.charCodeAt(j - 2)) && aBefore === bj) d = Math.min(d, before[j - 2] + 1);
      cur[j] = d;
    }
    const reused = before;
    before = prev;
    prev = cur;
    cur = reused;
  }
  return prev[n];
}

/** The closest candidate (case-insensitive equal, or within a small edit distance). */
export function didYouMean(word: string, candidateIterable: Iterable<string>): string | undefined {
  const candidates = Array.isArray(candidateIterable) ? (candidateIterable as string[]) : [...candidateIterable];
  let best: string | undefined;
  let bestD = Infinity;
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 4)));
  const rows = new DistanceRows();
  for (const c of candidates) {
    if (c === word) continue;
    // No closer than their difference in length: most candidates need no distance at all.
    if (Math.abs(c.length - word.length) > Math.min(limit, bestD - 1)) continue;
    const d = equalFolded(c, word) ? 0 : editDistance(word, c, rows);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best !== undefined && bestD <= limit) return best;
  // A half-typed key (`grafanaEn`) suggests the one it begins (`grafanaEnable`), when only one does.
  if (word.length >= 4) {
    let only: string | undefined;
    for (const c of candidates) {
      if (c === word || !startsFolded(c, word)) continue;
      if (only !== undefined) return undefined;
      only = c;
    }
    return only;
  }
  return undefined;
}

export interface OwnSetting {
  profileUri: string;
  block: SettingsBlock;
  key: string;
  entry: Entry;
  /**
   * Profiles that inherit this very entry through a `//` merge (the base's
   * settings): the merge is that profile's settings block (see inheritedRelated).
   * Profiles, not records per inheritor: a base setting of a 10,000-machine
   * fleet has 10,000 of them; most settings share the one empty list.
   */
  inheritedBy: readonly Profile[];
}

/** The inheritors of a setting nobody inherits (shared, never written to). */
const NONE: readonly Profile[] = Object.freeze([]);

/** Related information "inherited by X" for a setting written in a base profile. */
export function inheritedRelated(s: OwnSetting): RelatedInfo[] {
  const out: RelatedInfo[] = [];
  for (const p of s.inheritedBy) {
    const merge = blockOf(p, s.block)?.origin;
    if (merge) out.push(rel(merge, `inherited by ${p.name} through this merge`));
  }
  return out;
}

/**
 * Items (machines, profiles, settings) a rule or query over a fleet goes
 * through between two pauses of the whole check (Rule.checkSteps,
 * defineStepQuery): at 10,000 machines a rule is a few milliseconds per
 * hundred machines, and a keystroke waits for at most one step.
 */
export const ITEMS_PER_STEP = 64;

/** A homelab rule written as steps (`checkSteps`), with `check` running them through at once (the CLI's way). */
export function inSteps(rule: Omit<Rule, 'check' | 'checkSteps'> & { checkSteps(ctx: RuleContext): Generator<void, Finding[]> }): Rule {
  return {
    ...rule,
    check: (ctx) => drain(rule.checkSteps(ctx)),
  };
}

/**
 * The settings written in one profile's own file, from that profile's
 * evaluation alone (no `inheritedBy`: who inherits them needs the homelab).
 */
export function settingsWrittenIn(p: Profile): OwnSetting[] {
  const out: OwnSetting[] = [];
  const seen = new Set<number>();
  for (const block of BLOCKS) {
    const b = blockOf(p, block);
    if (!b) continue;
    for (const [key, entry] of b.entries)
      for (let e: Entry | undefined = entry; e; e = e.overrides) {
        if (e.keyOrigin.uri !== p.uri || seen.has(e.keyOrigin.span.start)) continue;
        seen.add(e.keyOrigin.span.start);
        out.push({ profileUri: p.uri, block, key, entry: e, inheritedBy: NONE });
      }
  }
  return out;
}

/** Suggestions worth computing in one file during one pass; past it, a finding comes without one. */
export const SUGGESTIONS_PER_FILE = 500;

/** Whether one more suggestion may be computed for a setting of `uri` (and counts it). */
export function maySuggest(pass: SettingPass, uri: string): boolean {
  const n = pass.suggestions.get(uri) ?? 0;
  pass.suggestions.set(uri, n + 1);
  return n < SUGGESTIONS_PER_FILE;
}

/**
 * Each string inside a value (lists and sets walked, six levels deep), with
 * its origin, without building a list of them: the address rules walk a
 * fleet's monitoring profile (a target per machine) at every whole check after
 * an edit that moves an address, and such lists were their garbage.
 */
export function forEachString(v: Value, f: (value: string, origin: Origin) => void, depth = 0): void {
  if (depth > 6) return;
  if (v.kind === 'string') f(v.value, v.origin);
  else if (v.kind === 'list') for (let i = 0; i < v.items.length; i++) forEachString(v.items[i], f, depth + 1);
  else if (v.kind === 'attrs') v.entries.forEach((e) => forEachString(e.value, f, depth + 1));
}
