// homelab-check: finds the homelab in a folder and reports on it, for CI.
// (Foundation version: reports the inventory and profiles it found; the checks
// replace this report once they exist.)
import * as fs from 'node:fs';
import * as path from 'node:path';

export async function main(argv: string[], out: (s: string) => void): Promise<number> {
  let format = 'text';
  let folder: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--format') format = argv[++i] ?? '';
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '--help' || arg === '-h') {
      out('usage: homelab-check [folder] [--format text|json]');
      return 0;
    } else if (arg.startsWith('-') || folder !== undefined) {
      out(`homelab-check: unexpected argument ${arg}\nusage: homelab-check [folder] [--format text|json]`);
      return 2;
    } else folder = arg;
  }
  if (format !== 'text' && format !== 'json') {
    out(`homelab-check: unknown format ${format}\nusage: homelab-check [folder] [--format text|json]`);
    return 2;
  }
  const root = path.resolve(folder ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    out(`homelab-check: ${root} is not a folder`);
    return 2;
  }
  const inventory = ['homelab.yaml', 'homelab.yml'].find((n) => fs.existsSync(path.join(root, n)));
  const profilesDir = path.join(root, 'profiles');
  const profiles = fs.existsSync(profilesDir)
    ? fs.readdirSync(profilesDir).filter((n) => n.endsWith('-config.nix')).sort().map((n) => `profiles/${n}`)
    : [];
  if (format === 'json') out(JSON.stringify({ inventory: inventory ?? null, profiles }, null, 2));
  else out(`inventory: ${inventory ?? '(none)'}\nprofiles: ${profiles.length ? profiles.join(', ') : '(none)'}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2), (s) => process.stdout.write(s + '\n')).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`homelab-check: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(2);
    },
  );
}
