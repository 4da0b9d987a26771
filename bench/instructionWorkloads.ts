// The workloads that bench/instructions.ts counts instructions of: each the
// in-process core of a bench figure, deterministic, no LSP, no timers, no
// worker threads. bench/instructions.ts bundles this file against the server
// sources of each worktree it compares (so it must only use entry points both
// commits have) and runs the bundle under valgrind's callgrind.
//
// Only the measured work is counted, not loading the bundle nor the setup:
// it runs inside a callback that V8 calls from a C++ function of its own,
// which callgrind is told to collect within (--toggle-collect): section A
// inside JSON.parse's reviver (v8::internal::JsonParseInternalizer::Internalize),
// section B inside JSON.stringify's replacer
// (v8::internal::JsonStringifier::ApplyReplacerFunction). Garbage collection
// and compilation that the work triggers are counted with it.
//
//   node bundle.js edit <folder> <profile> <key> <edits>
//       the edit-large figure: the fleet's first whole check and the profile
//       opened (not counted), then <edits> one-character edits of `<key> =`
//       alternating a typo and its repair: A = each keystroke (the document
//       changed, its quick check: what the diagnostics wait for), B = the
//       whole check the server runs a moment later
//   node bundle.js check <folder>                      — A = a folder's first
//       whole check (the model work of a cold start, discovery's progress end)
//   node bundle.js options <tree>                      — A = an option index
//       build as options-build / options-hm-build make it (scan on this
//       thread, assemble, the index and its cache text; listing the files
//       and hashing them not counted)
//   node bundle.js noop                                — nothing counted
// Prints one JSON line (what was done, so a run that did nothing shows).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { nodeFsHost } from '../server/src/model/host';
import { Workspace } from '../server/src/model/workspace';
import { checkAll, checkDocumentQuick } from '../server/src/checks/run';
import { identify } from '../server/src/model/options/treeIdentity';
import { assemble, scanFiles } from '../server/src/model/options/scanTree';
import { OptionIndex } from '../server/src/model/options/optionIndex';
import { toJson } from '../server/src/model/options/serialize';

/** Runs `work` where callgrind collects section A (see the header). */
function sectionA(work: () => void): void {
  JSON.parse('0', () => {
    work();
    return 0;
  });
}

/** Runs `work` where callgrind collects section B. */
function sectionB(work: () => void): void {
  JSON.stringify(0, () => {
    work();
    return 0;
  });
}

function edit(folder: string, profile: string, key: string, edits: number): Record<string, number> {
  const ws = new Workspace(nodeFsHost());
  ws.addFolder(pathToFileURL(folder).href);
  checkAll(ws);
  const uri = pathToFileURL(profile).href;
  let text = readFileSync(profile, 'utf8');
  const at = text.indexOf(`${key} =`);
  if (at < 0) throw new Error(`\`${key} =\` not found in ${profile}`);
  const offset = at + key.length - 1;
  let version = 1;
  ws.setDocument(uri, text, version);
  checkDocumentQuick(ws, uri, []);
  checkAll(ws);
  let diagnostics = 0;
  for (let i = 0; i < edits; i++) {
    const char = i % 2 === 0 ? 'Q' : key[key.length - 1];
    text = text.slice(0, offset) + char + text.slice(offset + 1);
    sectionA(() => {
      ws.setDocument(uri, text, ++version);
      diagnostics += checkDocumentQuick(ws, uri, [{ start: offset, oldEnd: offset + 1, newEnd: offset + 1 }]).length;
    });
    sectionB(() => checkAll(ws));
  }
  return { machines: ws.homelabs()[0]?.machines.size ?? 0, edits, diagnostics };
}

function check(folder: string): Record<string, number> {
  let machines = 0;
  let filesWithFindings = 0;
  sectionA(() => {
    const ws = new Workspace(nodeFsHost());
    ws.addFolder(pathToFileURL(folder).href);
    filesWithFindings = checkAll(ws).size;
    machines = ws.homelabs()[0]?.machines.size ?? 0;
  });
  return { machines, filesWithFindings };
}

function options(tree: string): Record<string, number> {
  const files = identify({ root: tree }).files();
  const uris = files.map((f) => pathToFileURL(f).href);
  let options = 0;
  let cacheChars = 0;
  sectionA(() => {
    const data = assemble(scanFiles(uris), files.length, 0);
    options = new OptionIndex(data).size;
    cacheChars = toJson(data).length;
  });
  return { files: files.length, options, cacheChars };
}

const [what, ...args] = process.argv.slice(2);
let done: Record<string, number> = {};
if (what === 'edit') done = edit(args[0], args[1], args[2], Number(args[3]));
else if (what === 'check') done = check(args[0]);
else if (what === 'options') done = options(args[0]);
else if (what !== 'noop') throw new Error(`unknown workload ${what}`);
process.stdout.write(`${JSON.stringify({ workload: what, ...done })}\n`);
