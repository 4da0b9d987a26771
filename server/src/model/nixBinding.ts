// Binds the model's NixLayer seam to the Nix syntax layer: parse errors and
// scope findings become per-file diagnostics; encrypted or binary files are
// recognised before parsing; evaluation goes through the static evaluator.
import { detectUnparseable } from '../syntax/nix/detect';
import { NixEvaluator } from '../syntax/nix/eval/evaluator';
import { configValue, fromValue } from '../syntax/nix/eval/moduleArgs';
import { Thunk } from '../syntax/nix/eval/types';
import { parseNixShared } from '../syntax/nix/parseCache';
import { analyzeScopes, type ScopeCode } from '../syntax/nix/scopes';
import type { NixDiagnostic, NixEvalSession, NixLayer, NixReadHost, NixRuleId } from './nixAdapter';

const RULE_OF: Record<ScopeCode, NixRuleId> = {
  'undefined-variable': 'nix-undefined-variable',
  'duplicate-attribute': 'nix-duplicate-attribute',
  'duplicate-formal': 'nix-duplicate-attribute',
  'dynamic-attribute': 'nix-syntax',
  'unused-binding': 'nix-unused-binding',
};


export const realNixLayer: NixLayer = {
  analyze(text) {
    const unparseable = detectUnparseable(text);
    if (unparseable) return { diagnostics: [], unparseable };
    const parsed = parseNixShared(text);
    const diagnostics: NixDiagnostic[] = parsed.errors.map((e) => ({ rule: 'nix-syntax', span: e.span, message: e.message }));
    // Scope findings on a tree with syntax errors would mostly be noise.
    if (parsed.errors.length === 0)
      for (const d of analyzeScopes(parsed.root, text).diagnostics) diagnostics.push({ rule: RULE_OF[d.code] ?? 'nix-syntax', span: d.span, message: d.message, ...(d.severity === 'warning' ? { severity: 'warning' as const } : {}) });
    return { diagnostics };
  },
  evaluate(uri, host) {
    // One evaluator per evaluation: it caches parsed files, and the model's own
    // cache (per profile, validated by the stamps of every file read) sits above it.
    return new NixEvaluator(host).evaluateFile(uri);
  },
  evaluateForDiscovery(uri, host, mode) {
    const evaluator = new NixEvaluator(host);
    const value = evaluator.evaluateFile(uri, { flake: mode === 'flake', applyNestedFunctions: true });
    return { value, deps: evaluator.filesReachedFrom(uri), stops: evaluator.stops };
  },
  machineModules(host) {
    const evaluator = new NixEvaluator(host);
    return {
      evaluate(uri, args) {
        const known = new Map<string, Thunk>();
        const origin = { uri, span: { start: 0, end: 0 } };
        for (const [k, v] of args.values) known.set(k, new Thunk(() => fromValue(v), v.origin));
        const config = args.config;
        if (config) known.set('config', new Thunk(() => configValue(config, origin), origin));
        const value = evaluator.evaluateModule(uri, known);
        return { value, deps: evaluator.filesReachedFrom(uri) };
      },
    };
  },
  session(host: NixReadHost): NixEvalSession {
    let evaluator = new NixEvaluator(host);
    return {
      evaluate(uri) {
        const value = evaluator.evaluateFile(uri);
        const deps = evaluator.filesReachedFrom(uri);
        // A failure may leave a value half-computed in the evaluator's caches: later files start afresh.
        if (value.kind === 'unknown' && value.reason.startsWith('evaluation failed')) evaluator = new NixEvaluator(host);
        return { value, deps };
      },
    };
  },
};
