// Public face of the Nix syntax layer: parsing (lossless, error-tolerant,
// positioned), navigation of the tree, scope analysis and the static
// evaluator. Imports nothing above the syntax layer. (The normal-form printer
// that checks the parser against Nix is the tests': test/unit/nix/printNormal.ts.)
export { parseNix, type ParseResult } from './parser';
export type { ParseError } from './parserState';
export type * as Ast from './ast';
export type { Expr, Node, Binding, AttrDef, Inherit, AttrPath, AttrName } from './ast';
export { forEachChild } from './ast';
export type { Comment, TokenTable } from './tokens';
export { Tok } from './tokens';
export { nodeAt, attrNameText, bindingKeys, bindingPath } from './navigate';
export { detectUnparseable } from './detect';
export { analyzeScopes, GLOBAL_NAMES, type ScopeDiagnostic, type ScopeCode, type ScopeResult, type VariableReference } from './scopes';
export { NixEvaluator, resolveUri, type EvalHost, type EvalOptions } from './eval/evaluator';
