// Runs the rules: per document (fast, for the editor) or over every homelab
// (for the CLI and "Check Workspace"). Applies the severity overrides of
// `homelab.rules`, per-line `# homelab-ignore:` comments, and removes a generic
// schema finding where a specific rule already reported the same place.
import type { Homelab } from '../model/homelab';
import { normalizeUri } from '../model/uri';
import type { Workspace } from '../model/workspace';
import { LineIndex } from '../syntax/lineIndex';
import { RULES } from './registry';
import { isSuppressed } from './suppress';
import { judgesOwnSettings, ownSettingFindings } from './settingShards';
import type { Diagnostic, Finding, Rule, RuleContext, SettingPass } from './types';
import { settingsWrittenIn } from './util';
import { defineQuery, defineStepQuery, drain } from '../model/query/engine';
import { deepEqual } from '../model/query/equal';
import { checkedUrisInOrder } from './checkedUris';

/** What the checks remember between runs, owned by one workspace: two workspaces in one process never see each other's findings. */
interface CheckMemory {
  /** The newest homelab-wide findings per homelab root, for the quick per-keystroke path. */
  lastHomelabFindings: Map<string, Map<string, Finding[]>>;
  /** Document rules' findings per file (see documentFindings). */
  documents: Map<string, { stamp: number; open: boolean; settings: object; findings: Finding[]; judged?: Diagnostic[] }>;
  /** The line index of each file's current text (see linesOf). */
  lineIndexes: Map<string, LineIndex>;
}
const CHECK_MEMORY = Symbol('the checks memory');

function memoryOf(ws: Workspace): CheckMemory {
  return ws.own(CHECK_MEMORY, (): CheckMemory => ({ lastHomelabFindings: new Map(), documents: new Map(), lineIndexes: new Map() }));
}

function runRule(ws: Workspace, rule: Rule, f: () => Finding[]): Finding[] {
  try {
    return f();
  } catch (e) {
    // A rule bug must not hide every other diagnostic, nor go unsaid.
    ws.logInternalError(`rule ${rule.id}`, e);
    return [];
  }
}

/**
 * One homelab-wide rule over one folder, as a query (key `root\0ruleId`): it
 * reads the homelab through a view of tracked parts, so it runs again only
 * when a part it read changed, and its findings cut off when equal.
 */
const RULE_QUERY = defineStepQuery<Finding[], Workspace>(
  'rule',
  function* (read, key) {
    const ws = read.owner;
    const [root, id] = key.split('\0');
    const rule = RULE_BY_ID.get(id as Finding['rule']);
    if (!rule || !runsHomelabWide(rule)) return [];
    const ctx: RuleContext = { workspace: ws, homelab: ws.homelabView(root) };
    const t0 = process.env.HOMELAB_RULE_TIMING ? performance.now() : 0;
    let found: Finding[];
    // Its findings about the settings written in profiles, per profile file (settingShards.ts), then the rest.
    let aboutSettings: Finding[] = [];
    try {
      if (judgesOwnSettings(rule)) aboutSettings = yield* ownSettingFindings(ws, root, rule.id);
    } catch (e) {
      ws.logInternalError(`rule ${rule.id}`, e);
      return [];
    }
    if (rule.checkSteps) {
      // A rule over every machine of a fleet pauses now and then (see Rule.checkSteps).
      try {
        found = yield* rule.checkSteps(ctx);
      } catch (e) {
        ws.logInternalError(`rule ${rule.id}`, e);
        found = [];
      }
    } else found = rule.check ? runRule(ws, rule, () => rule.check?.(ctx) ?? []) : [];
    if (aboutSettings.length) found = found.length ? [...found, ...aboutSettings] : aboutSettings;
    if (t0) process.stderr.write(`rule ${rule.id}: ${(performance.now() - t0).toFixed(1)} ms\n`);
    return found;
  },
  (a, b) => deepEqual(a, b),
  (key) => `rule ${key.slice(key.indexOf('\0') + 1)}`,
);

/** Whether a rule runs over a whole homelab (its `check`, its steps, or its judgement of the settings written in profiles). */
export function runsHomelabWide(rule: Rule): boolean {
  return rule.scope === 'homelab' && (rule.check !== undefined || rule.checkSteps !== undefined || judgesOwnSettings(rule));
}

/** The homelab rules that are on, in registry order. */
function homelabRules(h: Homelab): Rule[] {
  return RULES.filter((rule) => runsHomelabWide(rule) && h.settings.rules[rule.id] !== 'off');
}

