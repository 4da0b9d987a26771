// Unused exports of server/src and client/src: an export nothing uses (no
// other file of the project, sources, tests or benchmarks, and not its own
// file) is dead code. Each one
// left must be in ALLOWED with a reason. Uses are found with the TypeScript
// compiler: every import (named, through `export *` barrels, or a namespace
// import's members) is resolved to the declaration it names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');

/** `file#name` → why it stays exported though no source file imports it. */
const ALLOWED: Record<string, string> = {
  'client/src/extension.ts#activate': 'VS Code calls it (package.json main)',
  'client/src/extension.ts#deactivate': 'VS Code calls it (package.json main)',
};

const SOURCE = /^(server|client)\/src\//;

function program(): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('no tsconfig.json');
  return ts.createProgram(parsed.fileNames, parsed.options);
}

function rel(f: string): string {
  return path.relative(root, f).split(path.sep).join('/');
}

/** Every `file#name` exported by a source file that no other source file uses. */
export function unusedExports(p: ts.Program): string[] {
  const checker = p.getTypeChecker();
  // Users: every file of the project (tests and benchmarks too); judged: the product's exports.
  const files = p.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !rel(sf.fileName).startsWith('..') && !sf.fileName.includes('node_modules'));
  const sources = files.filter((sf) => SOURCE.test(rel(sf.fileName)));
  const resolve = (s: ts.Symbol | undefined): ts.Symbol | undefined =>
    s && s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  const used = new Set<ts.Symbol>();
  for (const sf of files) {
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) {
        const parent = n.parent;
        // A declaration's own name, or a re-export (`export { a } from`), is not a use.
        const own = (parent as { name?: ts.Node }).name === n && !ts.isImportSpecifier(parent) && !ts.isShorthandPropertyAssignment(parent);
        const reexport = ts.isExportSpecifier(parent) && !!parent.parent.parent.moduleSpecifier;
        if (!own && !reexport && !ts.isImportSpecifier(parent) && !ts.isImportClause(parent)) {
          const target = resolve(checker.getSymbolAtLocation(n));
          if (target) used.add(target);
        }
        if (ts.isShorthandPropertyAssignment(parent)) {
          const target = resolve(checker.getShorthandAssignmentValueSymbol(parent));
          if (target) used.add(target);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  // A barrel's `export { a } from './x'` passes a's uses on: used through the barrel means used.
  const out: string[] = [];
  for (const sf of sources) {
    const mod = checker.getSymbolAtLocation(sf);
    if (!mod) continue;
    for (const exp of checker.getExportsOfModule(mod)) {
      const target = resolve(exp);
      if (!target || used.has(target) || used.has(exp)) continue;
      // Only what this file declares (a barrel's re-exports are judged where they are declared).
      if (!target.declarations?.some((d) => d.getSourceFile() === sf)) continue;
      out.push(`${rel(sf.fileName)}#${exp.name}`);
    }
  }
  return out.sort();
}

test('every export of server/src and client/src is imported by another file (or allowed, with a reason)', () => {
  const unused = unusedExports(program());
  assert.deepEqual(unused.filter((k) => !ALLOWED[k]), []);
  assert.deepEqual(Object.keys(ALLOWED).filter((k) => !unused.includes(k)), [], 'allow-list entries that are used now: remove them');
});

test('the check sees an export nobody imports, and one that is imported', () => {
  const files: Record<string, string> = {
    [path.join(root, 'server/src/a.ts')]: 'export const used = 1;\nexport function dead(): void {}\nexport type T = number;\nexport const local = 2;\nconst y = local;\nvoid y;\n',
    [path.join(root, 'server/src/b.ts')]: "import { used, type T } from './a';\nexport const x: T = used;\n",
  };
  const host = ts.createCompilerHost({ strict: true, noEmit: true });
  const read = host.readFile.bind(host);
  host.readFile = (f) => files[f] ?? read(f);
  host.fileExists = (f) => f in files || ts.sys.fileExists(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang) => (files[f] !== undefined ? ts.createSourceFile(f, files[f], lang, true) : getSourceFile(f, lang));
  const p = ts.createProgram(Object.keys(files), { strict: true, noEmit: true, types: [] }, host);
  assert.deepEqual(unusedExports(p), ['server/src/a.ts#dead', 'server/src/b.ts#x']);
});
