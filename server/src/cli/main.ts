// homelab-check: runs the model and every rule on a homelab folder, for CI.
//   homelab-check [folder] [--format text|json|sarif]
//   homelab-check machines [folder] [--format text|json] [--nix]
//   homelab-check plan [folder] [--since REV] [--format text|json]   (cli/plan.ts)
// Exit code 1 when any error is found, 0 otherwise, 2 on a usage error or nothing to check.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkAll } from '../checks/run';
import { nodeFsHost } from '../model/host';
import { pathToUri, uriToPath } from '../model/uri';
import { Workspace } from '../model/workspace';
import { LineIndex } from '../syntax/lineIndex';
import { formatJson, formatSarif, formatText, locate } from './formats';
import { openFolder } from './folder';
import { baseProfileRows, deployListNotes, imageRows, formatMachinesText, formatStoppedText, machineRows, nixEvalLines, stoppedRows } from './machines';
import { evaluateMachineNames } from '../nixEval/evaluate';
import { treeKey } from '../nixEval/treeKey';
import { planMain } from './plan';
import { loadCliOptions } from './options';
import type { Diagnostic } from '../checks/types';

const VERSION = '0.1.0';
const USAGE = `usage: homelab-check [folder] [--format text|json|sarif] [--nix]
       homelab-check machines [folder] [--format text|json] [--nix]
       homelab-check plan [folder] [--since REV] [--machine NAME]... [--format text|json]

Checks the homelab in <folder> (default: the current directory): the inventory
(homelab.yaml), the Nix profiles, the machines of flake.nix (nixosConfigurations,
colmena, deploy-rs) and hive.nix, and every .nix file, with every rule of
docs/rules.md. Settings under "homelab.*" in <folder>/.vscode/settings.json
are honoured. Files locked with git-crypt are named once each (info).

Options are judged against the nixpkgs and Home Manager of flake.lock (when
in the Nix store) or NIX_PATH, the folder's own modules, and the trees of
"homelab.options.sources"; when none but the folder's own is found, one line
on stderr says so.

  machines         list every machine found: name, addresses, deploy method
                   and target, where it was found (file:line), then where
                   reading stopped (file:line, why, what to do); with
                   --format json: {machines: [...], stopped: [...]}
  plan             what a deploy changes on each machine since a git revision
                   (homelab-check plan --help)
  --nix            also list the machine names the real \`nix eval\` gives for
                   flake.nix (nixosConfigurations, colmena, deploy.nodes):
                   offline, nothing fetched or built, bounded to 60 s and
                   1.5 GiB; names the static reading missed are marked
                   "from nix eval", disagreements are info lines
  --format text    path:line:col severity rule-id message (default)
  --format json    an array of {file, range, severity, rule, message}
  --format sarif   SARIF 2.1.0, for code-scanning tools
  -h, --help       this help

Exit code: 1 if any error was found, 0 otherwise, 2 on a usage error or when
the folder has nothing to check (no inventory, no machine, no .nix file).`;

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<number> {
  if (argv[0] === 'plan') return planMain(argv.slice(1), out, err);
  let format = 'text';
  let folder: string | undefined;
  let withNix = false;
  const listMachines = argv[0] === 'machines';
  for (let i = listMachines ? 1 : 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--format' || arg === '-f') {
      const v = argv[++i];
      if (v === undefined) return usage(err, 'missing value after --format');
      format = v;
    } else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '--nix') withNix = true;
    else if (arg === '--help' || arg === '-h') {
      out(USAGE);
      return 0;
    } else if (arg === '--version') {
      out(VERSION);
      return 0;
    } else if (arg.startsWith('-') && arg !== '-') return usage(err, `unknown option ${arg}`);
    else if (folder !== undefined) return usage(err, `unexpected argument ${arg}`);
    else folder = arg;
  }
  if (!(listMachines ? ['text', 'json'] : ['text', 'json', 'sarif']).includes(format)) return usage(err, `unknown format ${format}`);
  const opened = openFolder(folder);
  if ('problem' in opened) return usage(err, opened.problem);
  const root = opened.root;

  const rootUri = pathToUri(root);
  const ws = new Workspace(nodeFsHost());
  ws.addFolder(rootUri, opened.settings);
  let homelabs = ws.homelabs();
  if (withNix && fs.existsSync(path.join(root, 'flake.nix'))) {
    // In CI the evaluation is awaited: the listing then includes what Nix found.
    const tree = await treeKey(root, (homelabs[0]?.nixFiles ?? []).map(uriToPath));
    ws.setNixEval(rootUri, await evaluateMachineNames({ flakeDir: root, outputs: tree.outputs }));
    homelabs = ws.homelabs();
  }
  const rel = (uri: string): string => path.relative(root, uriToPath(uri)).split(path.sep).join('/');
  const h = homelabs[0];
  if (!h || (h.machines.size === 0 && h.nixFiles.length === 0 && !h.inventoryUri)) {
    // A CI job pointed at the wrong folder must not pass silently.
    err(`homelab-check: nothing to check in ${folder ?? '.'}: no homelab.yaml, no machine and no .nix file`);
    return 2;
  }

  if (listMachines) {
    const rows = machineRows(h, (u) => ws.text(u), rel);
    const stopped = stoppedRows(h, (u) => ws.text(u), rel);
    const notes = nixEvalLines(h, (u) => ws.text(u), rel);
    const bases = [...baseProfileRows(h, rel), ...imageRows(h, (u) => ws.text(u), rel)];
    if (format === 'json') {
      out(JSON.stringify({ machines: [...rows, ...bases], stopped }, null, 2));
      for (const line of notes) err(line);
    } else {
      for (const line of formatMachinesText([...rows, ...bases])) out(line);
      for (const line of formatStoppedText(stopped)) out(line);
      for (const note of deployListNotes(h, rel, (u) => ws.text(u))) out(note);
      for (const line of notes) out(line);
      const darwin = rows.filter((r) => r.os === 'darwin').length;
      const baseCount = bases.filter((b) => b.base).length;
      const images = bases.filter((b) => b.image).length;
      const extra = [
        darwin ? `${darwin} macOS` : '',
        baseCount ? `${baseCount} base profile${baseCount === 1 ? '' : 's'}` : '',
        images ? `${images} image${images === 1 ? '' : 's'}` : '',
      ].filter(Boolean);
      out(`homelab-check: ${rows.length} machine${rows.length === 1 ? '' : 's'}${extra.length ? ` (${extra.join(', ')})` : ''}`);
    }
    return 0;
  }

  // Options are judged against the trees the editor would load, said once on stderr when none is found.
  await loadCliOptions(ws, h, root, opened.optionSources, err);
  const diags = checkAll(ws);
  addLockedFiles(ws, h.nixFiles, diags);
  const display = (uri: string): string => path.relative(process.cwd(), uriToPath(uri)) || '.';
  const items = locate(diags, (u) => ws.text(u), rel, display);
  const errors = items.filter((i) => i.d.severity === 'error').length;

  if (format === 'json') out(formatJson(items));
  else if (format === 'sarif')
    out(formatSarif(items, rootUri, VERSION, rel, (u, span) => new LineIndex(ws.text(u) ?? '').rangeOf(span)));
  else {
    for (const line of formatText(items)) out(line);
    const count = (s: string): number => items.filter((i) => i.d.severity === s).length;
    const summary = `${errors} error${errors === 1 ? '' : 's'}, ${count('warning')} warning${count('warning') === 1 ? '' : 's'}, ${count('info')} info, ${count('hint')} hint${count('hint') === 1 ? '' : 's'}`;
    const nixos = [...h.nixosMachines.values()].filter((m) => !m.image).length;
    const machines = nixos ? `, ${nixos === h.machines.size ? 'all' : nixos} NixOS` : '';
    out(`homelab-check: ${summary} (${h.machines.size} machine${h.machines.size === 1 ? '' : 's'}${machines}, ${h.profiles.size} profiles, ${h.nixFiles.length} Nix files${h.inventoryUri ? ', inventory ' + rel(h.inventoryUri) : ', no inventory'})`);
  }
  return errors > 0 ? 1 : 0;
}

