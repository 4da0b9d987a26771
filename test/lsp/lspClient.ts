// A plain JSON-RPC client for LSP over a real stdio connection: spawns
// `node dist/server.js --stdio`, frames messages with Content-Length headers,
// matches responses to requests, and records notifications (diagnostics...).
// Deliberately independent of vscode-languageclient, so the tests see exactly
// what any LSP editor would.
import { spawn, ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const serverBundle = path.join(repoRoot, 'dist', 'server.js');

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

type Pending = { resolve: (m: Message) => void; reject: (e: Error) => void };

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly notifications: Message[] = [];
  readonly stderr: string[] = [];
  private chunks: Buffer[] = [];
  private received = 0;
  /** Bytes the message being received needs in all (0: not known yet). */
  private needed = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  /** Answers to server→client requests (workspace/configuration etc.). */
  requestHandlers = new Map<string, (params: unknown) => unknown>();
  readonly exited: Promise<number | null>;

  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = process.env) {
    this.process = spawn(process.execPath, [serverBundle, ...args], { env, stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.exited.then(() => {
      for (const p of this.pending.values()) p.reject(new Error(`server exited; stderr:\n${this.stderr.join('')}`));
      this.pending.clear();
    });
  }

  private onData(chunk: Buffer): void {
    // Chunks are joined only once a whole message has arrived: joining on every chunk made
    // a 30 MB message (100,000 diagnostics) take minutes to read.
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (this.received < this.needed) return;
    let buffer = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    this.needed = 0;
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) break;
      const header = buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`bad header from server: ${header}`);
      if (buffer.length < headerEnd + 4 + length) {
        this.needed = headerEnd + 4 + length;
        break;
      }
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      buffer = buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
    this.chunks = buffer.length > 0 ? [buffer] : [];
    this.received = buffer.length;
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      const handler = this.requestHandlers.get(message.method);
      const result = handler ? handler(message.params) : defaultRequestAnswer(message);
      this.write({ jsonrpc: '2.0', id: message.id, result: result ?? null });
      return;
    }
    if (message.method !== undefined) {
      this.notifications.push(message);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        if (this.waiters[i].match(message)) {
          this.waiters[i].resolve(message);
          this.waiters.splice(i, 1);
        }
      }
      return;
    }
    const pending = this.pending.get(Number(message.id));
    if (pending) {
      this.pending.delete(Number(message.id));
      pending.resolve(message);
    }
  }

  write(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  /** Sends a request; resolves with the whole response message (result or error). */
  requestRaw(method: string, params?: unknown): Promise<Message> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  async request<T = unknown>(method: string, params?: unknown): Promise<T> {
    const response = await this.requestRaw(method, params);
    if (response.error) throw new Error(`${method} failed: ${response.error.message}`);
    return response.result as T;
  }

  notify(method: string, params?: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification (already received or future) that matches. */
  waitForNotification(match: (m: Message) => boolean, timeoutMs = 20000): Promise<Message> {
    const seen = this.notifications.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a notification')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** The standard start: initialize with a workspace folder, then initialized. */
  /**
   * `completionItem`: extra completion-item capabilities (e.g. `resolveSupport`, as VS Code sends); `completion`:
   * extra completion capabilities (e.g. `completionList.itemDefaults`).
   */
  async initialize(rootPath?: string, initializationOptions: unknown = {}, completionItem: Record<string, unknown> = {}, completion: Record<string, unknown> = {}): Promise<InitializeAnswer> {
    const rootUri = rootPath ? pathToFileURL(rootPath).href : null;
    const result = await this.request<InitializeAnswer>('initialize', {
      processId: process.pid,
      rootUri,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], ...completionItem }, ...completion },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        window: { workDoneProgress: true },
      },
      workspaceFolders: rootPath ? [{ uri: rootUri, name: path.basename(rootPath) }] : null,
      initializationOptions,
    });
    this.notify('initialized', {});
    return result;
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown');
    this.notify('exit');
    return this.exited;
  }

  kill(): void {
    this.process.kill('SIGKILL');
  }
}

export interface InitializeAnswer {
  capabilities: Record<string, unknown>;
  serverInfo?: { name: string; version?: string };
}

function defaultRequestAnswer(message: Message): unknown {
  switch (message.method) {
    case 'workspace/configuration': {
      const items = (message.params as { items?: unknown[] } | undefined)?.items ?? [];
      return items.map(() => null);
    }
    case 'window/workDoneProgress/create':
    case 'client/registerCapability':
    case 'client/unregisterCapability':
      return null;
    default:
      return null;
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}
