// The big and pathological inputs: 10 MB single lines, 10,000-deep nesting,
// 100,000 attributes in one set, YAML alias bombs, huge flow sequences. They
// are built lazily (some are megabytes) and run a few times per fuzz run. The
// well-formed ones double as the size baseline of the slowness figures.
import type { FuzzInput } from './mutators';

export interface HeavySpec {
  name: string;
  language: 'nix' | 'yaml';
  rel: string;
  /** Syntactically valid input: its timings are the baseline for its size. */
  wellFormed?: boolean;
  build(): string;
}

const PROFILE = 'profiles/LXC_fuzz-config.nix';
const INVENTORY = 'homelab.yaml';
const DEPTH = 10_000;

function nixProfile(settings: string): string {
  return `let\n  base = import ./LXC-base-config.nix;\nin\n{\n  systemSettings = base.systemSettings // {\n${settings}  };\n  userSettings = base.userSettings;\n}\n`;
}

function manyAttrs(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`    setting${i} = ${i % 3 === 0 ? `"v${i}"` : i % 3 === 1 ? 'true' : String(i)};\n`);
  return parts.join('');
}

function yamlContainers(n: number): string {
  const parts = ['networks:\n  lan:\n    cidr: 10.0.0.0/8\n    gateway: 10.0.0.1\nhosts:\n  pve:\n    address: 10.0.0.2\ncontainers:\n'];
  for (let i = 0; i < n; i++) {
    parts.push(`  c${i}:\n    host: pve\n    vmid: ${1000 + i}\n    network: lan\n    ip: 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${(i & 255) || 1}\n    profile: profiles/LXC_c${i}-config.nix\n`);
  }
  return parts.join('');
}

