// Cheap mutations of small corpus files: token deletions, insertions, swaps,
// truncations, random characters, NULs, line-ending and BOM changes, YAML
// anchors and tabs. Each returns a new text (or bytes for the on-disk kinds)
// and a name, so a failure says what kind of input broke the server.
import type { CorpusFile } from './corpus';
import type { Rng } from './rng';

export interface FuzzInput {
  /** e.g. `nix:delete-token` or `yaml:heavy:billion-laughs`. */
  kind: string;
  /** Target path below the homelab root. */
  rel: string;
  language: 'nix' | 'yaml';
  /** The document text sent over LSP (didOpen/didChange). */
  text?: string;
  /** Written to disk instead (a closed file), announced by didChangeWatchedFiles. */
  bytes?: Buffer;
  heavy?: boolean;
}

const TOKEN = /[A-Za-z_][\w'-]*|\d+(?:\.\d+)?|"(?:[^"\\\n]|\\.)*"|''|\$\{|\/\/|\+\+|->|==|!=|<=|>=|&&|\|\||[ \t]+|\r?\n|#[^\n]*|[^]/g;

export function tokens(text: string): [number, number][] {
  const out: [number, number][] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const NIX_VOCAB = ['{', '}', '[', ']', '(', ')', ';', '=', '.', ',', ':', '?', '@', '//', '++', '->', '||', '&&', '!', '==', '<', '>', '+', '-', '*', '/',
  'let', 'in', 'rec', 'inherit', 'with', 'assert', 'if', 'then', 'else', 'import', 'or', 'true', 'false', 'null', '"', "''", '${', '}', '#', '/*', '*/',
  './LXC-base-config.nix', '../lib/defaults.nix', './.', '/', '~/x', '<nixpkgs>', 'https://x.y/z', '1.5e3', '9999999999999999999999', '-1', '\\', '"${x}"',
  'systemSettings', 'userSettings', 'base.systemSettings', 'hostname', 'ipAddress', 'grafanaEnable', 'x', '...', '\n', ' ', '\t'];
const YAML_VOCAB = ['-', '- ', ':', ': ', '? ', '|', '>', '|-', '&a ', '*a', '<<: *a', '!!str ', '!tag ', '#', '{', '}', '[', ']', ',', "'", '"', '---', '...', '%YAML 1.2',
  'null', '~', 'true', 'no', 'yes', '0x1F', '0o17', '.inf', '1e999', '192.168.8.300', '10.0.0.0/33', 'containers:', 'hosts:', 'networks:', 'services:',
  'profile: ', 'ip: ', 'vmid: ', 'name: ', '\n', '\n  ', '\t', ' ', '@', '`', '%'];
const ODD_CHARS = ['\0', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffd', '\ud800', '\udfff', '\ud83d\ude00',
  '\u202e', '\u0301', '中', 'é', '\r', '\n', '\t', '\v', '\f', 'Ω', '\uffff'];

function vocab(language: 'nix' | 'yaml'): string[] {
  return language === 'nix' ? NIX_VOCAB : YAML_VOCAB;
}

function randomChars(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rng.chance(0.5) ? rng.pick(ODD_CHARS) : String.fromCharCode(rng.int(0x3000));
  return s;
}

type TextMutation = (rng: Rng, text: string, file: CorpusFile, corpus: CorpusFile[]) => string;

export const textMutations: Record<string, TextMutation> = {
  'delete-token': (rng, text) => {
    const t = tokens(text);
    if (t.length === 0) return text;
    const [a, b] = rng.pick(t);
    return text.slice(0, a) + text.slice(b);
  },
  'delete-tokens': (rng, text) => {
    const t = tokens(text);
    if (t.length === 0) return text;
    const i = rng.int(t.length);
    const j = Math.min(t.length - 1, i + rng.int(12));
    return text.slice(0, t[i][0]) + text.slice(t[j][1]);
  },
  'insert-token': (rng, text, file) => {
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + rng.pick(vocab(file.language)) + text.slice(at);
  },
  'replace-token': (rng, text, file) => {
    const t = tokens(text);
    if (t.length === 0) return text;
    const [a, b] = rng.pick(t);
    return text.slice(0, a) + rng.pick(vocab(file.language)) + text.slice(b);
  },
  'swap-tokens': (rng, text) => {
    const t = tokens(text);
    if (t.length < 2) return text;
    let i = rng.int(t.length);
    let j = rng.int(t.length);
    if (i === j) return text;
    if (i > j) [i, j] = [j, i];
    const [a, b] = t[i];
    const [c, d] = t[j];
    return text.slice(0, a) + text.slice(c, d) + text.slice(b, c) + text.slice(a, b) + text.slice(d);
  },
  'duplicate-range': (rng, text) => {
    const a = rng.int(text.length + 1);
    const b = Math.min(text.length, a + rng.int(200));
    return text.slice(0, b) + text.slice(a, b) + text.slice(b);
  },
  'delete-line': (rng, text) => {
    const lines = text.split('\n');
    lines.splice(rng.int(lines.length), 1 + rng.int(3));
    return lines.join('\n');
  },
  'swap-lines': (rng, text) => {
    const lines = text.split('\n');
    const i = rng.int(lines.length);
    const j = rng.int(lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  },
  truncate: (rng, text) => text.slice(0, rng.int(text.length + 1)),
  'truncate-head': (rng, text) => text.slice(rng.int(text.length + 1)),
  'random-chars': (rng, text) => {
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + randomChars(rng, 1 + rng.int(8)) + text.slice(at);
  },
  'overwrite-chars': (rng, text) => {
    const at = rng.int(text.length + 1);
    const n = 1 + rng.int(16);
    return text.slice(0, at) + randomChars(rng, n) + text.slice(at + n);
  },
  nul: (rng, text) => {
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + '\0'.repeat(1 + rng.int(4)) + text.slice(at);
  },
  'lone-surrogate': (rng, text) => {
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + rng.pick(['\ud800', '\udc00', '\udbff\udbff', '\ud83d']) + text.slice(at);
  },
  crlf: (_rng, text) => text.replace(/\n/g, '\r\n'),
  'mixed-eol': (rng, text) => text.replace(/\n/g, () => rng.pick(['\n', '\r\n', '\r', '\n\r', '\u2028'])),
  'cr-only': (_rng, text) => text.replace(/\n/g, '\r'),
  bom: (_rng, text) => '\ufeff' + text,
  'bom-twice': (rng, text) => {
    const at = rng.int(text.length + 1);
    return '\ufeff' + text.slice(0, at) + '\ufeff' + text.slice(at);
  },
  tabs: (_rng, text) => text.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)),
  'tab-one-line': (rng, text) => {
    const lines = text.split('\n');
    const i = rng.int(lines.length);
    lines[i] = lines[i].replace(/^ +/, (m) => (rng.chance(0.5) ? '\t' : ' \t') + m.slice(2));
    return lines.join('\n');
  },
  'gitcrypt-header': (rng) => '\0GITCRYPT\0' + randomChars(rng, 20 + rng.int(200)),
  splice: (rng, text, _file, corpus) => {
    const other = rng.pick(corpus).text;
    return text.slice(0, rng.int(text.length + 1)) + other.slice(rng.int(other.length + 1));
  },
  'small-nesting': (rng, text, file) => {
    const at = rng.int(text.length + 1);
    const n = 1 + rng.int(300);
    const open = file.language === 'nix' ? rng.pick(['{ a = ', '[ ', '( ', 'let x = 1; in ', '{ ', 'rec { b = ', '"${']) : rng.pick(['[', '{a: ', '- ', '? ']);
    const close = rng.chance(0.5) ? '' : file.language === 'nix' ? rng.pick(['; }', ' ]', ' )', '', '}']) : rng.pick([']', '}', '']);
    return text.slice(0, at) + open.repeat(n) + close.repeat(n) + text.slice(at);
  },
  'yaml-anchors': (rng, text) => {
    const lines = text.split('\n');
    const i = rng.int(lines.length);
    lines[i] = lines[i].replace(/: (\S)/, rng.pick([': &a $1', ': *a', ': *nosuch', ': &a &b $1', ': !!map $1', ': <<: *a']));
    if (rng.chance(0.3)) lines.splice(rng.int(lines.length), 0, rng.pick(['<<: *a', 'x: &a [*a]', 'x: &a {y: *a}', 'anch: &a { ip: 192.168.8.5 }']));
    return lines.join('\n');
  },
  'yaml-flow': (rng, text) => {
    const lines = text.split('\n');
    const i = rng.int(lines.length);
    lines.splice(i, 0, `flow${i}: [` + Array.from({ length: 1 + rng.int(500) }, (_, k) => (rng.chance(0.1) ? '[' : k)).join(', '));
    return lines.join('\n');
  },
  'number-extremes': (rng, text) =>
    text.replace(/\b\d+\b/, rng.pick(['99999999999999999999999', '-0', '1e309', '0x', '00', '1.', '.5', 'NaN', '-9223372036854775809'])),
  'indent-shift': (rng, text) => {
    const lines = text.split('\n');
    const i = rng.int(lines.length);
    lines[i] = (rng.chance(0.5) ? ' '.repeat(1 + rng.int(5)) : '') + lines[i].replace(/^ {1,3}/, '');
    return lines.join('\n');
  },
};

export const textMutationNames = Object.keys(textMutations);

/** Bytes for a closed file on disk: invalid UTF-8, random binary, a git-crypt blob. */
export const diskMutations: Record<string, (rng: Rng, file: CorpusFile) => Buffer> = {
  'invalid-utf8': (rng, file) => {
    const bytes = Buffer.from(file.text, 'utf8');
    const bad = [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe, 0xff]];
    const parts: Buffer[] = [];
    let last = 0;
    for (let k = 0; k < 1 + rng.int(5); k++) {
      const at = last + rng.int(Math.max(1, bytes.length - last));
      parts.push(bytes.subarray(last, at), Buffer.from(rng.pick(bad)));
      last = at;
    }
    parts.push(bytes.subarray(last));
    return Buffer.concat(parts);
  },
  'random-binary': (rng) => Buffer.from(Array.from({ length: 1 + rng.int(4096) }, () => rng.int(256))),
  'gitcrypt-blob': (rng) => Buffer.concat([Buffer.from('\0GITCRYPT\0', 'latin1'), Buffer.from(Array.from({ length: 16 + rng.int(1024) }, () => rng.int(256)))]),
  'utf16-le': (_rng, file) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file.text, 'utf16le')]),
  empty: () => Buffer.alloc(0),
};

export const diskMutationNames = Object.keys(diskMutations);

/** One random cheap input derived from one corpus file (sometimes 2–4 stacked mutations). */
export function cheapInput(rng: Rng, corpus: CorpusFile[]): FuzzInput {
  const file = rng.pick(corpus);
  if (rng.chance(0.04)) {
    const name = rng.pick(diskMutationNames);
    return { kind: `${file.language}:disk:${name}`, rel: file.rel, language: file.language, bytes: diskMutations[name](rng, file) };
  }
  let text = file.text;
  const applied: string[] = [];
  const n = rng.chance(0.25) ? 2 + rng.int(3) : 1;
  for (let i = 0; i < n; i++) {
    const name = rng.pick(textMutationNames);
    applied.push(name);
    text = textMutations[name](rng, text, file, corpus);
  }
  return { kind: `${file.language}:${applied.join('+')}`, rel: file.rel, language: file.language, text };
}

/** Truncation of `file` at one position: the systematic "every position" sweep. */
export function truncationInput(file: CorpusFile, at: number): FuzzInput {
  return { kind: `${file.language}:truncate-at`, rel: file.rel, language: file.language, text: file.text.slice(0, at) };
}
