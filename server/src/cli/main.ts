// homelab-check: runs the model and every rule on a homelab folder, for CI.
//   homelab-check [folder] [--format text|json|sarif]
// Exit code 1 when any error is found, 0 otherwise, 2 on a usage error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkAll } from '../checks/run';
import { nodeFsHost } from '../model/host';
import { pathToUri, uriToPath } from '../model/uri';
import { Workspace } from '../model/workspace';
import { LineIndex } from '../syntax/lineIndex';
import { formatJson, formatSarif, formatText, locate } from './formats';
import { settingsFromVscode } from './vscodeSettings';

const VERSION = '0.1.0';
const USAGE = `usage: homelab-check [folder] [--format text|json|sarif]

Checks the homelab in <folder> (default: the current directory): the inventory
(homelab.yaml) and the Nix profiles, with every rule of docs/rules.md. Settings
under "homelab.*" in <folder>/.vscode/settings.json are honoured.

  --format text    path:line:col severity rule-id message (default)
  --format json    an array of {file, range, severity, rule, message}
  --format sarif   SARIF 2.1.0, for code-scanning tools
  -h, --help       this help

Exit code: 1 if any error was found, 0 otherwise, 2 on a usage error.`;

export async function main(argv: string[], out: (s: string) => void): Promise<number> {
  let format = 'text';
  let folder: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--format' || arg === '-f') {
      const v = argv[++i];
      if (v === undefined) return usage(out, 'missing value after --format');
      format = v;
    } else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '--help' || arg === '-h') {
      out(USAGE);
      return 0;
    } else if (arg === '--version') {
      out(VERSION);
      return 0;
    } else if (arg.startsWith('-') && arg !== '-') return usage(out, `unknown option ${arg}`);
    else if (folder !== undefined) return usage(out, `unexpected argument ${arg}`);
    else folder = arg;
  }
  if (!['text', 'json', 'sarif'].includes(format)) return usage(out, `unknown format ${format}`);
  const root = path.resolve(folder ?? '.');
  let isDir = false;
  try {
    isDir = fs.statSync(root).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) return usage(out, `${folder ?? root} is not a folder`);

  const rootUri = pathToUri(root);
  const ws = new Workspace(nodeFsHost());
  let vscode: string | undefined;
  try {
    vscode = fs.readFileSync(path.join(root, '.vscode', 'settings.json'), 'utf8');
  } catch {
    vscode = undefined;
  }
  ws.addFolder(rootUri, settingsFromVscode(vscode));
  const homelabs = ws.homelabs();
  const diags = checkAll(ws);
  const rel = (uri: string): string => path.relative(root, uriToPath(uri)).split(path.sep).join('/');
  const display = (uri: string): string => path.relative(process.cwd(), uriToPath(uri)) || '.';
  const items = locate(diags, (u) => ws.text(u), rel, display);
  const errors = items.filter((i) => i.d.severity === 'error').length;

  if (format === 'json') out(formatJson(items));
  else if (format === 'sarif')
    out(formatSarif(items, rootUri, VERSION, rel, (u, span) => new LineIndex(ws.text(u) ?? '').rangeOf(span)));
  else {
    for (const line of formatText(items)) out(line);
    if (homelabs.length === 0) out(`homelab-check: no homelab found in ${folder ?? '.'} (no homelab.yaml and no profiles)`);
    else {
      const count = (s: string): number => items.filter((i) => i.d.severity === s).length;
      const h = homelabs[0];
      const summary = `${errors} error${errors === 1 ? '' : 's'}, ${count('warning')} warning${count('warning') === 1 ? '' : 's'}, ${count('info')} info, ${count('hint')} hint${count('hint') === 1 ? '' : 's'}`;
      out(`homelab-check: ${summary} (${h.containers.size} containers, ${h.profiles.size} profiles${h.inventoryUri ? ', inventory ' + rel(h.inventoryUri) : ', no inventory'})`);
    }
  }
  return errors > 0 ? 1 : 0;
}

function usage(out: (s: string) => void, problem: string): number {
  out(`homelab-check: ${problem}\n\n${USAGE}`);
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2), (s) => process.stdout.write(s + '\n')).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`homelab-check: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
