// No module-level mutable state in server/src/model and server/src/checks:
// what the model derives lives in a Workspace's queries (model/query/engine.ts),
// so two workspaces in one process never see each other's results and a
// change invalidates exactly what read it. Found on the source with the
// TypeScript parser: a top-level `let` or `var`; a top-level collection
// (`new Map/Set/WeakMap/WeakSet/Array`, an array or object literal) that the
// file mutates (`.set/.add/.push/.delete/.clear/...`, an assignment into it);
// a static class field that is not readonly, or a static collection that is
// mutated. Each exception left is in ALLOWED with its reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');
const DIRS = ['server/src/model', 'server/src/checks'];

/**
 * A pure function's results by its whole input (a text): the same input gives
 * the same answer in every workspace, so nothing one workspace did shows in
 * another; bounded (cleared past a size).
 */
const PURE_BY_TEXT = 'memo of a pure function keyed by its whole input text, bounded: identical in every workspace';
/**
 * A derivation of one immutable object, weakly keyed by it (and checked
 * against the other objects it was made with): the object belongs to one
 * workspace and the entry dies with it. Where the key is a Homelab, rules
 * pass a view made for one computation (Workspace.homelabView), never kept
 * past it, so the entry cannot outlive the revision it was made at.
 */
const BY_IMMUTABLE_OBJECT = 'derivation weakly keyed by an immutable object of one workspace (dies with it, never shared)';
/** A constant built on first use from shipped data, the same for every workspace. */
const LAZY_CONSTANT = 'a constant built on first use from data shipped with the extension (the same for every workspace)';

/** `file#name` → why this module-level state stays. */
const ALLOWED: Record<string, string> = {
  'server/src/model/calendar.ts#memo': PURE_BY_TEXT,
  'server/src/model/glob.ts#compiled': PURE_BY_TEXT,
  'server/src/model/ip.ts#memo': PURE_BY_TEXT,
  'server/src/model/uri.ts#joined': PURE_BY_TEXT,
  'server/src/model/uri.ts#normalized': PURE_BY_TEXT,
  'server/src/model/services.ts#byInventory': `${BY_IMMUTABLE_OBJECT}: an inventory's services`,
  'server/src/model/knownServices.ts#index': LAZY_CONSTANT,
  'server/src/model/addresses.ts#profileCache': `${BY_IMMUTABLE_OBJECT}: a profile's addresses, checked against its owner's name`,
  'server/src/model/addresses.ts#inventoryCache': `${BY_IMMUTABLE_OBJECT}: an inventory's networks and addresses`,
  'server/src/model/addresses.ts#inheritedUsesCache': `${BY_IMMUTABLE_OBJECT}: the addresses a setting set in another file uses, checked against its key`,
  'server/src/model/addresses.ts#nixosCache': `${BY_IMMUTABLE_OBJECT}: a discovered NixOS machine's addresses, checked against its name`,
  'server/src/model/homelab.ts#withProfileCache': `${BY_IMMUTABLE_OBJECT}: a built homelab with one profile evaluated afresh (homelabAround)`,
  'server/src/model/machines/hostTables.ts#tablesOf': `${BY_IMMUTABLE_OBJECT}: an evaluated module's host tables`,
  'server/src/model/machines/moduleSystem.ts#rootDefs': `${BY_IMMUTABLE_OBJECT}: a machine's configs list expanded`,
  'server/src/model/machines/moduleSystem.ts#shorthand': `${BY_IMMUTABLE_OBJECT}: a shorthand module's configuration (one per module value, shared by the machines that import it)`,
  'server/src/model/machines/machineArgs.ts#awaitedOf': `${BY_IMMUTABLE_OBJECT}: the argument names an evaluated module's unknowns wait for`,
  'server/src/model/options/moduleDefinitions.ts#cache': `${BY_IMMUTABLE_OBJECT}: the option definitions of a parsed module`,
  'server/src/model/options/scopes.ts#classCache': `${BY_IMMUTABLE_OBJECT}: which files of a homelab are NixOS or Home Manager files`,
  'server/src/model/proxmoxDrift.ts#driftCache': `${BY_IMMUTABLE_OBJECT}: the drift items of one live match`,
  'server/src/model/proxmoxLive.ts#cache': `${BY_IMMUTABLE_OBJECT}: an inventory matched with one live state (checked by identity)`,
  'server/src/model/reach.ts#cache': `${BY_IMMUTABLE_OBJECT}: the files some machine of a homelab uses`,
  'server/src/checks/rules/unknownSetting.ts#keysOf': `${BY_IMMUTABLE_OBJECT}: the keys of a catalog to suggest from`,
  'server/src/checks/suppress.ts#byText': `${BY_IMMUTABLE_OBJECT}: the ignore comments of one text's line index`,
};

