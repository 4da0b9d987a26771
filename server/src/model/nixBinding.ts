// Binds the model's NixLayer seam to the Nix syntax layer: parse errors and
// scope findings become per-file diagnostics; encrypted or binary files are
// recognised before parsing; evaluation goes through the static evaluator.
import { parseNix } from '../syntax/nix/parser';
import { analyzeScopes, type ScopeCode } from '../syntax/nix/scopes';
import type { NixDiagnostic, NixLayer, NixRuleId } from './nixAdapter';

const RULE_OF: Record<ScopeCode, NixRuleId> = {
  'undefined-variable': 'nix-undefined-variable',
  'duplicate-attribute': 'nix-duplicate-attribute',
  'duplicate-formal': 'nix-duplicate-attribute',
  'dynamic-attribute': 'nix-syntax',
  'unused-binding': 'nix-unused-binding',
};

/** `git-crypt` for a git-crypt encrypted file, `binary` for other non-text content. */
export function unparseableKind(text: string): 'git-crypt' | 'binary' | undefined {
  if (text.startsWith('\0GITCRYPT\0')) return 'git-crypt';
  if (text.slice(0, 8000).includes('\0')) return 'binary';
  return undefined;
}

export const realNixLayer: NixLayer = {
  analyze(text) {
    const unparseable = unparseableKind(text);
    if (unparseable) return { diagnostics: [], unparseable };
    const parsed = parseNix(text);
    const diagnostics: NixDiagnostic[] = parsed.errors.map((e) => ({ rule: 'nix-syntax', span: e.span, message: e.message }));
    // Scope findings on a tree with syntax errors would mostly be noise.
    if (parsed.errors.length === 0)
      for (const d of analyzeScopes(parsed.root, text).diagnostics) diagnostics.push({ rule: RULE_OF[d.code] ?? 'nix-syntax', span: d.span, message: d.message });
    return { diagnostics };
  },
  evaluate() {
    return undefined;
  },
};
