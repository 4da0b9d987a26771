// A minimal LSP client over stdio for the benchmarks. It spawns any server
// command (ours and yaml-language-server alike, so both are measured through
// exactly the same client code), stamps every incoming message with its
// arrival time, answers the server's requests (configuration, progress
// tokens), and exposes waiters for notifications and pings.
// test/lsp/lspClient.ts is the tests' client; it always spawns dist/server.js,
// which is why the peer comparison needs this one.
import { spawn, ChildProcessWithoutNullStreams } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface Stamped {
  at: number;
  message: Message;
}

export interface PublishParams {
  uri: string;
  version?: number;
  diagnostics: { message: string; source?: string; code?: string | number; range: unknown }[];
}

type Waiter = { match: (m: Message) => boolean; resolve: (s: Stamped) => void; reject: (e: Error) => void };

export class StdioLsp {
  readonly process: ChildProcessWithoutNullStreams;
  readonly notifications: Stamped[] = [];
  readonly stderr: string[] = [];
  /** Answers to server→client requests, by method. */
  readonly handlers = new Map<string, (params: unknown) => unknown>();
  readonly exited: Promise<number | null>;
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (s: Stamped) => void; reject: (e: Error) => void }>();
  private waiters: Waiter[] = [];

  constructor(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
    this.process = spawn(command, args, { env, stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    void this.exited.then(() => {
      const error = new Error(`server exited; stderr: ${this.stderr.join('').slice(-2000)}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      for (const w of this.waiters) w.reject(error);
      this.waiters = [];
    });
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  private onData(chunk: Buffer): void {
    const at = performance.now();
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch({ at, message: JSON.parse(body) as Message });
    }
  }

  private dispatch(s: Stamped): void {
    const m = s.message;
    if (m.method !== undefined && m.id !== undefined && m.id !== null) {
      const handler = this.handlers.get(m.method);
      const result = handler ? handler(m.params) : m.method === 'workspace/configuration' ? ((m.params as { items?: unknown[] }).items ?? []).map(() => null) : null;
      this.write({ jsonrpc: '2.0', id: m.id, result: result ?? null });
      return;
    }
    if (m.method !== undefined) {
      this.notifications.push(s);
      const still: Waiter[] = [];
      for (const w of this.waiters) {
        if (w.match(m)) w.resolve(s);
        else still.push(w);
      }
      this.waiters = still;
      return;
    }
    const p = this.pending.get(Number(m.id));
    if (p) {
      this.pending.delete(Number(m.id));
      p.resolve(s);
    }
  }

  write(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Sends a request; resolves with the response and its arrival time. */
  requestStamped(method: string, params?: unknown, timeoutMs = 120_000): Promise<Stamped> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  async request<T>(method: string, params?: unknown, timeoutMs?: number): Promise<T> {
    const s = await this.requestStamped(method, params, timeoutMs);
    if (s.message.error) throw new Error(`${method}: ${s.message.error.message}`);
    return s.message.result as T;
  }

  /** Answered only when the server's event loop is free: an unknown method gets MethodNotFound. */
  async ping(timeoutMs = 120_000): Promise<void> {
    await this.requestStamped('$/bench/ping', {}, timeoutMs);
  }

  notify(method: string, params?: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** The next notification (after this call) that matches. */
  next(match: (m: Message) => boolean, timeoutMs = 60_000): Promise<Stamped> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for a notification`));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.waiters.push(waiter);
    });
  }

  async initialize(rootPath: string | undefined, extra: Record<string, unknown> = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const rootUri = rootPath ? pathToFileURL(rootPath).href : null;
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: false, dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          // As VS Code 1.100 announces it (vscode-languageclient 9 to 11): documentation, detail and extra edits may come by
          // completionItem/resolve, and a list may say its items' shared range and format once (LSP 3.17 item defaults).
          completion: {
            completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
            completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          definition: { linkSupport: true },
        },
        window: { workDoneProgress: true },
      },
      workspaceFolders: rootPath ? [{ uri: rootUri, name: path.basename(rootPath) }] : null,
      ...extra,
    });
    this.notify('initialized', {});
    return result;
  }

  async stop(): Promise<void> {
    try {
      await this.request('shutdown', undefined, 5000);
      this.notify('exit');
    } catch {
      /* a server that does not answer is killed below */
    }
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(timer);
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}
