// The figures that come from outside our server: yaml-language-server (the
// peer of the inventory validation, installed at bench time into the
// git-ignored bench/.peers, never into the project's dependencies), the Nix
// parser's own bench (bench/nix-parse.ts, the Nix helper's), the .vsix size,
// and the activation time the end-to-end tests record.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { StdioLsp, fileUri, Message, PublishParams } from './lsp';
import { inventoryVariant, ValidationResult } from './measure';
import { repoRoot, generatedRoot } from './generate';
import { sleep } from './stats';

export const YAML_LS_VERSION = '1.19.2';
const peersDir = path.join(repoRoot, 'bench', '.peers');
const yamlLsBin = path.join(peersDir, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

/** Installs yaml-language-server into bench/.peers when it is missing; returns its bin or an error. */
export function ensureYamlLs(): { bin: string } | { error: string } {
  const pkg = path.join(peersDir, 'node_modules', 'yaml-language-server', 'package.json');
  if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version === YAML_LS_VERSION) return { bin: yamlLsBin };
  mkdirSync(peersDir, { recursive: true });
  // A manifest of its own, so npm never walks up to the project's package.json.
  writeFileSync(path.join(peersDir, 'package.json'), JSON.stringify({ name: 'bench-peers', private: true }, null, 2) + '\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--prefix', peersDir, '--no-audit', '--no-fund', '--no-save', `yaml-language-server@${YAML_LS_VERSION}`], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0 || !existsSync(yamlLsBin)) return { error: `npm install yaml-language-server@${YAML_LS_VERSION} failed: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n').slice(-3).join(' ')}` };
  return { bin: yamlLsBin };
}

const yamlSettings = {
  validate: true,
  hover: false,
  completion: false,
  format: { enable: false },
  schemaStore: { enable: false },
  schemas: {},
  keyOrdering: false,
  maxItemsComputed: 5000,
};

/** yaml-language-server, answering its configuration requests with validation only. */
export function yamlLsProcess(bin: string): StdioLsp {
  const c = new StdioLsp(process.execPath, [bin, '--stdio']);
  c.handlers.set('workspace/configuration', (p) =>
    ((p as { items?: { section?: string }[] }).items ?? []).map((it) => (it.section === 'yaml' ? yamlSettings : it.section === '[yaml]' ? {} : null)),
  );
  return c;
}

/** What yaml-language-server is told once initialized (validation only). */
export function configureYamlLs(c: StdioLsp): void {
  c.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
}

/** didOpen of the inventory → its non-empty publishDiagnostics, in yaml-language-server. */
export async function validateYamlLs(bin: string, dir: string, file: string, warmup: number, runs: number): Promise<ValidationResult> {
  const c = yamlLsProcess(bin);
  try {
    await c.initialize(dir);
    configureYamlLs(c);
    await c.ping();
    const uri = fileUri(file);
    const text = readFileSync(file, 'utf8');
    const samples: number[] = [];
    let diagnostics = 0;
    let messages: string[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const isOurs = (m: Message): boolean =>
        m.method === 'textDocument/publishDiagnostics' && (m.params as PublishParams).uri === uri && (m.params as PublishParams).diagnostics.length > 0;
      const wait = c.next(isOurs, 60_000);
      const t = performance.now();
      c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: i + 1, text: inventoryVariant(text, i) } });
      const s = await wait;
      if (i >= warmup) samples.push(s.at - t);
      const p = s.message.params as PublishParams;
      diagnostics = p.diagnostics.length;
      messages = p.diagnostics.map((d) => d.message);
      c.notify('textDocument/didClose', { textDocument: { uri } });
      await sleep(100);
      await c.ping();
    }
    return { samples, diagnostics, note: messages.length ? `yaml-language-server said: ${messages.slice(0, 2).join(' | ')}` : undefined };
  } finally {
    await c.stop();
  }
}

export interface VsixFigure {
  bytes: number;
  file: string;
  note?: string;
}

/** Packages the built extension into bench/.generated (leaving the work tree's .vsix alone). */
export function vsixSize(): VsixFigure | { error: string } {
  const out = path.join(generatedRoot, 'homelab-profiles.vsix');
  mkdirSync(generatedRoot, { recursive: true });
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'package.mjs'), '--out', out], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0 || !existsSync(out)) return { error: `scripts/package.mjs failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-2).join(' ')}` };
  return { bytes: statSync(out).size, file: path.relative(repoRoot, out) };
}


export interface NixParseRun {
  exists: boolean;
  ok?: boolean;
  output?: string;
  /** Figures the Nix helper's bench reported as JSON, when it does. */
  json?: unknown;
}

/** Runs bench/nix-parse.ts (the Nix helper's parse-throughput bench) when it exists. */
export function runNixParse(): NixParseRun {
  const script = path.join(repoRoot, 'bench', 'nix-parse.ts');
  if (!existsSync(script)) return { exists: false };
  const jsonOut = path.join(generatedRoot, 'nix-parse.json');
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, BENCH_JSON: jsonOut },
  });
  let json: unknown;
  const lastLine = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    json = existsSync(jsonOut) ? JSON.parse(readFileSync(jsonOut, 'utf8')) : lastLine.startsWith('{') ? JSON.parse(lastLine) : undefined;
  } catch {
    json = undefined;
  }
  return { exists: true, ok: r.status === 0, output: ((r.stdout ?? '') + (r.stderr ?? '')).trim(), json };
}
