// The option index's worker thread: scans the files it is given (scanTree)
// off the server's main thread, posting progress, then the per-file results.
// The same code runs from the server bundle started as a worker (its entry
// checks `isOptionIndexWorker()` first) or from workerMain.ts.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { scanFiles, type FileScan } from './scanTree';
import type { TypeWording } from './typeWording';

export const OPTION_WORKER_KIND = 'homelab-option-index';

/** What a worker is started with (its `workerData`). */
export interface OptionWorkerData {
  kind: typeof OPTION_WORKER_KIND;
  /** file:// URIs of the files to scan. */
  uris: string[];
  /** The simple types' phrases of the nixpkgs the tree is used with (read by the caller from its lib/types.nix). */
  wording?: TypeWording;
}

export type OptionWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; scans: FileScan[]; ms: number }
  | { type: 'error'; message: string };

/** True in a thread started to build an option index. */
export function isOptionIndexWorker(): boolean {
  return !isMainThread && (workerData as Partial<OptionWorkerData> | undefined)?.kind === OPTION_WORKER_KIND;
}

/** The worker's body: scan, answer, end. */
export function runOptionIndexWorker(): void {
  const port = parentPort;
  if (!port) return;
  const data = workerData as OptionWorkerData;
  const post = (m: OptionWorkerMessage): void => port.postMessage(m);
  const t0 = Date.now();
  try {
    const scans = scanFiles(data.uris, (done, total) => post({ type: 'progress', done, total }), undefined, undefined, data.wording);
    post({ type: 'done', scans, ms: Date.now() - t0 });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
