// Deterministic generator of Nix source files that stress the grammar: every
// construct, operator mixes without parentheses (precedence), string escapes,
// and some deliberately broken or undefined-variable files (so acceptance is
// tested both ways).

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPS = ['+', '-', '*', '/', '++', '//', '==', '!=', '<', '<=', '>', '>=', '&&', '||', '->'];
const STR_PIECES = ['abc', ' ', '\\n', '\\t', '\\"', '\\\\', '\\$', '$', '$$', 'é', '\\${x}', "'", '#', '/*'];
const IND_PIECES = ['abc', ' ', '\n', '  ', "''$", "'''", "''\\n", "''\\t", '$', "'", '$$', 'x\ty'];

export function generateFile(seed: number): string {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  let letN = 0;
  const vars = ['a', 'b', 'c'];

  const name = (): string => pick(['x', 'y', 'z', 'foo', 'bar-baz', "q'", 'or', 'a1', '_u']);
  const attrName = (d: number): string => {
    const p = r();
    if (p < 0.7) return name();
    if (p < 0.8) return `"${pick(['k', 'a b', '', 'if', '1x'])}"`;
    if (p < 0.9) return `\${${expr(d + 1)}}`;
    return `"${pick(['k', 'x'])}\${${pick(vars)}}"`;
  };
  const attrPath = (d: number): string => {
    const n = 1 + Math.floor(r() * 2.5);
    return Array.from({ length: n }, () => attrName(d)).join('.');
  };
  const binds = (d: number, allowDyn: boolean): string => {
    const n = Math.floor(r() * 4);
    const used = new Set<string>();
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = r();
      if (p < 0.15) out.push(`inherit ${pick(vars)};`), used.add(vars[0]);
      else if (p < 0.25) out.push(`inherit (${expr(d + 1)}) ${name()};`);
      else {
        // Distinct first segments (so sets rarely define a key twice), except
        // sometimes on purpose to exercise `a.b = ..; a.c = ..;` merging.
        let key = allowDyn ? attrPath(d) : name();
        const first = key.split('.')[0];
        if (used.has(first) && r() < 0.9) key = `k${i}_${key}`;
        used.add(key.split('.')[0]);
        out.push(`${key} = ${expr(d + 1)};`);
      }
    }
    return out.join(' ');
  };
  const simple = (d: number): string => {
    const p = r();
    if (p < 0.12) return String(Math.floor(r() * 1000));
    if (p < 0.17) return pick(['1.5', '0.25', '.5', '1e3', '2.5e-7', '1234567.5', '3.']);
    if (p < 0.3) return pick(vars);
    if (p < 0.4) {
      const parts = Array.from({ length: Math.floor(r() * 4) }, () => (r() < 0.25 ? `\${${expr(d + 1)}}` : pick(STR_PIECES)));
      return `"${parts.join('')}"`;
    }
    if (p < 0.46) {
      const parts = Array.from({ length: Math.floor(r() * 6) }, () => (r() < 0.2 ? `\${${pick(vars)}}` : pick(IND_PIECES)));
      return `''${r() < 0.5 ? '\n' : ''}${parts.join('')}''`;
    }
    if (p < 0.5) return pick(['./p', '../q/r', '/abs/x', '~/h', 'rel/p', `./d/\${${pick(vars)}}`, '<nixpkgs>', 'http://e.org/x?y=1']);
    if (d > 4) return pick(vars);
    if (p < 0.6) return `(${expr(d + 1)})`;
    if (p < 0.68) return `[ ${Array.from({ length: Math.floor(r() * 4) }, () => select(d + 1)).join(' ')} ]`;
    if (p < 0.8) return `${r() < 0.2 ? 'rec ' : ''}{ ${binds(d, true)} }`;
    if (p < 0.83) return `let { body = ${expr(d + 1)}; ${binds(d, false)} }`;
    return `{ ${binds(d, true)} }.${attrPath(d)}`;
  };
  const select = (d: number): string => {
    const s = simple(d);
    const p = r();
    if (p < 0.15) return `${s}.${attrPath(d)}`;
    if (p < 0.22) return `${s}.${attrPath(d)} or ${simple(d + 1)}`;
    return s;
  };
  const app = (d: number): string => {
    let s = select(d);
    if (r() < 0.2) s += ' ' + select(d + 1);
    if (r() < 0.05) s += ' ' + select(d + 1);
    return s;
  };
  const op = (d: number): string => {
    const p = r();
    if (p < 0.08) return `!${op(d + 1)}`;
    if (p < 0.14) return `-${op(d + 1)}`;
    if (p < 0.2) return `${app(d)} ? ${attrPath(d)}`;
    if (p < 0.5 && d < 5) return `${op(d + 1)} ${pick(OPS)} ${op(d + 1)}`;
    return app(d);
  };
  const expr = (d: number): string => {
    const p = r();
    if (d > 5) return op(d);
    if (p < 0.05) {
      const v = pick(['x', 'y', 'z']);
      vars.push(v);
      const body = expr(d + 1);
      vars.pop();
      return `${v}: ${body}`;
    }
    if (p < 0.09) {
      const fs = ['p', 'q'].slice(0, Math.floor(r() * 3));
      vars.push(...fs);
      const s = `{ ${fs.map((f) => (r() < 0.3 ? `${f} ? ${op(d + 1)}` : f)).join(', ')}${r() < 0.3 ? (fs.length ? ', ...' : '...') : ''} }${r() < 0.3 ? '@args' : ''}: ${expr(d + 1)}`;
      vars.length -= fs.length;
      return s;
    }
    if (p < 0.14) {
      const n = `l${letN++}`;
      vars.push(n);
      const s = `let ${n} = ${expr(d + 1)}; in ${expr(d + 1)}`;
      vars.pop();
      return s;
    }
    if (p < 0.17) return `with ${simple(d + 1)}; ${expr(d + 1)}`;
    if (p < 0.19) return `assert ${op(d + 1)}; ${expr(d + 1)}`;
    if (p < 0.24) return `if ${op(d + 1)} then ${expr(d + 1)} else ${expr(d + 1)}`;
    return op(d);
  };

  let text = `a: b: c: ${expr(0)}\n`;
  const m = r();
  if (m < 0.06) text = text.replace(/\b[abc]\b(?!.*\b[abc]\b)/s, 'undefinedVar');
  else if (m < 0.14) {
    // Token-level damage: delete, duplicate or insert a character.
    const at = 8 + Math.floor(r() * Math.max(1, text.length - 9));
    const q = r();
    if (q < 0.4) text = text.slice(0, at) + text.slice(at + 1);
    else if (q < 0.7) text = text.slice(0, at) + text[at] + text.slice(at);
    else text = text.slice(0, at) + pick([';', '}', '{', '(', ')', '=', '"', "''", ':', '.', '?', '@', ',']) + text.slice(at);
  }
  return text;
}
