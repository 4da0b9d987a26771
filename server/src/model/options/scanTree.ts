// The static scan of a module tree: lists its `.nix` files (following nothing
// but the tree), evaluates each one that may declare options with our own
// evaluator (a module function called with unknown arguments, only its
// `options` and `imports` converted, never its `config`), and reads them with
// scanModule. Files that another scanned file `import`s, or uses as a
// submodule, are helpers (`vhost-options.nix`), not modules of the tree: their
// options are not top-level options and are left out when assembling.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NixEvaluator, type EvalHost } from '../../syntax/nix';
import { knownListParts, type Value } from '../../syntax/value';
import type { OptionDecl, OptionIndexData, Rename } from './types';
import { scanOptions, scanRenames, type ModuleScanContext } from './scanModule';
import { wordingFromTypesNix, type TypeWording } from './typeWording';
import { STYLIX_CONFIG_KEY, STYLIX_NAME_KEY, STYLIX_TARGET_KEY, STYLIX_TARGET_TEXT, STYLIX_TARGET_URI, stylixDirectoryName, stylixTargetArguments, stylixTargetOptions, takesMkTarget } from './stylixTarget';

/** What the scan of one file gives (plain data: it crosses worker boundaries). */
export interface FileScan {
  uri: string;
  options: OptionDecl[];
  renames: Rename[];
  /** Other files its evaluation imported or used as submodules (helpers, not modules). */
  reached: string[];
  /** For nixpkgs' `module-list.nix`: the modules it lists, which stay modules even when also used as a submodule's import. */
  listed?: string[];
}

/**
 * Directories never walked into: build outputs, and test harnesses (stylix's
 * `testbed/` declares options of its own test runs, not of the tree's modules).
 */
const SKIP_DIRS = new Set(['node_modules', 'result', 'tests', 'testbed', 'testbeds']);

/** The `.nix` files below `root` (a directory or one file), absolute, sorted; symlinks and dot-directories are not followed. */
export function listNixFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 40) return;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      let st;
      try {
        st = lstatSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!name.startsWith('.') && !SKIP_DIRS.has(name)) walk(full, depth + 1);
      } else if (st.isFile() && name.endsWith('.nix')) out.push(full);
    }
  };
  try {
    if (lstatSync(root).isFile()) return root.endsWith('.nix') ? [root] : [];
  } catch {
    return [];
  }
  walk(root, 0);
  return out.sort();
}

