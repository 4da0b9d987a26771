// Where a setting was set along `defaults → base → profile`: the places newest
// first, read from the evaluated profile's `Entry.overrides` chain when the
// model has it, else followed through the files' text (`base = import ./X.nix`
// and `base.systemSettings // { … }`), down to lib/defaults.nix.
import type { Homelab } from '../model/homelab';
import { overrideChain, blockOf, type SettingsBlock } from '../model/profiles';
import type { Workspace } from '../model/workspace';
import { dirnameUri, joinUri } from '../model/uri';
import type { Span } from '../syntax/value';
import { catalogFor } from './catalogView';
import { identName, keysOf, letImports, parsedNix, settingsSets, unparen } from './nixDoc';
import { spanOf } from '../syntax/value';

export interface ChainLink {
  uri: string;
  /** The key's text. */
  keySpan: Span;
  /** The value's text as written (it may live in another file, e.g. a secrets file). */
  valueText: string;
  valueUri: string;
  valueSpan: Span;
}

/** Values read from a `secrets/` folder are never shown (hover, hints, traces): only where they come from. */
export function isSecretUri(uri: string): boolean {
  return /\/secrets?\//i.test(uri);
}

function linkFromText(ws: Workspace, uri: string, keySpan: Span, valueSpan: Span, valueUri = uri): ChainLink {
  if (valueUri !== uri && isSecretUri(valueUri)) {
    return { uri, keySpan, valueUri, valueSpan, valueText: `<secret from ${valueUri.slice(valueUri.lastIndexOf('/') + 1)}>` };
  }
  const t = ws.text(valueUri) ?? '';
  return { uri, keySpan, valueUri, valueSpan, valueText: t.slice(valueSpan.start, valueSpan.end) };
}

/** The chain for `key` in `block` of the profile at `uri`, newest first. */
export function settingChain(ws: Workspace, h: Homelab | undefined, uri: string, block: SettingsBlock, key: string): ChainLink[] {
  const profile = h?.profiles.get(uri);
  const entry = profile ? blockOf(profile, block)?.entries.get(key) : undefined;
  const out: ChainLink[] = entry ? overrideChain(entry).map((e) => linkFromText(ws, e.keyOrigin.uri, e.keyOrigin.span, e.value.origin.span, e.value.origin.uri)) : [];
  const seen = new Set<string>();
  let cur: string | undefined = entry ? undefined : uri;
  while (cur && !seen.has(cur) && out.length < 16) {
    seen.add(cur);
    const text = ws.text(cur);
    if (text === undefined || text.includes('\0')) break;
    const p = parsedNix(cur, text);
    const sets = settingsSets(p.root).filter((s) => s.block === block);
    // The later sets of a `a // b // c` chain win.
    let next: string | undefined;
    for (const s of [...sets].reverse()) {
      const k = keysOf(s.set).find((x) => x.key === key);
      if (k && !out.some((l) => l.uri === cur && l.keySpan.start === k.name.start)) out.push(linkFromText(ws, cur, spanOf(k.name), spanOf(k.def.value)));
    }
    const baseExpr = sets.find((s) => s.base)?.base;
    if (baseExpr) {
      const b = unparen(baseExpr);
      const varName = b.type === 'Select' && b.target.type === 'Var' ? b.target.name : undefined;
      const imp = varName ? letImports(p.root).get(varName) : undefined;
      if (imp) next = joinUri(dirnameUri(cur), imp.path);
      else if (b.type === 'Select') {
        const t = unparen(b.target);
        if (t.type === 'Paren' || t.type === 'Apply') {
          const a = unparen(t);
          if (a.type === 'Apply' && a.fn.type === 'Var' && a.fn.name === 'import' && a.arg.type === 'Path') next = joinUri(dirnameUri(cur), a.arg.first);
        }
      }
    }
    cur = next;
  }
  if (h) {
    const def = catalogFor(ws, h)[block].get(key)?.definition;
    if (def && !out.some((l) => l.uri === def.uri && l.keySpan.start === def.span.start)) {
      const text = ws.text(def.uri) ?? '';
      const p = parsedNix(def.uri, text);
      let valueSpan: Span = def.span;
      for (const s of settingsSets(p.root)) for (const k of keysOf(s.set)) if (k.name.start === def.span.start) valueSpan = spanOf(k.def.value);
      // lib/defaults.nix is not a profile (no settingsSets through `//`); find the key directly.
      if (valueSpan === def.span) {
        const m = /^\s*=\s*/.exec(text.slice(def.span.end));
        if (m) {
          const start = def.span.end + m[0].length;
          const semi = text.indexOf(';', start);
          valueSpan = { start, end: semi < 0 ? start : semi };
        }
      }
      out.push(linkFromText(ws, def.uri, def.span, valueSpan));
    }
  }
  return out;
}

export { identName };
