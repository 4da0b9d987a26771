// Shared steps of the LSP tests: start a server on a folder and wait until its
// first whole-workspace check is published (the work-done progress ends).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, Message } from './lspClient';

export interface PublishedDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string;
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string }; message: string }[];
}

export async function startOn(folder: string, initializationOptions: unknown = {}): Promise<LspClient> {
  const client = new LspClient();
  await client.initialize(folder, initializationOptions);
  await client.waitForNotification(
    (m) => m.method === '$/progress' && (m.params as { value?: { kind?: string } }).value?.kind === 'end',
    60000,
  );
  return client;
}

/** The latest published diagnostics per URI (empty sets dropped). */
export function latestDiagnostics(client: LspClient): Map<string, PublishedDiagnostic[]> {
  const latest = new Map<string, PublishedDiagnostic[]>();
  for (const n of client.notifications) {
    if (n.method !== 'textDocument/publishDiagnostics') continue;
    const p = n.params as { uri: string; diagnostics: PublishedDiagnostic[] };
    latest.set(p.uri, p.diagnostics);
  }
  for (const [uri, list] of latest) if (list.length === 0) latest.delete(uri);
  return latest;
}

export function isDiagnosticsFor(uri: string, version?: number): (m: Message) => boolean {
  return (m) => {
    if (m.method !== 'textDocument/publishDiagnostics') return false;
    const p = m.params as { uri: string; version?: number };
    return p.uri === uri && (version === undefined || p.version === version);
  };
}

/** A private copy of an example folder, for tests that edit files. */
export function copyExample(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `homelab-${name}-`));
  cpSync(path.join(__dirname, '..', '..', 'examples', name), dir, { recursive: true });
  return dir;
}
