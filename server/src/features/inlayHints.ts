// Inlay hints (off unless the user enables them): the owner's name after an
// address, and the effective value after a setting that a later `//` in the
// same profile overrides.
import type { Workspace } from '../model/workspace';
import type { Span } from '../syntax/value';
import { isParsed, parseAddress } from '../model/ip';
import { addressInfo } from './homelabInfo';
import { keysOf, parsedNix, settingsSets } from './nixDoc';
import { settingChain } from './settingChain';

export interface InlayHint {
  offset: number;
  label: string;
  tooltip?: string;
}

export function inlayHints(ws: Workspace, uri: string, range: Span): InlayHint[] {
  const text = ws.text(uri);
  const h = ws.homelabFor(uri);
  if (text === undefined || !h || text.includes('\0')) return [];
  const out: InlayHint[] = [];
  const declares = new Set((h.addresses.places ?? []).filter((p) => p.role === 'declares' && p.origin.uri === uri).map((p) => p.origin.span.start));
  const re = uri.endsWith('.nix') ? /"(\d{1,3}(?:\.\d{1,3}){3})"/g : /(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?![\w.\/])/g;
  const slice = text.slice(range.start, range.end);
  for (const m of slice.matchAll(re)) {
    const start = range.start + (m.index ?? 0);
    if (declares.has(start)) continue;
    const a = parseAddress(m[1]);
    if (!isParsed(a)) continue;
    const info = addressInfo(h, m[1]);
    if (!info?.owner) continue;
    const own = h.machines.get(info.owner.name);
    if (uri.endsWith('.nix') && own?.configUri === uri) continue; // a profile's own address needs no label
    out.push({ offset: start + m[0].length, label: ` ${info.owner.name}`, tooltip: `${info.owner.kind} ${info.owner.name}${info.runs.length ? ` — ${info.runs.join(', ')}` : ''}` });
  }
  if (uri.endsWith('.nix')) {
    for (const s of settingsSets(parsedNix(uri, text).root)) {
      for (const k of keysOf(s.set)) {
        if (k.def.end < range.start || k.def.start > range.end) continue;
        const top = settingChain(ws, h, uri, s.block, k.key)[0];
        if (!top || (top.uri === uri && top.keySpan.start === k.name.start)) continue;
        const shown = text.slice(k.def.value.start, k.def.value.end);
        if (top.valueText === shown) continue;
        out.push({ offset: k.def.end, label: ` → ${top.valueText.replace(/\s+/g, ' ').slice(0, 40)}`, tooltip: 'effective value after the `//` merge' });
      }
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
