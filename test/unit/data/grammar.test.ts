// The Nix TextMate grammar and language configuration: valid JSON with the
// standard scope name, every regex compiles and every include resolves, and
// the example profiles and modules get the scopes a reader expects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { exampleDir, readJson } from './helpers';
import { tokenize, type Grammar, type Rule, type Token } from './miniTextmate';

const grammar = readJson('syntaxes/nix.tmLanguage.json') as Grammar & { name: string };

function scopeOf(tokens: Token[], text: string, nth = 0): string[] {
  const hits = tokens.filter((t) => t.text === text);
  assert.ok(hits[nth], `no token "${text}" in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return hits[nth].scopes;
}
const has = (scopes: string[], prefix: string): boolean => scopes.some((s) => s.startsWith(prefix));

test('the grammar is valid: scope name, regexes, includes', () => {
  assert.equal(grammar.scopeName, 'source.nix');
  const rules: Rule[] = [];
  const walk = (r: Rule): void => {
    rules.push(r);
    for (const p of r.patterns ?? []) walk(p);
  };
  grammar.patterns.forEach(walk);
  Object.values(grammar.repository).forEach(walk);
  let regexes = 0;
  for (const r of rules) {
    for (const src of [r.match, r.begin, r.end]) {
      if (src === undefined) continue;
      assert.doesNotThrow(() => new RegExp(src), src);
      regexes++;
    }
    if (r.include) assert.ok(r.include === '$self' || grammar.repository[r.include.slice(1)], r.include);
    if (r.begin) assert.ok(r.end, `begin without end: ${r.begin}`);
  }
  assert.ok(regexes > 30);
});

test('a profile gets comments, keywords, attribute names, strings, numbers and operators', () => {
  const src = readFileSync(path.join(exampleDir, 'profiles', 'LXC_monitoring-config.nix'), 'utf8');
  const t = tokenize(grammar, src);
  assert.ok(has(scopeOf(t, ' LXC_monitoring: Prometheus and Grafana for the whole homelab, behind nginx.'), 'comment.line.number-sign.nix'));
  assert.ok(has(scopeOf(t, 'let'), 'keyword.other.nix'));
  assert.ok(has(scopeOf(t, 'in'), 'keyword.other.nix'));
  assert.ok(has(scopeOf(t, 'import'), 'support.function.builtin.nix'));
  assert.ok(has(scopeOf(t, './LXC-base-config.nix'), 'string.unquoted.path.nix'));
  assert.ok(has(scopeOf(t, '../secrets/domains.nix'), 'string.unquoted.path.nix'));
  assert.ok(has(scopeOf(t, 'grafanaEnable'), 'entity.other.attribute-name.nix'));
  assert.ok(has(scopeOf(t, 'true'), 'constant.language.boolean.nix'));
  assert.ok(has(scopeOf(t, '3002'), 'constant.numeric.integer.nix'));
  assert.ok(has(scopeOf(t, '//'), 'keyword.operator.nix'));
  assert.ok(has(scopeOf(t, 'monitor.local.akunito.com'), 'string.quoted.double.nix'));
  // `base.systemSettings // {`: a value, not an attribute name.
  assert.ok(!has(scopeOf(t, 'base', 1), 'entity.other.attribute-name'));
  // Nothing after the closing brace is left inside a string or a block.
  const last = t[t.length - 1];
  assert.deepEqual(last.scopes.filter((s) => s.startsWith('string') || s.startsWith('comment')), []);
});

