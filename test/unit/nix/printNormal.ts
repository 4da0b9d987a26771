// Prints an expression in exactly the normal form `nix-instantiate --parse`
// (Nix 2.8) prints, so the parser can be checked against Nix byte for byte.
// Paths are made absolute against `baseDir`/`home` as Nix does. The tests'
// oracle tool, not the product's.
import type { NAttrName, NAttrs, NExpr } from '../../../server/src/syntax/nix/desugar';
import { Desugarer } from '../../../server/src/syntax/nix/desugar';
import type { ParseResult } from '../../../server/src/syntax/nix/parser';
import { letOrder } from './symbolOrder';

export interface PrintOptions {
  /** Directory relative paths are resolved against (the file's directory). */
  baseDir: string;
  /** $HOME, for `~/` paths. */
  home: string;
  /** Print `let` bindings sorted by name instead of Nix's symbol-table order. */
  sortLets?: boolean;
}

export function printNormalForm(parsed: ParseResult, opts: PrintOptions): string {
  const d = new Desugarer(parsed.text);
  const e = d.expr(parsed.root);
  const out: string[] = [];
  new Printer(opts, out, opts.sortLets ? (names) => [...names].sort(byBytes) : letOrder(parsed.text)).show(e);
  return out.join('');
}

export function showString(s: string): string {
  let r = '"';
  for (const ch of s) {
    if (ch === '"' || ch === '\\' || ch === '$') r += '\\' + ch;
    else if (ch === '\n') r += '\\n';
    else if (ch === '\r') r += '\\r';
    else if (ch === '\t') r += '\\t';
    else r += ch;
  }
  return r + '"';
}

export function showId(s: string): string {
  if (s === '') return '""';
  if (s === 'if') return '"if"';
  if (/^[a-zA-Z_][a-zA-Z0-9_'-]*$/.test(s)) return s;
  return showString(s);
}

/** C++ ostream's default formatting of a double (like printf %g, 6 significant digits). */
export function formatFloat(x: number): string {
  if (!isFinite(x)) return x > 0 ? 'inf' : x < 0 ? '-inf' : 'nan';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(6)))));
  if (exp < -4 || exp >= 6) {
    let [m, e] = x.toExponential(5).split('e');
    if (m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
    const en = Number(e);
    return `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  }
  let s = x.toFixed(Math.max(0, 5 - exp));
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

/** Nix's canonPath: absolute, no '.', '..' or repeated slashes. */
export function canonPath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

export function absolutePath(first: string, home: boolean, opts: PrintOptions): string {
  if (home) return opts.home + first.slice(1);
  let p = canonPath(first.startsWith('/') ? first : opts.baseDir + '/' + first);
  if (first.endsWith('/') && first.length > 1) p += '/';
  return p;
}

class Printer {
  constructor(
    private readonly opts: PrintOptions,
    private readonly out: string[],
    private readonly order: (names: string[]) => string[],
  ) {}

  private w(s: string) {
    this.out.push(s);
  }

  private attrPath(path: NAttrName[]) {
    path.forEach((p, i) => {
      if (i > 0) this.w('.');
      if ('name' in p) this.w(showId(p.name));
      else {
        this.w('"${');
        this.show(p.expr);
        this.w('}"');
      }
    });
  }

  private attrs(a: NAttrs) {
    if (a.rec) this.w('rec ');
    this.w('{ ');
    const names = [...a.attrs.keys()].sort(byBytes);
    for (const name of names) {
      const def = a.attrs.get(name)!;
      if (def.inherited) this.w(`inherit ${showId(name)} ; `);
      else {
        this.w(`${showId(name)} = `);
        this.show(def.e);
        this.w('; ');
      }
    }
    for (const d of a.dyn) {
      this.w('"${');
      this.show(d.name);
      this.w('}" = ');
      this.show(d.value);
      this.w('; ');
    }
    this.w('}');
  }

  show(e: NExpr): void {
    switch (e.k) {
      case 'int':
        return this.w(BigInt(e.raw).toString());
      case 'float':
        return this.w(formatFloat(Number(e.raw)));
      case 'string':
        return this.w(showString(e.s));
      case 'path':
        return this.w(absolutePath(e.node.first, e.node.home, this.opts));
      case 'var':
        return this.w(e.name);
      case 'pos':
        return this.w('__curPos');
      case 'select':
        this.w('(');
        this.show(e.e);
        this.w(').');
        this.attrPath(e.path);
        if (e.def) {
          this.w(' or (');
          this.show(e.def);
          this.w(')');
        }
        return;
      case 'hasattr':
        this.w('((');
        this.show(e.e);
        this.w(') ? ');
        this.attrPath(e.path);
        return this.w(')');
      case 'attrs':
        return this.attrs(e);
      case 'list':
        this.w('[ ');
        for (const i of e.items) {
          this.w('(');
          this.show(i);
          this.w(') ');
        }
        return this.w(']');
      case 'lambda':
        this.w('(');
        if (e.formals) {
          this.w('{ ');
          let first = true;
          for (const f of e.formals.names) {
            if (!first) this.w(', ');
            first = false;
            this.w(f.name);
            if (f.def) {
              this.w(' ? ');
              this.show(f.def);
            }
          }
          if (e.formals.ellipsis) this.w(first ? '...' : ', ...');
          this.w(' }');
          if (e.arg) this.w(' @ ');
        }
        if (e.arg) this.w(e.arg.name);
        this.w(': ');
        this.show(e.body);
        return this.w(')');
      case 'call':
        this.w('(');
        this.show(e.fn);
        for (const a of e.args) {
          this.w(' ');
          this.show(a);
        }
        return this.w(')');
      case 'let': {
        this.w('(let ');
        for (const name of this.order([...e.attrs.attrs.keys()])) {
          const def = e.attrs.attrs.get(name)!;
          if (def.inherited) this.w(`inherit ${name}; `);
          else {
            this.w(`${name} = `);
            this.show(def.e);
            this.w('; ');
          }
        }
        this.w('in ');
        this.show(e.body);
        return this.w(')');
      }
      case 'with':
        this.w('(with ');
        this.show(e.env);
        this.w('; ');
        this.show(e.body);
        return this.w(')');
      case 'if':
        this.w('(if ');
        this.show(e.c);
        this.w(' then ');
        this.show(e.t);
        this.w(' else ');
        this.show(e.e);
        return this.w(')');
      case 'assert':
        this.w('assert ');
        this.show(e.c);
        this.w('; ');
        return this.show(e.body);
      case 'not':
        this.w('(! ');
        this.show(e.e);
        return this.w(')');
      case 'bin':
        this.w('(');
        this.show(e.a);
        this.w(` ${e.op} `);
        this.show(e.b);
        return this.w(')');
      case 'concat':
        this.w('(');
        e.parts.forEach((p, i) => {
          if (i > 0) this.w(' + ');
          this.show(p);
        });
        return this.w(')');
      case 'error':
        return this.w('<error>');
    }
  }
}

/** std::string comparison: by UTF-8 bytes. */
function byBytes(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return Buffer.compare(x, y);
}
