// The workloads that bench/instructions.ts counts instructions of: each the
// in-process core of a bench figure, deterministic, no LSP, no timers, no
// worker threads. bench/instructions.ts bundles this file against the server
// sources of each worktree it compares (so it must only use entry points both
// commits have) and runs the bundle under valgrind:
//   node bundle.js noop                                — loading the bundle only
//   node bundle.js edit <folder> <profile> <key> <edits> <quick|full>
//       the edit-large figure: the fleet's first whole check, the profile
//       opened, then <edits> one-character edits of `<key> =` alternating a
//       typo and its repair, each followed by the keystroke's document check
//       (checkDocumentQuick) and, with `full`, the whole check the server runs
//       a moment later
//   node bundle.js options <tree> <cacheDir>           — an option index build
//       as options-build / options-hm-build make it, scanned on this thread
// Prints one JSON line (what was done, so a run that did nothing shows).
import { readFileSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { nodeFsHost } from '../server/src/model/host';
import { Workspace } from '../server/src/model/workspace';
import { checkAll, checkDocumentQuick } from '../server/src/checks/run';
import { OptionIndexStore } from '../server/src/model/options/store';

function edit(folder: string, profile: string, key: string, edits: number, withFullCheck: boolean): Record<string, number> {
  const ws = new Workspace(nodeFsHost());
  ws.addFolder(pathToFileURL(folder).href);
  const first = checkAll(ws);
  const uri = pathToFileURL(profile).href;
  let text = readFileSync(profile, 'utf8');
  const at = text.indexOf(`${key} =`);
  if (at < 0) throw new Error(`\`${key} =\` not found in ${profile}`);
  const offset = at + key.length - 1;
  let version = 1;
  ws.setDocument(uri, text, version);
  checkDocumentQuick(ws, uri, []);
  let diagnostics = 0;
  for (let i = 0; i < edits; i++) {
    const char = i % 2 === 0 ? 'Q' : key[key.length - 1];
    text = text.slice(0, offset) + char + text.slice(offset + 1);
    ws.setDocument(uri, text, ++version);
    diagnostics += checkDocumentQuick(ws, uri, [{ start: offset, oldEnd: offset + 1, newEnd: offset + 1 }]).length;
    if (withFullCheck) checkAll(ws);
  }
  return { machines: ws.homelabs()[0]?.machines.size ?? 0, filesWithFindings: first.size, edits, diagnostics };
}

async function options(tree: string, cacheDir: string): Promise<Record<string, number>> {
  rmSync(cacheDir, { recursive: true, force: true });
  const r = await new OptionIndexStore({ cacheDir }).get({ root: tree });
  return { options: r.index.size };
}

async function main(): Promise<void> {
  const [what, ...args] = process.argv.slice(2);
  let done: Record<string, number> = {};
  if (what === 'edit') done = edit(args[0], args[1], args[2], Number(args[3]), args[4] === 'full');
  else if (what === 'options') done = await options(args[0], args[1]);
  else if (what !== 'noop') throw new Error(`unknown workload ${what}`);
  process.stdout.write(`${JSON.stringify({ workload: what, ...done })}\n`);
}

void main();
