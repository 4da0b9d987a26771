// A small TextMate tokenizer for testing our grammar without VS Code: match
// rules, begin/end rules with contentName, captures, includes of the
// repository and $self, earliest match wins (the end pattern on ties), state
// carried across lines. JavaScript regexes stand in for Oniguruma; the grammar
// uses only the features both share.

export interface Rule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, { name?: string }>;
  beginCaptures?: Record<string, { name?: string }>;
  endCaptures?: Record<string, { name?: string }>;
  patterns?: Rule[];
  include?: string;
}

export interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

export interface Token {
  text: string;
  scopes: string[];
}

interface Frame {
  rule: Rule;
  end: RegExp;
  scopes: string[];
}

const cache = new Map<string, RegExp>();
function re(src: string): RegExp {
  let r = cache.get(src);
  if (!r) {
    r = new RegExp(src, 'gd');
    cache.set(src, r);
  }
  return r;
}

function expand(g: Grammar, rules: Rule[], seen = new Set<Rule>()): Rule[] {
  const out: Rule[] = [];
  for (const r of rules) {
    if (r.include) {
      const target = r.include === '$self' ? { patterns: g.patterns } : r.include.startsWith('#') ? g.repository[r.include.slice(1)] : undefined;
      if (!target) throw new Error(`unresolved include ${r.include}`);
      if (seen.has(target)) continue;
      seen.add(target);
      out.push(...(target.match || target.begin ? [target] : expand(g, target.patterns ?? [], seen)));
    } else if (r.match || r.begin) out.push(r);
    else out.push(...expand(g, r.patterns ?? [], seen));
  }
  return out;
}

function exec(src: string, line: string, pos: number): RegExpExecArray | null {
  const r = re(src);
  r.lastIndex = pos;
  return r.exec(line);
}

function zeroWidthEndAt(frame: Frame, line: string, pos: number): boolean {
  frame.end.lastIndex = pos;
  const m = frame.end.exec(line);
  return m !== null && m.index === pos && m[0].length === 0;
}

/** Tokenizes text line by line; each token carries the full scope stack. */
export function tokenize(g: Grammar, text: string): Token[] {
  const tokens: Token[] = [];
  const stack: Frame[] = [];
  const top = (): { patterns: Rule[]; scopes: string[] } =>
    stack.length
      ? { patterns: expand(g, stack[stack.length - 1].rule.patterns ?? []), scopes: stack[stack.length - 1].scopes }
      : { patterns: expand(g, g.patterns), scopes: [g.scopeName] };
  const push = (s: string, scopes: string[]): void => {
    if (s) tokens.push({ text: s, scopes });
  };
  const emit = (m: RegExpExecArray, scopes: string[], caps?: Record<string, { name?: string }>): void => {
    const start = m.index;
    const whole = caps?.['0']?.name ? [...scopes, caps['0'].name] : scopes;
    let at = start;
    const indices = m.indices ?? [];
    for (let i = 1; i < m.length; i++) {
      const span = indices[i];
      const name = caps?.[String(i)]?.name;
      if (!span || !name || span[0] < at) continue;
      push(m.input.slice(at, span[0]), whole);
      push(m.input.slice(span[0], span[1]), [...whole, name]);
      at = span[1];
    }
    push(m.input.slice(at, start + m[0].length), whole);
  };
  for (const line of text.split('\n')) {
    let pos = 0;
    for (;;) {
      const { patterns, scopes } = top();
      const frame = stack[stack.length - 1];
      let best: { m: RegExpExecArray; rule?: Rule } | undefined;
      if (frame) {
        frame.end.lastIndex = pos;
        const m = frame.end.exec(line);
        if (m) best = { m };
      }
      for (const rule of patterns) {
        const m = exec((rule.match ?? rule.begin)!, line, pos);
        // Zero-length matches of patterns would not advance; real grammars avoid them too.
        if (m && m[0].length > 0 && (!best || m.index < best.m.index)) best = { m, rule };
      }
      if (!best) {
        push(line.slice(pos), scopes);
        break;
      }
      const { m, rule } = best;
      push(line.slice(pos, m.index), scopes);
      if (!rule) {
        const outer = stack.pop()!;
        emit(m, outer.rule.contentName ? outer.scopes.slice(0, -1) : outer.scopes, outer.rule.endCaptures ?? outer.rule.captures);
      } else if (rule.match) {
        emit(m, rule.name ? [...scopes, rule.name] : scopes, rule.captures);
      } else {
        const ruleScopes = rule.name ? [...scopes, rule.name] : scopes;
        emit(m, ruleScopes, rule.beginCaptures ?? rule.captures);
        stack.push({ rule, end: new RegExp(rule.end!, 'gd'), scopes: rule.contentName ? [...ruleScopes, rule.contentName] : ruleScopes });
      }
      pos = m.index + m[0].length;
      if (pos >= line.length && (!stack.length || m[0].length === 0 || !zeroWidthEndAt(stack[stack.length - 1], line, pos))) break;
    }
  }
  return tokens.filter((t) => t.text.trim() !== '');
}
