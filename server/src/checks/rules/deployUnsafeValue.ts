// deploy-unsafe-value: an inventory value that reaches a deploy command (names,
// user, dotfilesDir, command template, branch, ssh options) and could change
// the command's meaning: a leading `-` (read as an option), shell characters
// (`;`, `|`, `&`, `$(`, backquotes, redirections), spaces or line breaks, or ssh
// options that run local commands.
import type { DeploySpec, Str } from '../../model/inventory';
import type { Origin } from '../../syntax/value';
import type { Finding, Rule } from '../types';
import { at } from '../util';

const SHELL = /[;|&<>`$\\'"\n\r\0]/;
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const USER = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;
const DIR = /^\/[A-Za-z0-9._@%+=:,/-]*$/;
const BRANCH = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
/** ssh options that make ssh run a local command or a different remote command. */
const DANGEROUS_SSH = /^(ProxyCommand|LocalCommand|PermitLocalCommand|RemoteCommand|KnownHostsCommand|Match)$/i;

function why(value: string): string {
  if (value.startsWith('-')) return 'it starts with `-` and would be read as an option';
  if (/[\n\r]/.test(value)) return 'it contains a line break';
  const m = SHELL.exec(value);
  if (m) return `it contains the shell character \`${m[0] === '`' ? 'backquote' : m[0]}\``;
  if (/\s/.test(value)) return 'it contains a space';
  return 'it contains characters a command line must not carry';
}

export function unsafeFindings(deploys: { spec: DeploySpec; owner: string }[], names: { name: string; origin: Origin; what: string }[]): Finding[] {
  const out: Finding[] = [];
  const bad = (s: Str | undefined, ok: RegExp, field: string, owner: string): void => {
    if (s && !ok.test(s.value)) out.push(at('deploy-unsafe-value', s.origin, `unsafe ${field} for ${owner}: \`${s.value.replace(/\n/g, '\\n')}\` — ${why(s.value)}`));
  };
  for (const n of names) if (!NAME.test(n.name)) out.push(at('deploy-unsafe-value', n.origin, `unsafe ${n.what} name \`${n.name}\`: ${why(n.name)}; it is passed to deploy commands`));
  for (const { spec, owner } of deploys) {
    bad(spec.user, USER, 'deploy user', owner);
    bad(spec.dotfilesDir, DIR, 'dotfilesDir', owner);
    bad(spec.branch, BRANCH, 'branch', owner);
    if (spec.command) {
      const c = spec.command.value;
      const m = /[;|&<>`\n\r]|\$\(|\$\{|\$[A-Za-z_]/.exec(c);
      if (m) out.push(at('deploy-unsafe-value', spec.command.origin, `unsafe command for ${owner}: \`${m[0].replace(/\n/, '\\n')}\` is shell syntax, but the command runs without a shell; put a pipeline in a script`));
      for (const ph of c.matchAll(/\{([^}]*)\}/g))
        if (!['dir', 'profile', 'ip', 'user', 'host'].includes(ph[1]))
          out.push(at('deploy-unsafe-value', spec.command.origin, `unknown placeholder \`{${ph[1]}}\` in the command of ${owner} (use {dir}, {profile}, {ip}, {user}, {host})`));
    }
    for (let i = 0; i < spec.sshOptions.length; i++) {
      const o = spec.sshOptions[i];
      const opt = o.value.startsWith('-o') ? o.value.slice(2).trim() : spec.sshOptions[i - 1]?.value === '-o' ? o.value : undefined;
      const key = opt?.split(/[=\s]/)[0];
      if (key && DANGEROUS_SSH.test(key)) out.push(at('deploy-unsafe-value', o.origin, `the ssh option \`${key}\` runs a command; it is not allowed in deploy options`));
      else if (/[\n\r\0]/.test(o.value)) out.push(at('deploy-unsafe-value', o.origin, 'an ssh option with a line break'));
    }
  }
  return out;
}

export const deployUnsafeValue: Rule = {
  id: 'deploy-unsafe-value',
  defaultSeverity: 'error',
  description: 'An inventory value used in deploy commands that could be read as an option or as shell syntax.',
  scope: 'document',
  checkFile(ctx, uri) {
    const inv = ctx.homelab.inventory;
    if (!inv || uri !== inv.uri) return [];
    const deploys: { spec: DeploySpec; owner: string }[] = [];
    if (inv.deploy) deploys.push({ spec: inv.deploy, owner: 'all containers' });
    for (const c of inv.containers.values()) if (c.deploy) deploys.push({ spec: c.deploy, owner: c.name });
    const names = [
      ...[...inv.containers.values()].map((c) => ({ name: c.name, origin: c.keyOrigin, what: 'container' })),
      ...[...inv.hosts.values()].map((c) => ({ name: c.name, origin: c.keyOrigin, what: 'host' })),
    ];
    return unsafeFindings(deploys, names);
  },
};