/** Reads files from disk by file:// URI, each once. */
export class FileTextHost implements EvalHost {
  private readonly texts = new Map<string, string | undefined>();
  readText(uri: string): string | undefined {
    if (this.texts.has(uri)) return this.texts.get(uri);
    let text: string | undefined;
    try {
      text = uri.startsWith('file:') ? readFileSync(fileURLToPath(uri), 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    this.texts.set(uri, text);
    return text;
  }
  listDir(uri: string): Map<string, 'directory' | 'regular'> | undefined {
    try {
      const dir = fileURLToPath(uri);
      return new Map(readdirSync(dir, { withFileTypes: true }).map((d) => [d.name, d.isDirectory() ? 'directory' : 'regular'] as const));
    } catch {
      return undefined;
    }
  }
}

/**
 * A file that may declare options or renames (the others are not evaluated);
 * one whose `imports` apply a module factory (`(mkBrowserModule { … })`)
 * declares its options without naming them, and so does a stylix target
 * (`mkTarget { config = … }`).
 */
export function mayDeclare(text: string): boolean {
  return /\boptions\b|OptionModule|\bmkTarget\b|\bimports\s*=[^;]*\(\s*[\w.]+\s+[{\[]/.test(text);
}

/**
 * The module arguments known for a file of a NixOS tree: `utils`, which NixOS
 * passes every module as `import ../../lib/utils.nix { … }` (its
 * `systemdUtils.types.services` & co. are the types of systemd.services,
 * systemd.timers…), read from the tree's `nixos/lib` next to `nixos/modules`.
 */
export function knownModuleArgs(host: EvalHost, uri: string): Record<string, string> | undefined {
  const m = /^(.*\/nixos\/)modules\//.exec(uri);
  if (!m) return undefined;
  const utils = `${m[1]}lib/utils.nix`;
  return host.readText(utils) !== undefined ? { utils } : undefined;
}

/** Scans one file with a shared evaluator; undefined when it declares nothing. */
export function scanFile(ev: NixEvaluator, host: EvalHost, uri: string, wording?: TypeWording): FileScan | undefined {
  const text = host.readText(uri);
  if (text === undefined) return undefined;
  if (uri.endsWith('/module-list.nix')) return moduleList(ev, uri);
  if (!mayDeclare(text)) return undefined;
  const reached = new Set<string>();
  const moduleArgFiles = { ...(/\butils\b/.test(text) ? knownModuleArgs(host, uri) : {}), ...(takesMkTarget(text) ? { mkTarget: STYLIX_TARGET_URI } : {}) };
  const v = ev.evaluateFile(uri, { only: ['options', 'imports'], applyNestedFunctions: true, ...(Object.keys(moduleArgFiles).length ? { moduleArgFiles } : {}) });
  if (v.kind !== 'attrs') return undefined;
  const ctx: ModuleScanContext = {
    ...(wording ? { wording } : {}),
    textOf: (u: string) => host.readText(u),
    loadModule: (u: string): Value | undefined => {
      reached.add(u);
      return ev.evaluateFile(u, { only: ['options', 'imports'], applyNestedFunctions: true });
    },
  };
  const options: OptionDecl[] = [];
  const renames: Rename[] = [];
  const listed: string[] = [];
  readModule(v, ctx, options, renames, 0, uri, listed);
  for (const r of ev.filesReachedFrom(uri)) if (r !== uri) reached.add(r);
  if (options.length === 0 && renames.length === 0 && reached.size === 0 && listed.length === 0) return undefined;
  return { uri, options, renames, reached: [...reached], ...(listed.length ? { listed } : {}) };
}

/** Modules inside modules' `imports` followed (a factory's module may import another). */
const MAX_IMPORT_DEPTH = 4;

/**
 * One module value's options and renames, and those of the modules written
 * or made in its `imports` (`imports = [ (mkBrowserModule { … }) { options… } ]`:
 * a module made by a factory the file applies is the file's own, not a helper).
 * Paths in `imports` are files of the tree, scanned on their own.
 */
function readModule(v: Value, ctx: ModuleScanContext, options: OptionDecl[], renames: Rename[], depth: number, uri: string, listed: string[]): void {
  if (v.kind !== 'attrs') return;
  const optionsValue = v.entries.get('options')?.value;
  const importsValue = v.entries.get('imports')?.value;
  if (optionsValue?.kind === 'attrs' && optionsValue.entries.has(STYLIX_TARGET_KEY)) readStylixTarget(optionsValue, ctx, options, renames, uri);
  else if (optionsValue) {
    const scanned = scanOptions(optionsValue, ctx);
    options.push(...scanned.options);
    renames.push(...scanned.renames);
  }
  if (!importsValue) return;
  renames.push(...scanRenames(importsValue, [], ctx.textOf));
  if (depth >= MAX_IMPORT_DEPTH) return;
  for (const item of knownListParts(importsValue)?.items ?? []) {
    if (item.kind === 'attrs') {
      readModule(item, ctx, options, renames, depth + 1, uri, listed);
      // A module made from a file of the tree (`{ _file = f; options = (import f args).options; }`, stylix's
      // overlays) names that file: it is a module of the tree too, scanned on its own, not a helper.
      const made = item.entries.get('_file')?.value;
      if (made?.kind === 'path' && made.value.endsWith('.nix')) listed.push(made.value);
    }
    // A file in `imports` is a module of the tree, even where another file also uses it as a submodule.
    else if (item.kind === 'path') listed.push(item.value.endsWith('.nix') ? item.value : `${item.value}/default.nix`);
  }
}

/**
 * A stylix target made by the stand-in `mkTarget`: its own options (a set, or
 * a list of them) below `stylix.targets.<target>`, and those mkTarget adds for
 * the arguments of its settings functions (read from the file that calls it).
 * Named by the `name` it is given, else by the directory of the file scanned.
 */
function readStylixTarget(marked: Extract<Value, { kind: 'attrs' }>, ctx: ModuleScanContext, options: OptionDecl[], renames: Rename[], uri: string): void {
  const given = marked.entries.get(STYLIX_TARGET_KEY)?.value;
  const nameValue = marked.entries.get(STYLIX_NAME_KEY)?.value;
  const name = nameValue?.kind === 'string' ? nameValue.value : stylixDirectoryName(uri);
  if (name === undefined) return;
  const own = { options: [] as OptionDecl[], renames: [] as Rename[] };
  for (const part of given?.kind === 'list' ? given.items : given ? [given] : []) {
    const s = scanOptions(part, ctx);
    own.options.push(...s.options);
    own.renames.push(...s.renames);
  }
  // The call's own file: where its options, its settings or its name are written, else the file scanned.
  const configValue = marked.entries.get(STYLIX_CONFIG_KEY)?.value;
  const at = [given, configValue, nameValue].find((v) => v !== undefined && v.kind !== 'null' && v.origin.uri !== STYLIX_TARGET_URI)?.origin.uri ?? uri;
  const t = stylixTargetOptions(at, name, stylixTargetArguments(ctx.textOf(at) ?? '', at, ctx.textOf), own);
  options.push(...t.options);
  renames.push(...t.renames);
}

/**
 * nixpkgs' `nixos/modules/module-list.nix`: the modules of the tree. One of
 * them may also be imported by a submodule (`misc/assertions.nix` by the
 * prometheus exporters' submodule) and is a module all the same.
 */
function moduleList(ev: NixEvaluator, uri: string): FileScan | undefined {
  const v = ev.evaluateFile(uri);
  if (v.kind !== 'list') return undefined;
  const listed = v.items.flatMap((i) => (i.kind === 'path' ? [i.value.endsWith('.nix') ? i.value : `${i.value}/default.nix`] : []));
  return listed.length ? { uri, options: [], renames: [], reached: [], listed } : undefined;
}

/**
 * Characters of source whose values one evaluator may hold before the scan
 * goes on with a new one. An evaluator keeps every file it evaluated (some
 * forty times its text in heap): shared across a whole nixpkgs tree it would
 * hold the tree, hundreds of MB, for files that are read once. A new one
 * evaluates the few shared files (`utils`, submodule files) again.
 */
export const EVALUATOR_BUDGET = 1_000_000;

/** Scans files (file:// URIs) in this thread, reporting progress every few files. */
export function scanFiles(uris: string[], onProgress?: (done: number, total: number) => void, fileHost: EvalHost = new FileTextHost(), budget = EVALUATOR_BUDGET, wording?: TypeWording): FileScan[] {
  const host = withStandIns(fileHost);
  let ev = new NixEvaluator(host);
  let held = new Set<string>();
  let heldChars = 0;
  const out: FileScan[] = [];
  let last = 0;
  for (let i = 0; i < uris.length; i++) {
    let s: FileScan | undefined;
    try {
      s = scanFile(ev, host, uris[i], wording);
    } catch {
      // The evaluator does not throw; a file that still breaks the scan (a stack overflow…) declares nothing.
      s = undefined;
    }
    if (s) out.push(s);
    for (const u of [...ev.filesReachedFrom(uris[i]), ...(s?.reached ?? [])]) {
      if (held.has(u)) continue;
      held.add(u);
      heldChars += host.readText(u)?.length ?? 0;
    }
    if (heldChars > budget) {
      ev = new NixEvaluator(host);
      held = new Set();
      heldChars = 0;
    }
    const now = Date.now();
    if (onProgress && (now - last > 100 || i === uris.length - 1)) {
      last = now;
      onProgress(i + 1, uris.length);
    }
  }
  return out;
}

/** Joins the scans of a tree's files into one index: helpers' options left out, a path declared twice kept once. */
export function assemble(scans: FileScan[], files: number, ms: number): OptionIndexData {
  const helpers = new Set<string>();
  for (const s of scans) for (const r of s.reached) helpers.add(r);
  // Files a module imports are modules (a helper's own `imports` say nothing about the tree's root).
  const importers = scans.filter((s) => !helpers.has(s.uri));
  for (const s of importers) for (const l of s.listed ?? []) helpers.delete(l);
  const options: OptionDecl[] = [];
  const renames: Rename[] = [];
  const seen = new Set<string>();
  let declaring = 0;
  for (const s of [...scans].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))) {
    if (helpers.has(s.uri)) continue;
    if (s.options.length || s.renames.length) declaring++;
    for (const o of s.options) {
      const k = o.path.join('\u0000');
      if (seen.has(k)) continue;
      seen.add(k);
      options.push(o);
    }
    renames.push(...s.renames);
  }
  options.push(...renamedOptions(options, renames, seen));
  return { options, renames, stats: { files, declaring, ms } };
}

/**
 * A renamed or removed option is an option all the same: the module system
 * declares it (so that setting it warns or fails), typed as its target as
 * `mkRenamedOptionModule` types it (a target that is not an option: an empty
 * submodule); a removed, changed or merged one declared without a type (its
 * value is converted or refused). Hidden, except an alias.
 */
function renamedOptions(options: OptionDecl[], renames: Rename[], seen: Set<string>): OptionDecl[] {
  const byPath = new Map(options.map((o) => [o.path.join('\u0000'), o]));
  const out: OptionDecl[] = [];
  for (const r of renames) {
    const k = r.from.join('\u0000');
    if (seen.has(k) || r.from.length === 0) continue;
    seen.add(k);
    const converted = r.kind === 'mkChangedOptionModule' || r.kind === 'mkMergedOptionModule';
    const target = r.to ? byPath.get(r.to.join('\u0000')) : undefined;
    const type = converted || r.removed !== undefined ? 'unspecified value' : r.to ? (target?.type ?? 'submodule') : 'unknown';
    const description = r.to ? `Alias of \`${r.to.join('.')}\`.` : r.removed !== undefined ? (r.removed ? `Removed: ${r.removed}` : 'Removed.') : undefined;
    const alias = r.kind.startsWith('mkAliasOptionModule');
    out.push({ path: r.from, type, declaredAt: r.declaredAt, oldName: true, ...(alias ? {} : { visible: false }), ...(description ? { description } : {}) });
  }
  return out;
}

/** The phrases of a nixpkgs `lib/types.nix` (a file, or a directory holding `lib/`); undefined when there is none. */
export function wordingOf(libOrFile: string): TypeWording | undefined {
  for (const f of [libOrFile, path.join(libOrFile, 'types.nix'), path.join(libOrFile, 'lib', 'types.nix')]) {
    try {
      if (lstatSync(f).isFile()) return wordingFromTypesNix(readFileSync(f, 'utf8'));
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** The host with the scan's own stand-in files (stylix's `mkTarget`) served beside the tree's. */
function withStandIns(host: EvalHost): EvalHost {
  const out: EvalHost = { readText: (u: string) => (u === STYLIX_TARGET_URI ? STYLIX_TARGET_TEXT : host.readText(u)) };
  if (host.listDir) out.listDir = (u: string) => host.listDir?.(u);
  return out;
}
