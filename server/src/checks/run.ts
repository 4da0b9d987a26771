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
import type { Diagnostic, Finding, Rule, RuleContext } from './types';

/** Homelab-wide findings per homelab object (a new object is built after every change). */
const homelabCache = new WeakMap<Homelab, Map<string, Finding[]>>();

function runRule(rule: Rule, f: () => Finding[]): Finding[] {
  try {
    return f();
  } catch (e) {
    // A rule bug must not hide every other diagnostic.
    return [];
  }
}

function homelabFindings(ws: Workspace, h: Homelab): Map<string, Finding[]> {
  let byUri = homelabCache.get(h);
  if (byUri) return byUri;
  byUri = new Map();
  const ctx: RuleContext = { workspace: ws, homelab: h };
  for (const rule of RULES) {
    if (rule.scope !== 'homelab' || !rule.check || h.settings.rules[rule.id] === 'off') continue;
    for (const f of runRule(rule, () => rule.check?.(ctx) ?? [])) {
      const list = byUri.get(f.uri) ?? [];
      list.push(f);
      byUri.set(f.uri, list);
    }
  }
  homelabCache.set(h, byUri);
  return byUri;
}

/** The files of a homelab that document rules look at. */
function checkedFiles(h: Homelab): string[] {
  const set = new Set<string>(h.nixFiles);
  if (h.inventoryUri) set.add(h.inventoryUri);
  return [...set];
}

const SPECIFIC = new Set(['ip-format', 'deploy-unsafe-value', 'calendar-format']);

function finish(ws: Workspace, h: Homelab, uri: string, findings: Finding[]): Diagnostic[] {
  const text = ws.text(uri);
  const lines = text !== undefined ? new LineIndex(text) : undefined;
  const specific = findings.filter((f) => SPECIFIC.has(f.rule));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const setting = h.settings.rules[f.rule];
    if (setting === 'off') continue;
    const rule = RULES.find((r) => r.id === f.rule);
    const severity = setting ?? f.severity ?? rule?.defaultSeverity ?? 'warning';
    if (f.rule === 'inventory-schema' && specific.some((s) => s.span.start < f.span.end && f.span.start < s.span.end)) continue;
    if (lines && isSuppressed(lines, f.span.start, f.rule)) continue;
    const id = `${f.rule}|${f.span.start}|${f.span.end}|${f.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ ...f, severity });
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
}

/** Diagnostics of one document: its own rules plus the cross-file findings that land in it. */
export function checkDocument(ws: Workspace, documentUri: string): Diagnostic[] {
  const uri = normalizeUri(documentUri);
  const h = ws.homelabFor(uri);
  if (!h) return [];
  const ctx: RuleContext = { workspace: ws, homelab: h };
  const findings: Finding[] = [];
  const large = ws.tooLarge(uri);
  for (const rule of RULES) {
    if (rule.scope !== 'document' || !rule.checkFile || h.settings.rules[rule.id] === 'off') continue;
    if (large && rule.id !== 'file-too-large') continue;
    findings.push(...runRule(rule, () => rule.checkFile?.(ctx, uri) ?? []));
  }
  if (!large) findings.push(...(homelabFindings(ws, h).get(uri) ?? []));
  return finish(ws, h, uri, findings);
}

/** Diagnostics of every file of every homelab (files without any are left out). */
export function checkAll(ws: Workspace): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const h of ws.homelabs()) {
    const uris = new Set([...checkedFiles(h), ...homelabFindings(ws, h).keys()]);
    for (const uri of [...uris].sort()) {
      const d = checkDocument(ws, uri);
      if (d.length) out.set(uri, d);
    }
  }
  return out;
}