/** Every homelab-wide finding of a folder by file, merged from the rules' queries. */
const FINDINGS_QUERY = defineQuery<Map<string, Finding[]>, Workspace>('homelabFindings', (read, root) => {
  const ws = read.owner;
  const byUri = new Map<string, Finding[]>();
  const settings = ws.homelabView(root).settings;
  for (const rule of RULES) {
    if (!runsHomelabWide(rule) || settings.rules[rule.id] === 'off') continue;
    for (const f of read.query(RULE_QUERY, `${root}\0${rule.id}`)) {
      const list = byUri.get(f.uri);
      if (list) list.push(f);
      else byUri.set(f.uri, [f]);
    }
  }
  return byUri;
});

function homelabFindings(ws: Workspace, h: Homelab): Map<string, Finding[]> {
  return drain(homelabFindingSteps(ws, h));
}

/**
 * The homelab rules one by one, pausing after each so pending requests
 * (completion, hover) are answered between them (see checkAllSteps); a rule
 * whose parts did not change is not run again.
 */
function* homelabFindingSteps(ws: Workspace, h: Homelab): Generator<void, Map<string, Finding[]>> {
  for (const rule of homelabRules(h)) {
    if (ws.engine.isCurrent(RULE_QUERY, `${h.root}\0${rule.id}`)) continue;
    // What the rule reads (the settings written in profiles, an index) first, in steps of their own, then the rule in its steps.
    yield* ws.engine.update(RULE_QUERY, `${h.root}\0${rule.id}`);
    ws.engine.query(RULE_QUERY, `${h.root}\0${rule.id}`);
    yield;
  }
  const byUri = ws.engine.query(FINDINGS_QUERY, h.root);
  memoryOf(ws).lastHomelabFindings.set(h.root, byUri);
  return byUri;
}

const SPECIFIC = new Set(['ip-format', 'deploy-unsafe-value', 'calendar-format']);
const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/**
 * Whether a span overlaps any of `spans`, in O(log n) per question (a file
 * with 20,000 schema findings and 20,000 address findings must not compare
 * every pair): spans sorted by start, with the largest end so far.
 */
function overlapTest(spans: { start: number; end: number }[]): (span: { start: number; end: number }) => boolean {
  if (spans.length === 0) return () => false;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const s of sorted) maxEnd.push(Math.max(s.end, maxEnd[maxEnd.length - 1] ?? -Infinity));
  return (span) => {
    // The last span that starts before `span` ends.
    let lo = 0;
    let hi = sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < span.end) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && maxEnd[last] > span.start;
  };
}

/**
 * Findings of one part (the document rules', or the cross-file ones) as
 * diagnostics: severities from `homelab.rules`, `# homelab-ignore` applied,
 * duplicates dropped, sorted by place.
 */