export const heavySpecs: HeavySpec[] = [
  // Baselines: well-formed input of growing size.
  { name: 'wf-nix-1k-settings', language: 'nix', rel: PROFILE, wellFormed: true, build: () => nixProfile(manyAttrs(1_000)) },
  { name: 'wf-nix-10k-settings', language: 'nix', rel: PROFILE, wellFormed: true, build: () => nixProfile(manyAttrs(10_000)) },
  { name: 'wf-nix-100k-attrs', language: 'nix', rel: PROFILE, wellFormed: true, build: () => nixProfile(manyAttrs(100_000)) },
  { name: 'wf-nix-100k-attrs-plain-set', language: 'nix', rel: 'lib/fuzz-set.nix', wellFormed: true, build: () => `{\n${manyAttrs(100_000)}}\n` },
  { name: 'wf-yaml-1k-containers', language: 'yaml', rel: INVENTORY, wellFormed: true, build: () => yamlContainers(1_000) },
  { name: 'wf-yaml-20k-containers', language: 'yaml', rel: INVENTORY, wellFormed: true, build: () => yamlContainers(20_000) },
  { name: 'wf-yaml-100k-keys', language: 'yaml', rel: INVENTORY, wellFormed: true, build: () => 'extra:\n' + Array.from({ length: 100_000 }, (_, i) => `  k${i}: v${i}\n`).join('') },
  // 10 MB single lines (over the 5 MB limit) and 4 MB ones (under it).
  { name: 'nix-10mb-string', language: 'nix', rel: PROFILE, build: () => `{ systemSettings = { hostname = "${'a'.repeat(10_000_000)}"; }; }` },
  { name: 'nix-4mb-string', language: 'nix', rel: PROFILE, build: () => `{ systemSettings = { hostname = "${'a'.repeat(4_000_000)}"; }; }` },
  { name: 'nix-4mb-unterminated-string', language: 'nix', rel: PROFILE, build: () => `{ systemSettings = { hostname = "${'a\\"'.repeat(1_300_000)}` },
  { name: 'nix-4mb-identifier', language: 'nix', rel: PROFILE, build: () => `{ ${'x'.repeat(4_000_000)} = 1; }` },
  { name: 'nix-4mb-comment', language: 'nix', rel: PROFILE, build: () => `# ${'c'.repeat(4_000_000)}\n{ }` },
  { name: 'yaml-10mb-line', language: 'yaml', rel: INVENTORY, build: () => `containers: "${'b'.repeat(10_000_000)}"\n` },
  { name: 'yaml-4mb-line', language: 'yaml', rel: INVENTORY, build: () => `containers:\n  big:\n    description: ${'b'.repeat(4_000_000)}\n` },
  { name: 'yaml-4mb-plain-no-newline', language: 'yaml', rel: INVENTORY, build: () => 'x'.repeat(4_000_000) },
  // 10,000-deep nesting, closed and unclosed.
  { name: 'nix-deep-braces', language: 'nix', rel: PROFILE, build: () => '{ a = '.repeat(DEPTH) + '1' + '; }'.repeat(DEPTH) },
  { name: 'nix-deep-braces-unclosed', language: 'nix', rel: PROFILE, build: () => '{ a = '.repeat(DEPTH) },
  { name: 'nix-deep-lists', language: 'nix', rel: PROFILE, build: () => '['.repeat(DEPTH) + ']'.repeat(DEPTH) },
  { name: 'nix-deep-lists-unclosed', language: 'nix', rel: PROFILE, build: () => '[ '.repeat(DEPTH) },
  { name: 'nix-deep-parens', language: 'nix', rel: PROFILE, build: () => '('.repeat(DEPTH) + '1' + ')'.repeat(DEPTH) },
  { name: 'nix-deep-parens-unclosed', language: 'nix', rel: PROFILE, build: () => '('.repeat(DEPTH) },
  { name: 'nix-deep-let', language: 'nix', rel: PROFILE, build: () => 'let x = 1; in '.repeat(DEPTH) + 'x' },
  { name: 'nix-deep-let-in-binding', language: 'nix', rel: PROFILE, build: () => 'let x = '.repeat(DEPTH) + '1' + '; in x'.repeat(DEPTH) },
  { name: 'nix-deep-let-unclosed', language: 'nix', rel: PROFILE, build: () => 'let x = '.repeat(DEPTH) },
  { name: 'nix-deep-select', language: 'nix', rel: PROFILE, build: () => 'x' + '.a'.repeat(DEPTH) },
  { name: 'nix-deep-operators', language: 'nix', rel: PROFILE, build: () => '1' + ' + 1'.repeat(DEPTH) },
  { name: 'nix-deep-update', language: 'nix', rel: PROFILE, build: () => '{ }' + ' // { }'.repeat(DEPTH) },
  { name: 'nix-deep-apply', language: 'nix', rel: PROFILE, build: () => 'f' + ' x'.repeat(DEPTH) },
  { name: 'nix-deep-lambda', language: 'nix', rel: PROFILE, build: () => 'x: '.repeat(DEPTH) + 'x' },
  { name: 'nix-deep-if', language: 'nix', rel: PROFILE, build: () => 'if true then '.repeat(DEPTH) + '1' + ' else 2'.repeat(DEPTH) },
  { name: 'nix-deep-negation', language: 'nix', rel: PROFILE, build: () => '!'.repeat(DEPTH) + 'true' },
  { name: 'nix-deep-interpolation', language: 'nix', rel: PROFILE, build: () => '"${'.repeat(DEPTH) + '"x"' + '}"'.repeat(DEPTH) },
  { name: 'nix-deep-attrpath', language: 'nix', rel: PROFILE, build: () => `{ ${Array.from({ length: DEPTH }, (_, i) => `a${i}`).join('.')} = 1; }` },
  { name: 'nix-deep-in-settings', language: 'nix', rel: PROFILE, build: () => nixProfile(`    deep = ${'{ a = '.repeat(DEPTH)}1${'; }'.repeat(DEPTH)};\n`) },
  { name: 'nix-deep-import-chain', language: 'nix', rel: PROFILE, build: () => 'import ./LXC_fuzz-config.nix // '.repeat(1000) + '{}' },
  { name: 'yaml-deep-flow-seq', language: 'yaml', rel: INVENTORY, build: () => '['.repeat(DEPTH) + ']'.repeat(DEPTH) },
  { name: 'yaml-deep-flow-map', language: 'yaml', rel: INVENTORY, build: () => '{a: '.repeat(DEPTH) + '1' + '}'.repeat(DEPTH) },
  { name: 'yaml-deep-block-seq', language: 'yaml', rel: INVENTORY, build: () => 'containers: ' + '- '.repeat(DEPTH) + 'x\n' },
  { name: 'yaml-deep-block-map', language: 'yaml', rel: INVENTORY, build: () => Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('') + ' '.repeat(1_000) + 'v\n' },
  { name: 'yaml-deep-unclosed', language: 'yaml', rel: INVENTORY, build: () => 'containers: ' + '[{a: '.repeat(DEPTH / 2) },
  // YAML alias bombs and huge collections.
  {
    name: 'yaml-billion-laughs',
    language: 'yaml',
    rel: INVENTORY,
    build: () => {
      const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
      lines.push('containers: *a9');
      return lines.join('\n') + '\n';
    },
  },
  {
    name: 'yaml-billion-laughs-in-containers',
    language: 'yaml',
    rel: INVENTORY,
    build: () => {
      const lines = ['x: &a0 {host: pve, vmid: 1, ip: 192.168.8.5}', 'l1: &a1 {a: *a0, b: *a0, c: *a0, d: *a0, e: *a0, f: *a0, g: *a0, h: *a0, i: *a0}'];
      for (let i = 2; i < 10; i++) lines.push(`l${i}: &a${i} {a: *a${i - 1}, b: *a${i - 1}, c: *a${i - 1}, d: *a${i - 1}, e: *a${i - 1}, f: *a${i - 1}, g: *a${i - 1}, h: *a${i - 1}, i: *a${i - 1}}`);
      lines.push('containers: *a9', 'services: *a9', 'networks: *a9', 'hosts: *a9');
      return lines.join('\n') + '\n';
    },
  },
  { name: 'yaml-merge-key-bomb', language: 'yaml', rel: INVENTORY, build: () => ['b0: &b0 {k: 1}', ...Array.from({ length: 30 }, (_, i) => `b${i + 1}: &b${i + 1} {<<: [*b${i}, *b${i}], k${i}: 1}`), 'containers: {c: *b30}'].join('\n') + '\n' },
  { name: 'yaml-self-alias', language: 'yaml', rel: INVENTORY, build: () => 'a: &a [*a]\ncontainers: *a\n' },
  { name: 'yaml-1m-flow-seq', language: 'yaml', rel: INVENTORY, build: () => 'containers: [' + Array.from({ length: 1_000_000 }, (_, i) => String(i & 7)).join(',') + ']\n' },
  { name: 'yaml-100k-flow-map', language: 'yaml', rel: INVENTORY, build: () => 'containers: {' + Array.from({ length: 100_000 }, (_, i) => `c${i}: {vmid: ${i}}`).join(', ') + '}\n' },
  { name: 'yaml-100k-documents', language: 'yaml', rel: INVENTORY, build: () => '---\na: 1\n'.repeat(100_000) },
  { name: 'yaml-100k-tabs', language: 'yaml', rel: INVENTORY, build: () => 'containers:\n' + '\t\tc: 1\n'.repeat(100_000) },
  // Many lines and line-ending oddities at size.
  { name: 'nix-100k-empty-lines-crlf', language: 'nix', rel: PROFILE, build: () => '\r\n'.repeat(100_000) + '{ }' },
  { name: 'nix-1m-cr-only', language: 'nix', rel: PROFILE, build: () => '{\r' + 'a = 1;\r'.repeat(100_000) + '}' },
  { name: 'nix-100k-nuls', language: 'nix', rel: PROFILE, build: () => '\0'.repeat(100_000) },
  { name: 'nix-500k-lone-surrogates', language: 'nix', rel: PROFILE, build: () => '{ a = "' + '\ud800'.repeat(500_000) + '"; }' },
  { name: 'nix-100k-dup-attrs', language: 'nix', rel: PROFILE, build: () => nixProfile('    hostname = "x";\n'.repeat(100_000)) },
  { name: 'nix-100k-undefined-vars', language: 'nix', rel: PROFILE, build: () => '[ ' + Array.from({ length: 100_000 }, (_, i) => `u${i}`).join(' ') + ' ]' },
  { name: 'nix-100k-strings-interp', language: 'nix', rel: PROFILE, build: () => '"' + '${x}a'.repeat(100_000) + '"' },
];

export function heavyInput(spec: HeavySpec): FuzzInput {
  return { kind: `${spec.language}:heavy:${spec.name}`, rel: spec.rel, language: spec.language, text: spec.build(), heavy: true };
}
