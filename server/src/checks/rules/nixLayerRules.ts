// Shared builder for the rules whose findings come straight from the Nix
// syntax layer (one rule per kind of finding, each in its own file).
import type { NixRuleId } from '../../model/nixAdapter';
import type { Rule, Severity } from '../types';

export function nixLayerRule(id: NixRuleId, defaultSeverity: Severity, description: string): Rule {
  return {
    id,
    defaultSeverity,
    description,
    scope: 'document',
    checkFile(ctx, uri) {
      if (!uri.endsWith('.nix')) return [];
      const a = ctx.workspace.nixAnalysis(uri);
      return (a?.diagnostics ?? []).filter((d) => d.rule === id).map((d) => ({ rule: id, uri, span: d.span, message: d.message, ...(d.severity ? { severity: d.severity } : {}) }));
    },
  };
}
