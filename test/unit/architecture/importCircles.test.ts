// No import circle in client/src: a file never imports, through any chain of
// files, a file that imports it. Type-only imports count too: a circle of
// types still means neither file can be read without the other. Imports are
// read with the TypeScript parser (import and export declarations, `import()`
// and `require()`), and a specifier resolves to `x.ts` or `x/index.ts`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** The relative module specifiers a source text imports or re-exports. */
function specifiers(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      out.push(n.moduleSpecifier.text);
    } else if (ts.isCallExpression(n) && n.arguments.length === 1 && ts.isStringLiteral(n.arguments[0])) {
      if (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require')) out.push(n.arguments[0].text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out.filter((s) => s.startsWith('.'));
}

/** The file a relative specifier names, among `known` files. */
function resolveIn(from: string, spec: string, known: Set<string>): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [base, `${base}.ts`, path.join(base, 'index.ts')].find((f) => known.has(f));
}

/** Every import circle among `sources` (file → text), each as its files from its smallest name round to itself. */
export function importCircles(sources: Map<string, string>): string[][] {
  const known = new Set(sources.keys());
  const edges = new Map<string, string[]>();
  for (const [file, text] of sources) {
    edges.set(file, [...new Set(specifiers(file, text).map((s) => resolveIn(file, s, known)).filter((f): f is string => !!f))]);
  }
  // Tarjan's strongly connected components: every component of two or more files (or a file importing itself) holds a circle.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const connect = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!order.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) !== order.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) circles.push(circleThrough(component.sort()[0], new Set(component), edges));
  };
  for (const v of [...known].sort()) if (!order.has(v)) connect(v);
  return circles;
}

/** One circle from `start` back to it inside its component (a shortest one, found breadth first). */
function circleThrough(start: string, component: Set<string>, edges: Map<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of edges.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

test('client/src has no import circle', () => {
  const files = tsFiles(path.join(root, 'client', 'src'));
  assert.ok(files.length > 40, `the client's files are found (${files.length})`);
  const circles = importCircles(new Map(files.map((f) => [f, readFileSync(f, 'utf8')])));
  assert.deepEqual(circles.map((c) => c.map((f) => path.relative(root, f)).join(' → ')), []);
});

test('the check sees a circle through type-only imports and an index file, and not a chain', () => {
  const at = (rel: string): string => path.join('/virtual', rel);
  const sources = new Map([
    [at('commands.ts'), "import { run } from './commands/deploy';\nexport interface Context { n: number }\nvoid run;\n"],
    [at('commands/deploy.ts'), "import type { Context } from '../commands';\nimport { help } from './help';\nexport const run = (c: Context) => help(c.n);\n"],
    [at('commands/help.ts'), "import { leaf } from '../leaf';\nexport const help = (n: number) => leaf + n;\n"],
    [at('leaf/index.ts'), 'export const leaf = 1;\n'],
    [at('lazy.ts'), "export const later = () => import('./lazy2');\n"],
    [at('lazy2.ts'), "export const back = require('./lazy');\n"],
  ]);
  assert.deepEqual(importCircles(sources), [
    [at('commands.ts'), at('commands/deploy.ts'), at('commands.ts')],
    [at('lazy.ts'), at('lazy2.ts'), at('lazy.ts')],
  ]);
});
