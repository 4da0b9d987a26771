// The snippet files: well-formed VS Code snippets, and what they expand to (with
// their default placeholder values) is valid: the inventory snippet against
// the inventory schema, the profile skeleton through nix-instantiate --parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { newAjv, nixInstantiate, readJson } from './helpers';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

/** Expands a snippet body the way VS Code does when every placeholder keeps its default. */
export function expandSnippet(body: string): string {
  let out = '';
  let i = 0;
  const readDefault = (): string => {
    // At the start of a `${...}` after the number: `:default}`, `|a,b|}` or `}`.
    let text = '';
    if (body[i] === ':') {
      i++;
      let depth = 0;
      while (i < body.length) {
        if (body[i] === '\\' && i + 1 < body.length) {
          text += body[i + 1];
          i += 2;
          continue;
        }
        if (body[i] === '$' && body[i + 1] === '{') {
          i += 2;
          while (/\d/.test(body[i])) i++;
          text += readDefault();
          continue;
        }
        if (body[i] === '}' && depth === 0) break;
        text += body[i++];
      }
      assert.equal(body[i], '}', 'unterminated placeholder');
      i++;
      return text;
    }
    if (body[i] === '|') {
      const end = body.indexOf('|}', i + 1);
      assert.ok(end > 0, 'unterminated choice');
      text = body.slice(i + 1, end).split(',')[0];
      i = end + 2;
      return text;
    }
    assert.equal(body[i], '}', `bad placeholder near ${body.slice(i - 5, i + 10)}`);
    i++;
    return '';
  };
  const defaults = new Map<string, string>();
  while (i < body.length) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      out += body[i + 1];
      i += 2;
    } else if (c === '$' && body[i + 1] === '{') {
      i += 2;
      const start = i;
      while (/\d/.test(body[i])) i++;
      const n = body.slice(start, i);
      assert.ok(n.length > 0, `placeholder without a number near ${body.slice(start - 2, start + 10)}`);
      const text = readDefault();
      if (text || !defaults.has(n)) defaults.set(n, text);
      out += defaults.get(n) ?? text;
    } else if (c === '$' && /\d/.test(body[i + 1])) {
      i++;
      while (/\d/.test(body[i])) i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function load(rel: string): Record<string, Snippet> {
  const data = readJson(rel) as Record<string, Snippet>;
  for (const [name, s] of Object.entries(data)) {
    assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], name);
    const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
    assert.ok(prefixes.length > 0 && prefixes.every((p) => /^[A-Za-z][\w-]*$/.test(p)), `${name}: prefix`);
    assert.ok(s.description.length > 10, `${name}: description`);
    const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
    assert.ok(body.length > 0);
    assert.doesNotThrow(() => expandSnippet(body), name);
  }
  return data;
}

const body = (s: Snippet): string => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

test('Nix snippets are well formed and the profile skeleton parses as Nix', () => {
  const nix = load('snippets/nix.json');
  for (const name of ['Container profile', 'Scrape target', 'Feature flag (defaults)', 'Feature flag module']) assert.ok(nix[name], name);
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-snippet-'));
  try {
    for (const [name, s] of Object.entries(nix)) {
      const text = expandSnippet(body(s));
      // Fragments (a binding, a list item) are parsed inside an attribute set or a list.
      const wrapped = /^\s*(#.*\n)*\s*(let|\{)/.test(text) ? text : text.trimStart().startsWith('{ name') ? `[ ${text} ]` : `{ base, ... }: { ${text} }`;
      const file = path.join(dir, 'x.nix');
      writeFileSync(file, wrapped);
      const r = nixInstantiate(['--parse', file]);
      assert.equal(r.status, 0, `${name}:\n${wrapped}\n${r.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('inventory snippets are well formed and the full inventory satisfies the schema', () => {
  const yaml = load('snippets/homelab-yaml.json');
  for (const name of ['Homelab inventory', 'Container', 'Service', 'Network']) assert.ok(yaml[name], name);
  // They show in every YAML file (docker-compose has services too): keep them recognisable.
  for (const [name, s] of Object.entries(yaml)) {
    for (const p of Array.isArray(s.prefix) ? s.prefix : [s.prefix]) assert.match(p, /^homelab/, name);
  }
  const validate = newAjv().compile(readJson('schemas/inventory.schema.json') as object);
  const full = YAML.parse(expandSnippet(body(yaml['Homelab inventory'])));
  assert.equal(validate(full), true, JSON.stringify(validate.errors));
  // Entries are inserted under their section: check each inside a minimal inventory.
  const under: Record<string, string> = { Container: 'containers', Service: 'services', Network: 'networks', Host: 'hosts', 'Proxmox host': 'hosts' };
  for (const [name, section] of Object.entries(under)) {
    const entry = YAML.parse(expandSnippet(body(yaml[name])));
    assert.equal(validate({ [section]: entry }), true, `${name}: ${JSON.stringify(validate.errors)}`);
  }
  const deploy = YAML.parse(expandSnippet(body(yaml['Deploy defaults'])));
  assert.equal(validate(deploy), true, JSON.stringify(validate.errors));
});

test('the expander itself: defaults, mirrors, choices, escapes', () => {
  assert.equal(expandSnippet('a ${1:x} ${1} ${2|p,q|} \\$ $0'), 'a x x p $ ');
  assert.equal(expandSnippet('${1:outer ${2:inner}}'), 'outer inner');
  assert.throws(() => expandSnippet('${1:unterminated'));
});