function judge(ws: Workspace, h: Homelab, uri: string, findings: Finding[]): Diagnostic[] {
  if (findings.length === 0) return [];
  const lines = linesOf(ws, uri);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const setting = h.settings.rules[f.rule];
    if (setting === 'off') continue;
    const severity = setting ?? f.severity ?? RULE_BY_ID.get(f.rule)?.defaultSeverity ?? 'warning';
    if (lines && isSuppressed(lines, f.span.start, f.rule)) continue;
    const id = `${f.rule}|${f.span.start}|${f.span.end}|${f.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ ...f, severity });
  }
  return out.sort(byPlace);
}

/**
 * The line index of a file's current text, one per file: both parts of a
 * file are judged with it, and the ignore comments found in it (suppress.ts
 * keys them by index) are found once per text, not once per check.
 */
function linesOf(ws: Workspace, uri: string): LineIndex | undefined {
  const text = ws.text(uri);
  if (text === undefined) return undefined;
  const lineIndexes = memoryOf(ws).lineIndexes;
  const known = lineIndexes.get(uri);
  if (known?.text === text) return known;
  const index = new LineIndex(text);
  lineIndexes.set(uri, index);
  return index;
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.rule.localeCompare(b.rule);
}

/**
 * A file's diagnostics from its two judged parts, merged in order (a rule is
 * of one scope only, so the parts never hold the same diagnostic), without a
 * generic schema finding where a specific rule reported the same place.
 */
function combine(own: Diagnostic[], cross: Diagnostic[]): Diagnostic[] {
  const merged: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < own.length || j < cross.length) {
    if (j >= cross.length || (i < own.length && byPlace(own[i], cross[j]) <= 0)) merged.push(own[i++]);
    else merged.push(cross[j++]);
  }
  const specific = merged.filter((d) => SPECIFIC.has(d.rule)).map((d) => d.span);
  if (specific.length === 0) return merged;
  const overlapsSpecific = overlapTest(specific);
  return merged.filter((d) => d.rule !== 'inventory-schema' || !overlapsSpecific(d.span));
}

/**
 * Findings of the document rules depend on the file alone (its text, whether it
 * is open, the folder's settings): cached per text stamp, so a whole-workspace
 * check after a one-file change re-runs them for that file only.
 */
function documentFindings(ws: Workspace, h: Homelab, uri: string): Finding[] {
  const stamp = ws.docs.stamp(uri);
  const open = ws.docs.isOpen(uri);
  const documentCache = memoryOf(ws).documents;
  const cached = documentCache.get(uri);
  if (cached && cached.stamp === stamp && cached.open === open && cached.settings === h.settings) return cached.findings;
  const findings = runDocumentRules(ws, h, uri);
  documentCache.set(uri, { stamp, open, settings: h.settings, findings });
  return findings;
}

/** The document rules over one file (less those in `skip`). */
function runDocumentRules(ws: Workspace, h: Homelab, uri: string, skip?: ReadonlySet<string>): Finding[] {
  const ctx: RuleContext = { workspace: ws, homelab: h };
  const findings: Finding[] = [];
  const large = ws.tooLarge(uri);
  ws.engine.count('documentRules');
  for (const rule of RULES) {
    if (rule.scope !== 'document' || !rule.checkFile || h.settings.rules[rule.id] === 'off' || skip?.has(rule.id)) continue;
    if (large && rule.id !== 'file-too-large') continue;
    // A loop, not push(...): a file can have 100,000 findings, too many for call arguments.
    for (const f of runRule(ws, rule, () => rule.checkFile?.(ctx, uri) ?? [])) findings.push(f);
  }
  return findings;
}

/**
 * The document rules' findings judged, cached with them: a whole check after
 * a change elsewhere must not judge again an unchanged file's 100,000 findings.
 */
function judgedDocument(ws: Workspace, h: Homelab, uri: string): Diagnostic[] {
  const findings = documentFindings(ws, h, uri);
  const entry = memoryOf(ws).documents.get(uri);
  if (entry?.findings !== findings) return judge(ws, h, uri, findings);
  entry.judged ??= judge(ws, h, uri, findings);
  return entry.judged;
}

/** Diagnostics of one document: its own rules plus the cross-file findings that land in it. */
export function checkDocument(ws: Workspace, documentUri: string): Diagnostic[] {
  const uri = normalizeUri(documentUri);
  const h = ws.homelabFor(uri);
  if (!h) return [];
  return checkDocumentIn(ws, h, uri, homelabFindings(ws, h));
}

/** A document's diagnostics in its homelab `h`, whose homelab-wide findings are `all`. */
function checkDocumentIn(ws: Workspace, h: Homelab, uri: string, all: Map<string, Finding[]>): Diagnostic[] {
  const cross = ws.tooLarge(uri) ? undefined : all.get(uri);
  const own = judgedDocument(ws, h, uri);
  // Most files of a fleet have nothing to show: no arrays made for them (a whole check looks at every file).
  if (own.length === 0 && !cross?.length) return [];
  return combine(own, cross ? judge(ws, h, uri, cross) : []);
}

/** A text edit as offsets: [start, oldEnd) of the old text became [start, newEnd). Edits in a list apply in order. */
export interface EditRegion {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** A span moved past edits made in order, or undefined if one of them touched it. */
function movedPast(span: { start: number; end: number }, edits: readonly EditRegion[]): { start: number; end: number } | undefined {
  let { start, end } = span;
  for (const edit of edits) {
    if (end <= edit.start) continue;
    if (start < edit.oldEnd) return undefined;
    start += edit.newEnd - edit.oldEnd;
    end += edit.newEnd - edit.oldEnd;
  }
  return { start, end };
}

/**
 * What a keystroke needs at once: the document's own rules on its new text,
 * and the cross-file findings of the last whole check for it, moved past the
 * edits since it. Nothing here rebuilds the homelab; the next whole check (a moment
 * later, off the keystroke's path) replaces the cross-file part.
 */
export function checkDocumentQuick(ws: Workspace, documentUri: string, edits: readonly EditRegion[] | undefined): Diagnostic[] {
  const uri = normalizeUri(documentUri);
  const early = ws.homelabBeforeBuild(uri);
  if (early) return checkBeforeBuild(ws, early, uri);
  const h = ws.lastBuiltHomelabFor(uri);
  if (!h) return [];
  const findings: Finding[] = [];
  const settingFindings = quickSettingFindings(ws, h, uri);
  const last = memoryOf(ws).lastHomelabFindings.get(h.root)?.get(uri) ?? [];
  for (const f of last) {
    if (settingFindings && PER_SETTING.has(f.rule)) continue; // judged afresh below
    const span = edits ? movedPast(f.span, edits) : f.span;
    // A finding inside an edited text is dropped until the whole check says again.
    if (span === f.span) findings.push(f);
    else if (span) findings.push({ ...f, span });
  }
  if (settingFindings) {
    // Who inherits a base profile's setting needs the whole homelab: keep what the last check said.
    const relatedBefore = new Map<string, Finding['related']>();
    for (const b of last) if (!relatedBefore.has(`${b.rule}|${b.message}`)) relatedBefore.set(`${b.rule}|${b.message}`, b.related);
    for (const f of settingFindings) {
      const related = relatedBefore.get(`${f.rule}|${f.message}`);
      findings.push(related ? { ...f, related } : f);
    }
  }
  return combine(judgedDocument(ws, h, uri), judge(ws, h, uri, findings));
}

/**
 * Document rules that read a part of the homelab known only once it is built
 * (whether pipe operators are enabled): before the first build they wait for it.
 */
const BEFORE_BUILD_UNKNOWN: ReadonlySet<string> = new Set<Finding['rule']>(['nix-pipe-operator']);

/**
 * A file's own diagnostics before its folder's homelab was ever built (a file
 * opened at start-up, in a fleet whose profiles are still being evaluated):
 * its document rules and, in a profile, its settings judged against the
 * catalog, all from `ws.homelabBeforeBuild`. Each is one the whole check
 * reports too (the catalog is the one it uses); the whole check adds the
 * cross-file findings, who inherits a setting, and the rules that wait.
 * Nothing is kept: the first whole check judges the file afresh.
 */
function checkBeforeBuild(ws: Workspace, h: Homelab, uri: string): Diagnostic[] {
  const own = runDocumentRules(ws, h, uri, BEFORE_BUILD_UNKNOWN);
  return combine(judge(ws, h, uri, own), judge(ws, h, uri, quickSettingFindings(ws, h, uri) ?? []));
}

/** Rules that judge each setting against the catalog alone (`checkSetting`). */
const PER_SETTING = new Set(RULES.filter((r) => r.checkSetting).map((r) => r.id));

/**
 * The per-setting rules for the settings an edited profile writes, against
 * the last built catalog: a typo of a key is reported on the keystroke, not
 * after the whole check. Undefined when the file is no profile, or when its
 * change can change the catalog itself (lib/defaults.nix).
 */
function quickSettingFindings(ws: Workspace, h: Homelab, uri: string): Finding[] | undefined {
  if (!h.profiles.has(uri) || uri === h.defaultsUri || ws.tooLarge(uri)) return undefined;
  const profile = ws.evaluate(uri);
  const out: Finding[] = [];
  const rules = RULES.filter((r) => r.checkSetting && h.settings.rules[r.id] !== 'off');
  const pass: SettingPass = { suggestions: new Map() };
  for (const s of settingsWrittenIn(profile))
    for (const rule of rules) {
      const f = runRule(ws, rule, () => {
        const one = rule.checkSetting?.(h, s, pass);
        return one ? [one] : [];
      });
      for (const x of f) out.push(x);
    }
  return out;
}

/** Diagnostics of every file of every homelab (files without any are left out). */
export function checkAll(ws: Workspace): Map<string, Diagnostic[]> {
  return drain(checkAllSteps(ws));
}

/**
 * The whole check in small steps (one rule, or a batch of files, per step),
 * so a caller can pause between them and let keystrokes through; a caller
 * that sees the workspace change meanwhile drops the steps and starts anew.
 */
export function* checkAllSteps(ws: Workspace): Generator<void, Map<string, Diagnostic[]>> {
  const out = new Map<string, Diagnostic[]>();
  for (const h of yield* ws.homelabSteps()) {
    yield;
    const findings = yield* homelabFindingSteps(ws, h);
    const uris = yield* checkedUrisInOrder(ws, h, findings);
    // Indexed: an iterator in a generator leaves an object per file and step.
    for (let i = 0; i < uris.length; i++) {
      const uri = uris[i];
      // As checkDocument judges it: by its normalised URI (a finding under another spelling of it is not
      // shown), in its own folder's homelab (a file of a nested folder belongs to that one).
      const u = normalizeUri(uri);
      const d = ws.homelabFor(u) === h ? checkDocumentIn(ws, h, u, findings) : checkDocument(ws, uri);
      if (d.length) out.set(uri, d);
      if ((i + 1) % 20 === 0) yield;
    }
  }
  return out;
}
