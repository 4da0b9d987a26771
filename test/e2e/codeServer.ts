// Runs the extension in a real VS Code: code-server (installed by
// setup-code-server.mjs) on 127.0.0.1, opened by Debian's Chromium through
// playwright-core. Two uses: running the mocha integration suites inside the
// extension host through the workbench's `payload` URL, and driving the UI.
// Everything started here is stopped again, also when a step fails, and the
// server's log is kept for the failure message.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './compile-integration.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const cacheDir = join(repoRoot, '.vscode-test', 'code-server');
export const entryJs = join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const marker = join(cacheDir, `.installed-${CODE_SERVER_VERSION}`);
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
export const VIEWPORT = { width: 1280, height: 800 };

/** Runs the idempotent install (a no-op check once it has succeeded). */
export function ensureCodeServer(): void {
  if (existsSync(marker) && existsSync(entryJs)) return;
  const r = spawnSync(process.execPath, [join(repoRoot, 'test', 'e2e', 'setup-code-server.mjs')], {
    cwd: repoRoot, stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`code-server setup failed (exit ${r.status}); see the messages above`);
}

export interface StartOptions {
  /** Workspace Trust on (the folder then opens untrusted). Default: off. */
  trust?: boolean;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Extensions folder; default a fresh empty one. */
  extensionsDir?: string;
  /** Environment for code-server and so for the extension host and the tests. */
  env?: Record<string, string>;
}

export interface CodeServer {
  port: number;
  origin: string;
  userDataDir: string;
  extensionsDir: string;
  /** Everything code-server wrote to stdout and stderr so far. */
  log(): string;
  /** Workbench URL for a folder, optionally with a test payload. */
  workbenchUrl(folder: string, payload?: [string, string][]): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh temporary folder under the git-ignored test/.tmp. */
export function tempDir(prefix: string): string {
  const base = join(repoRoot, 'test', '.tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export async function startCodeServer(options: StartOptions = {}): Promise<CodeServer> {
  ensureCodeServer();
  const home = tempDir('code-server');
  const userDataDir = join(home, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(home, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settings: Record<string, unknown> = {
    'security.workspace.trust.enabled': options.trust === true,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    // The repo around the examples is a git repository: keep Git quiet (and idle).
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    ...options.settings,
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const configFile = join(home, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');

  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, [
    entryJs,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ], {
    cwd: repoRoot,
    // Its own process group, so stop() ends the extension host and the language server too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), ...options.env },
  });
  child.stdout?.on('data', (d: Buffer) => { log += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { log += d.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const origin = `http://127.0.0.1:${port}`;
  const server: CodeServer = {
    port,
    origin,
    userDataDir,
    extensionsDir,
    log: () => log,
    workbenchUrl(folder, payload) {
      const params = new URLSearchParams({ folder });
      if (payload) params.set('payload', JSON.stringify(payload));
      return `${origin}/?${params.toString()}`;
    },
    async stop() {
      killGroup(child, 'SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
      if (!done) {
        killGroup(child, 'SIGKILL');
        await Promise.race([exited, sleep(2000)]);
      }
      rmSync(home, { recursive: true, force: true });
    },
  };

  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it answered`);
      try {
        const res = await fetch(`${origin}/healthz`);
        if (res.ok) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error('code-server did not answer /healthz within 30 s');
      await sleep(100);
    }
    debug(`code-server answers on port ${port}`);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n--- code-server log ---\n${log}`);
  }
  return server;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/** Opens the workbench on `folder` and waits until it is drawn. */
export async function openWorkbench(server: CodeServer, browser: Browser, folder: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(server.workbenchUrl(folder));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return page;
}

/**
 * Starts code-server and a browser, gives `body` both, and stops both however
 * `body` ends. On failure the error carries the end of code-server's log.
 */
export async function withCodeServer<T>(
  options: StartOptions,
  body: (server: CodeServer, browser: Browser) => Promise<T>,
): Promise<T> {
  const server = await startCodeServer(options);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    debug('chromium launched');
    return await body(server, browser);
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    err.message += `\n--- code-server log (last 40 lines) ---\n${tail(server.log(), 40)}`;
    throw err;
  } finally {
    await browser?.close().catch(() => undefined);
    debug('chromium closed');
    await server.stop();
    debug('code-server stopped');
  }
}

export interface SuiteRun {
  exitCode: number;
  /** The tests' console output (mocha's report), in order. */
  output: string[];
  /** Contents of the results file written by test/integration/index.ts. */
  results: SuiteResults | undefined;
  durationMs: number;
}

export interface SuiteResults {
  group: string;
  results: { title: string; state: 'passed' | 'failed'; durationMs: number; error?: string }[];
  metrics: Record<string, number>;
}

export interface SuiteOptions extends StartOptions {
  /** Folder opened as the workspace. */
  folder: string;
  /** Compiled out/test/integration/index.js. */
  testsPath: string;
  /** Suite folder under test/integration/ (HOMELAB_E2E_GROUP). */
  group: string;
  extensionDevelopmentPath?: string;
  timeoutMs?: number;
}

/** Runs the integration suites of one group inside code-server's extension host. */
export async function runIntegrationSuites(options: SuiteOptions): Promise<SuiteRun> {
  const started = Date.now();
  const resultsFile = join(tempDir('results'), 'results.json');
  const output: string[] = [];
  const env = { ...options.env, HOMELAB_E2E_GROUP: options.group, HOMELAB_E2E_RESULTS: resultsFile };
  try {
    const exitCode = await withCodeServer({ ...options, env }, async (server, browser) => {
      const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
      const page = await browser.newPage({ viewport: VIEWPORT });
      let finish: (code: number) => void = () => undefined;
      const exit = new Promise<number>((resolve) => { finish = resolve; });
      await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
        const text = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
        debug(`out: ${text.slice(0, 80)}`);
        output.push(text);
      });
      await page.exposeFunction('codeAutomationExit', (code: number) => { debug(`tests exited with ${code}`); finish(code); });
      await page.goto(server.workbenchUrl(options.folder, [
        ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath ?? repoRoot)],
        ['extensionTestsPath', remote(options.testsPath)],
        ['skipWelcome', 'true'],
      ]));
      debug('workbench page loaded');
      const timeoutMs = options.timeoutMs ?? 120_000;
      return Promise.race([
        exit,
        sleep(timeoutMs).then(() => {
          throw new Error(`the integration suites did not finish within ${timeoutMs / 1000} s\n--- test output ---\n${output.join('\n')}`);
        }),
      ]);
    });
    const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults) : undefined;
    return { exitCode, output, results, durationMs: Date.now() - started };
  } finally {
    rmSync(join(resultsFile, '..'), { recursive: true, force: true });
  }
}

/** Installs a .vsix into an extensions folder with code-server's own CLI. */
export function installExtension(vsix: string, extensionsDir: string): void {
  ensureCodeServer();
  const home = tempDir('install');
  try {
    const r = spawnSync(process.execPath, [entryJs, '--install-extension', vsix, '--extensions-dir', extensionsDir], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data') },
    });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

const debug = process.env.HOMELAB_E2E_DEBUG ? (msg: string) => console.error(`[e2e ${new Date().toISOString().slice(11, 23)}] ${msg}`) : () => undefined;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