const MUTATORS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Whether an initialiser makes a mutable collection or object. */
function isCollection(init: ts.Expression | undefined): boolean {
  if (!init) return false;
  let e = init;
  while (ts.isAsExpression(e) || ts.isParenthesizedExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  if (ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e)) return true;
  return ts.isNewExpression(e) && ts.isIdentifier(e.expression) && ['Map', 'Set', 'WeakMap', 'WeakSet', 'Array'].includes(e.expression.text);
}

/** The identifier a property chain starts from (`a.b[c].d` → `a`). */
function baseName(e: ts.Expression): string | undefined {
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) return e.text;
  // `Class.field`: a static member, named as such.
  return undefined;
}

/** Names (and `Class.field` for statics) the file writes into or calls a mutator on. */
function mutatedNames(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  const note = (target: ts.Expression): void => {
    const chainTop = ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target) ? target : undefined;
    if (!chainTop) return;
    const n = baseName(chainTop);
    if (n) out.add(n);
    // `Class.field.x = …` or `Class.field.set(…)`: the static field `Class.field`.
    let e: ts.Expression = chainTop;
    while ((ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) && (ts.isPropertyAccessExpression(e.expression) || ts.isElementAccessExpression(e.expression))) e = e.expression;
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) out.add(`${e.expression.text}.${e.name.text}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) note(node.left);
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) note(node.operand);
    if (ts.isDeleteExpression(node)) note(node.expression);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATORS.has(node.expression.name.text)) {
      const obj = node.expression.expression;
      if (ts.isIdentifier(obj)) out.add(obj.text);
      else note(obj);
      if (ts.isPropertyAccessExpression(obj) && ts.isIdentifier(obj.expression)) out.add(`${obj.expression.text}.${obj.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Every module-level mutable state of a file, as `name (why)`. */
function moduleState(file: string): { name: string; why: string }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const mutated = mutatedNames(sf);
  const found: { name: string; why: string }[] = [];
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) {
      const isConst = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const d of st.declarationList.declarations) {
        const names = ts.isIdentifier(d.name) ? [d.name.text] : [];
        for (const name of names) {
          if (!isConst) found.push({ name, why: 'top-level let/var' });
          else if (isCollection(d.initializer) && mutated.has(name)) found.push({ name, why: 'module-level collection mutated' });
        }
      }
    }
    if (ts.isClassDeclaration(st) && st.name) {
      for (const m of st.members) {
        if (!ts.isPropertyDeclaration(m) || !m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) continue;
        const field = `${st.name.text}.${m.name.getText(sf)}`;
        const readonly = m.modifiers.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword);
        if (!readonly) found.push({ name: field, why: 'static field' });
        else if (isCollection(m.initializer) && mutated.has(field)) found.push({ name: field, why: 'static collection mutated' });
      }
    }
  }
  return found;
}

function rel(f: string): string {
  return path.relative(root, f).split(path.sep).join('/');
}

test('no module-level mutable state in server/src/model and server/src/checks', () => {
  const found: string[] = [];
  for (const dir of DIRS)
    for (const f of tsFiles(path.join(root, dir)))
      for (const s of moduleState(f)) {
        const key = `${rel(f)}#${s.name}`;
        if (!(key in ALLOWED)) found.push(`${key} (${s.why})`);
      }
  assert.deepEqual(found, [], 'move the state into the Workspace (an input or a query of its engine), or list it in ALLOWED with a reason');
});

test('every exception still exists (ALLOWED is not left stale)', () => {
  const all = new Set<string>();
  for (const dir of DIRS) for (const f of tsFiles(path.join(root, dir))) for (const s of moduleState(f)) all.add(`${rel(f)}#${s.name}`);
  assert.deepEqual(Object.keys(ALLOWED).filter((k) => !all.has(k)), []);
});

test('the scanner finds each kind of module-level state it is meant to', () => {
  const dir = path.join(root, 'test', '.tmp');
  const file = path.join(dir, 'moduleStateSample.ts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    file,
    [
      'let counter = 0;',
      'const cache = new Map<string, number>();',
      'const table = new Map([[1, 2]]);',
      'const list: string[] = [];',
      'const state = { n: 0 };',
      'export function f(): number { cache.set("a", 1); list.push("x"); state.n++; return counter++ + (table.get(1) ?? 0); }',
      'class C { static hits = 0; static readonly seen = new Set<string>(); static readonly LIMIT = 3; m(): void { C.seen.add("x"); } }',
      'export const c = new C();',
    ].join('\n'),
  );
  assert.deepEqual(moduleState(file).map((s) => s.name).sort(), ['C.hits', 'C.seen', 'cache', 'counter', 'list', 'state']);
});
