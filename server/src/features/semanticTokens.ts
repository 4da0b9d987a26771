// Semantic tokens for Nix profiles, so highlighting tells known settings from
// unknown ones, flags and deprecated settings, and shows addresses, strings,
// numbers and comments even with a basic grammar. Plain spans; the protocol
// layer encodes them (splitting multi-line spans).
import type * as A from '../syntax/nix/ast';
import { forEachChild } from '../syntax/nix/ast';
import type { Workspace } from '../model/workspace';
import type { Span } from '../syntax/value';
import { catalogFor } from './catalogView';
import { isAddress } from './completionYaml';
import { parsedNix, settingsSets } from './nixDoc';
import { neverCancelled, type IsCancelled } from './types';
import { spanOf } from '../syntax/value';

export const TOKEN_TYPES = ['property', 'string', 'number', 'comment', 'keyword', 'variable'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'deprecated', 'defaultLibrary', 'readonly', 'unknown', 'flag', 'address'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  span: Span;
  type: TokenType;
  modifiers: TokenModifier[];
}

export function semanticTokens(ws: Workspace, uri: string, cancelled: IsCancelled = neverCancelled): SemanticToken[] {
  const text = ws.text(uri);
  if (text === undefined || !uri.endsWith('.nix') || text.includes('\0')) return [];
  const h = ws.homelabFor(uri);
  const cat = h ? catalogFor(ws, h) : undefined;
  const p = parsedNix(uri, text);
  const out: SemanticToken[] = [];
  for (const c of p.comments) out.push({ span: { start: c.start, end: c.end }, type: 'comment', modifiers: [] });
  const settingKeys = new Map<A.AttrName, 'systemSettings' | 'userSettings'>();
  for (const s of settingsSets(p.root)) for (const b of s.set.bindings) if (b.type === 'AttrDef') settingKeys.set(b.path.names[0], s.block);
  let steps = 0;
  const walk = (n: A.Node): void => {
    if (++steps % 2000 === 0 && cancelled()) return;
    switch (n.type) {
      case 'Ident': {
        const block = settingKeys.get(n);
        if (block && cat) {
          const e = cat[block].get(n.name) ?? cat[block === 'systemSettings' ? 'userSettings' : 'systemSettings'].get(n.name);
          const mods: TokenModifier[] = ['declaration'];
          if (!e && cat[block].size) mods.push('unknown');
          if (e?.deprecated) mods.push('deprecated');
          if (/Enable$/.test(n.name)) mods.push('flag');
          out.push({ span: spanOf(n), type: 'property', modifiers: mods });
        }
        return;
      }
      case 'Str':
      case 'IndStr': {
        const only = n.parts.length === 1 && n.parts[0].type === 'Text' ? n.parts[0].value : undefined;
        if (only !== undefined && isAddress(only)) {
          out.push({ span: spanOf(n), type: 'number', modifiers: ['address'] });
          return;
        }
        // Literal parts as strings; interpolations are walked.
        let cursor = n.start;
        for (const part of n.parts) {
          if (part.type === 'Interp') {
            if (part.start > cursor) out.push({ span: { start: cursor, end: part.start }, type: 'string', modifiers: [] });
            walk(part.expr);
            cursor = part.end;
          }
        }
        if (n.end > cursor) out.push({ span: { start: cursor, end: n.end }, type: 'string', modifiers: [] });
        return;
      }
      case 'Int':
      case 'Float':
        out.push({ span: spanOf(n), type: 'number', modifiers: [] });
        return;
      case 'Var':
        if (n.name === 'true' || n.name === 'false' || n.name === 'null') out.push({ span: spanOf(n), type: 'keyword', modifiers: [] });
        else if (n.name === 'import' || n.name === 'builtins') out.push({ span: spanOf(n), type: 'variable', modifiers: ['defaultLibrary'] });
        return;
    }
    forEachChild(n, walk);
  };
  walk(p.root);
  return out.sort((a, b) => a.span.start - b.span.start);
}