test('modules: formals, attribute paths, interpolation, indented strings, or, inherit', () => {
  const src = [
    '{ pkgs, lib, systemSettings, ... }:',
    'let x = 1.5; in {',
    '  services.grafana.enable = systemSettings.grafanaEnable or false;',
    '  users.users.${systemSettings.name}.home = "/home/${systemSettings.name}\\n";',
    "  script = ''",
    "    echo ''${HOME} ${toString x} done",
    "  '';",
    '  inherit (pkgs) hello;',
    '  /* block */ url = https://example.com/a;',
    '  n = null; search = <nixpkgs>; f = y: y == 2;',
    '}',
  ].join('\n');
  const t = tokenize(grammar, src);
  assert.ok(has(scopeOf(t, 'pkgs'), 'variable.parameter.nix'));
  assert.ok(has(scopeOf(t, '...'), 'keyword.operator.ellipsis.nix'));
  assert.ok(has(scopeOf(t, '1.5'), 'constant.numeric.float.nix'));
  assert.ok(has(scopeOf(t, 'services'), 'entity.other.attribute-name.nix'));
  assert.ok(has(scopeOf(t, 'enable'), 'entity.other.attribute-name.nix'));
  assert.ok(!has(scopeOf(t, 'grafanaEnable'), 'entity.other.attribute-name.nix'));
  assert.ok(has(scopeOf(t, 'or'), 'keyword.operator.or.nix'));
  assert.ok(has(scopeOf(t, 'false'), 'constant.language.boolean.nix'));
  assert.ok(has(scopeOf(t, 'home'), 'entity.other.attribute-name.nix'));
  assert.ok(has(scopeOf(t, '${', 1), 'punctuation.section.embedded.begin.nix'));
  assert.ok(has(scopeOf(t, '\\n'), 'constant.character.escape.nix'));
  assert.ok(has(scopeOf(t, "''$"), 'constant.character.escape.nix'));
  assert.ok(has(scopeOf(t, 'toString'), 'meta.embedded.line.nix'));
  assert.ok(has(scopeOf(t, ' done'), 'string.quoted.other.indented.nix'));
  assert.ok(has(scopeOf(t, 'inherit'), 'keyword.other.inherit.nix'));
  assert.ok(has(scopeOf(t, 'hello'), 'entity.other.attribute-name.nix'));
  assert.ok(has(scopeOf(t, '/* block */'.slice(0, 2)), 'comment.block.nix'));
  assert.ok(has(scopeOf(t, 'https://example.com/a'), 'string.unquoted.uri.nix'));
  assert.ok(has(scopeOf(t, 'null'), 'constant.language.null.nix'));
  assert.ok(has(scopeOf(t, '<nixpkgs>'), 'string.unquoted.path.search.nix'));
  assert.ok(has(scopeOf(t, 'y', 0), 'variable.parameter.nix'));
  assert.ok(has(scopeOf(t, '=='), 'keyword.operator.nix'));
  assert.ok(!has(scopeOf(t, '}').slice(-1), 'string'));
});

test('every example module tokenizes back to the top level (no runaway string or comment)', () => {
  for (const rel of ['system/app/auto-update.nix', 'system/app/monitoring.nix', 'system/configuration.nix', 'lib/defaults.nix']) {
    const t = tokenize(grammar, readFileSync(path.join(exampleDir, rel), 'utf8'));
    const last = t[t.length - 1];
    assert.deepEqual(last.scopes, ['source.nix'].concat(last.scopes.slice(1)), rel);
    assert.ok(!last.scopes.some((s) => s.startsWith('string') || s.startsWith('comment') || s.startsWith('meta.embedded')), `${rel}: ${last.scopes.join(' ')}`);
  }
});

test("language configuration: # and /* */ comments, brackets, and the '' pair", () => {
  const conf = readJson('language-configuration.json') as {
    comments: { lineComment: string; blockComment: string[] };
    brackets: string[][];
    autoClosingPairs: Array<{ open: string; close: string }>;
  };
  assert.equal(conf.comments.lineComment, '#');
  assert.deepEqual(conf.comments.blockComment, ['/*', '*/']);
  for (const pair of [['{', '}'], ['[', ']'], ['(', ')']]) assert.ok(conf.brackets.some((b) => b[0] === pair[0] && b[1] === pair[1]));
  for (const open of ['{', '[', '(', '"', "''"]) assert.ok(conf.autoClosingPairs.some((p) => p.open === open), open);
});