/** Each file locked with git-crypt or encrypted with sops, once (info): a green run says what it could not read. */
function addLockedFiles(ws: Workspace, nixFiles: string[], diags: Map<string, Diagnostic[]>): void {
  for (const uri of nixFiles) {
    const kind = ws.nixAnalysis(uri)?.unparseable;
    if (kind !== 'git-crypt' && kind !== 'sops') continue;
    const list = diags.get(uri) ?? [];
    if (list.some((d) => d.rule === 'encrypted-file')) continue;
    list.push({
      uri,
      span: { start: 0, end: 0 },
      severity: 'info',
      rule: 'encrypted-file',
      message:
        kind === 'git-crypt'
          ? 'locked with git-crypt: not checked, and values imported from it are unknown (run `git-crypt unlock` to check it)'
          : 'encrypted with sops: not checked, and values imported from it are unknown (decrypt it with `sops -d` to check it)',
    });
    diags.set(uri, list);
  }
}

function usage(err: (s: string) => void, problem: string): number {
  err(`homelab-check: ${problem}\n\n${USAGE}`);
  return 2;
}

if (require.main === module) {
  main(
    process.argv.slice(2),
    (s) => process.stdout.write(s + '\n'),
    (s) => process.stderr.write(s + '\n'),
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`homelab-check: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
