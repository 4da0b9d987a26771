// Binds the model's NixLayer seam to the Nix syntax layer: parse errors and
// scope findings become per-file diagnostics; encrypted or binary files are
// recognised before parsing; evaluation goes through the static evaluator.
import { detectUnparseable } from '../syntax/nix/detect';
import { NixEvaluator } from '../syntax/nix/eval/evaluator';
import { appliedFrom } from '../syntax/nix/eval/convert';
import { configValue, fromValue } from '../syntax/nix/eval/moduleArgs';
import { Thunk } from '../syntax/nix/eval/types';
import { parseNixShared } from '../syntax/nix/parseCache';
import type { ParseResult } from '../syntax/nix/parser';
import { analyzeScopes, type ScopeCode } from '../syntax/nix/scopes';
import { internalErrorDiagnostic, type MachineModuleArgs, type NixDiagnostic, type NixEvalSession, type NixLayer, type NixReadHost, type NixRuleId } from './nixAdapter';
import type { Value } from '../syntax/value';

const RULE_OF: Record<ScopeCode, NixRuleId> = {
  'undefined-variable': 'nix-undefined-variable',
  'duplicate-attribute': 'nix-duplicate-attribute',
  'duplicate-formal': 'nix-duplicate-attribute',
  'dynamic-attribute': 'nix-syntax',
  'unused-binding': 'nix-unused-binding',
};


/**
 * A hash of the text with every comment blanked (same length, so every token
 * keeps its offset) and trailing blanks dropped: typing inside a comment that
 * no code follows leaves it unchanged. Two 32-bit hashes: a collision would
 * keep a stale evaluation, so make it vanishingly unlikely.
 */
function syntaxKey(text: string, comments: readonly { start: number; end: number }[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b1;
  let end = text.length;
  let c = comments.length - 1;
  // The end of the code: the last character outside comments that is not blank.
  while (end > 0) {
    while (c >= 0 && comments[c].start >= end) c--;
    if (c >= 0 && comments[c].end >= end) {
      end = comments[c].start;
      continue;
    }
    const ch = text.charCodeAt(end - 1);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13) end--;
    else break;
  }
  let k = 0;
  for (let i = 0; i < end; i++) {
    while (k < comments.length && comments[k].end <= i) k++;
    const ch = k < comments.length && comments[k].start <= i ? 32 : text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193);
    h2 = Math.imul(h2 ^ ch, 0x85ebca6b) ^ (h2 >>> 13);
  }
  return `${end}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

/** Syntax errors, else the scope findings (on a tree with syntax errors they would mostly be noise). */
function findings(parsed: Pick<ParseResult, 'root' | 'errors'>, text: string): NixDiagnostic[] {
  const diagnostics: NixDiagnostic[] = parsed.errors.map((e) => ({ rule: 'nix-syntax', span: e.span, message: e.message }));
  if (parsed.errors.length > 0) return diagnostics;
  try {
    for (const d of analyzeScopes(parsed.root, text).diagnostics) diagnostics.push({ rule: RULE_OF[d.code] ?? 'nix-syntax', span: d.span, message: d.message, ...(d.severity === 'warning' ? { severity: 'warning' as const } : {}) });
  } catch (e) {
    // A failing scope analysis costs its findings only: the syntax errors and the syntax key (what evaluation reads) stay.
    diagnostics.push(internalErrorDiagnostic(e));
  }
  return diagnostics;
}

/**
 * The argument names a module file's function can see: its formals, when the
 * file is a function of a set of them with no `args@` binding (so nothing else
 * it is given can reach it); else undefined.
 */
function moduleFormals(evaluator: NixEvaluator, uri: string): string[] | undefined {
  const v = evaluator.importFile(uri, { uri, span: { start: 0, end: 0 } });
  if (v.kind !== 'lambda' || !v.node.formals || v.node.param) return undefined;
  return v.node.formals.entries.map((f) => f.name.name);
}

export const realNixLayer: NixLayer = {
  analyze(text) {
    const unparseable = detectUnparseable(text);
    if (unparseable) return { diagnostics: [], unparseable };
    const parsed = parseNixShared(text);
    // The findings are worked out now, while the tree is at hand, and the tree is not kept (a fleet's trees are
    // tens of megabytes). Asked for later (the check of each file, after the fleet is built), they would need the
    // tree parsed again once the evaluator has let it go: ten thousand parses of garbage allocated straight into
    // the old generation (the parser's nodes are pretenured), which sets the server's peak memory.
    return { diagnostics: findings(parsed, text), syntaxKey: syntaxKey(text, parsed.comments) };
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
    const knownOf = (uri: string, args: MachineModuleArgs): Map<string, Thunk> => {
      const known = new Map<string, Thunk>();
      const origin = { uri, span: { start: 0, end: 0 } };
      for (const [k, v] of args.values) known.set(k, new Thunk(() => fromValue(v), v.origin));
      const config = args.config;
      if (config) known.set('config', new Thunk(() => configValue(config, origin), origin));
      return known;
    };
    const evaluateOnce = (uri: string, args: MachineModuleArgs): { value: Value | undefined; deps: string[] } => {
      const value = evaluator.evaluateModule(uri, knownOf(uri, args));
      return { value, deps: evaluator.filesReachedFrom(uri) };
    };
    // A module that cannot see `config` gives the same value to every machine whose arguments it can see are
    // the same (a base module reading `inputs`, a thousand times): called once per distinct set of them.
    const calls = new Map<string, { value: Value | undefined; deps: string[] }>();
    const ids = new WeakMap<object, number>();
    const id = (o: object): number => {
      let i = ids.get(o);
      if (i === undefined) ids.set(o, (i = idCount.n++));
      return i;
    };
    const idCount = { n: 0 };
    // Each machine's `specialArgs` is converted anew, but from the same entries: an attribute set is its place and its entries.
    const seenAs = (v: Value | undefined): string =>
      v === undefined
        ? '-'
        : v.kind === 'attrs'
          ? `${v.origin.uri}:${v.origin.span.start}:${v.origin.span.end}{${[...v.entries].map(([k, e]) => `${k}=${id(e)}`).join(',')}}`
          : `#${id(v)}`;
    return {
      evaluate(uri, args) {
        const formals = moduleFormals(evaluator, uri);
        const key = formals && !formals.includes('config') ? `${uri}\0${formals.map((n) => `${n}:${seenAs(args.values.get(n))}`).join('\0')}` : undefined;
        const done = key === undefined ? undefined : calls.get(key);
        if (done) return done;
        const r = evaluateOnce(uri, args);
        if (key !== undefined) calls.set(key, r);
        return r;
      },
      recall(module, args) {
        const fn = appliedFrom(module);
        if (!fn) return undefined;
        return { value: evaluator.evaluateModuleFunction(fn, knownOf(fn.uri, args)), deps: [fn.uri] };
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
