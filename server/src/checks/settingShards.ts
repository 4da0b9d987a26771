// The rules that judge each setting written in a profile file (unknown,
// type, enum, deprecated, unused, address and calendar format, scrape
// targets), as one query per profile file: a profile's edit re-judges the
// settings of that file and of the files it imports (its base), not the
// settings of every profile of the fleet. Which profiles' settings come from a
// file is an index of its own (`settingReaders`, from each profile's
// evaluation's files read), cut off while no profile reads another file.
// Nothing is kept per setting between runs: a file's settings are found
// afresh when its query runs (the memory of a 10,000-machine fleet), from
// what each reader shows of the file, kept per evaluation for a file with
// many readers (settingPlaces.ts): a base file's walk reads again only the
// evaluations that changed.
import type { Homelab } from '../model/homelab';
import { defineStepQuery } from '../model/query/engine';
import { deepEqual, sameArray, sameMap } from '../model/query/equal';
import type { Workspace } from '../model/workspace';
import { RULES } from './registry';
import type { Finding, Rule, RuleId, SettingPass } from './types';
import { ITEMS_PER_STEP, type OwnSetting } from './util';
import { settingsWrittenInFile } from './settingPlaces';

/** Whether a rule judges the settings written in profiles (its findings about them come from this file's queries). */
export function judgesOwnSettings(rule: Rule): boolean {
  return rule.checkSetting !== undefined || rule.judgeOwnSetting !== undefined;
}

const SETTING_RULES = RULES.filter((r) => r.scope === 'homelab' && judgesOwnSettings(r));

/**
 * For each profile file, the profiles whose evaluation read it (itself, and
 * every profile that imports it), in the build's order: the only profiles
 * whose effective settings can hold an entry written in that file.
 */
const READERS_QUERY = defineStepQuery<Map<string, string[]>, Workspace>(
  'settingReaders',
  function* (read, root) {
    const ws = read.owner;
    const { list, set } = ws.profileKeys(root);
    const out = new Map<string, string[]>();
    let n = 0;
    for (const uri of list) {
      if (++n % ITEMS_PER_STEP === 0) yield;
      for (const f of ws.evaluate(uri).deps) {
        if (!set.has(f)) continue;
        const readers = out.get(f);
        if (readers) readers.push(uri);
        else out.set(f, [uri]);
      }
    }
    return out;
  },
  (a, b) => sameMap(a, b, (x, y) => sameArray(x, y)),
);

/** Findings by rule; a rule that threw gives its error instead (told once per folder by the rule's query, not once per file). */
type ByRule = Map<RuleId, Finding[] | { error: unknown }>;

/** The findings of every setting rule that is on about the settings written in one file (key `root\0file`), by rule. */
const FILE_QUERY = defineStepQuery<ByRule, Workspace>(
  'settingFindings',
  function* (read, key) {
    const [root, file] = key.split('\0');
    const ws = read.owner;
    const readers = read.query(READERS_QUERY, root).get(file) ?? [];
    const out: ByRule = new Map();
    if (readers.length === 0) return out;
    const h = ws.homelabView(root);
    const settings = yield* settingsWrittenInFile(ws, key, file, readers);
    for (const rule of SETTING_RULES) {
      if (h.settings.rules[rule.id] === 'off') continue;
      yield;
      const found = yield* judgeAll(rule, h, settings);
      if (!Array.isArray(found) || found.length) out.set(rule.id, found);
    }
    return out;
  },
  (a, b) => deepEqual(a, b),
);

/**
 * One rule over the settings of one file, in their order (or the error it
 * threw), pausing every so many settings: a fleet's monitoring profile writes
 * one per machine (a rule over them all took 1.5 ms at 1,000 machines).
 */
function* judgeAll(rule: Rule, h: Homelab, settings: OwnSetting[]): Generator<void, Finding[] | { error: unknown }> {
  const out: Finding[] = [];
  // Per file, as the suggestions' budget is (maySuggest): the same suggestions as one pass over the fleet.
  const pass: SettingPass = { suggestions: new Map() };
  for (let i = 0; i < settings.length; i++) {
    if (i > 0 && i % (ITEMS_PER_STEP * 4) === 0) yield;
    try {
      if (rule.judgeOwnSetting) {
        const steps = rule.judgeOwnSetting(h, settings[i], pass, out);
        if (steps) yield* steps;
      } else {
        const f = rule.checkSetting?.(h, settings[i], pass);
        if (f) out.push(f);
      }
    } catch (error) {
      return { error };
    }
  }
  return out;
}

/** Every profile file's setting findings, merged by rule, in steps of a few dozen files (cut off when equal). */
const FOLDER_QUERY = defineStepQuery<ByRule, Workspace>(
  'settingFindingsAll',
  function* (read, root) {
    const out: ByRule = new Map();
    let n = 0;
    for (const file of read.query(READERS_QUERY, root).keys()) {
      // A file's findings are merged one by one (a fleet's base file has thousands): a pause every few files.
      if (++n % ITEMS_PER_STEP === 0) yield;
      for (const [id, found] of read.query(FILE_QUERY, `${root}\0${file}`)) {
        const list = out.get(id);
        // The first error of a rule stands for all of it (as a rule that throws reports nothing).
        if (!Array.isArray(found)) {
          if (Array.isArray(list) || !list) out.set(id, found);
        } else if (Array.isArray(list)) for (const f of found) list.push(f);
        else if (!list) out.set(id, [...found]);
      }
    }
    return out;
  },
  (a, b) => deepEqual(a, b),
);

/**
 * A setting rule's findings about the settings written in the profiles of
 * the folder `root`, brought up to date in steps; when the rule threw on some
 * file, that error is thrown here (the rule's query logs it once and reports nothing).
 */
export function* ownSettingFindings(ws: Workspace, root: string, id: RuleId): Generator<void, Finding[]> {
  yield* ws.engine.update(FOLDER_QUERY, root);
  const found = ws.engine.query(FOLDER_QUERY, root).get(id) ?? [];
  if (!Array.isArray(found)) throw found.error;
  return found;
}
