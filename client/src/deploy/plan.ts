// Turns containers and settings into a deploy plan: per container (or per
// colmena selection) the steps to run, each an argument vector. Nothing runs
// here; a dry run is this plan. Every value is validated first and any problem
// refuses the whole plan, naming the container and the field.
import * as path from 'node:path';
import { displayCommand, shellJoin, shellQuote } from './quote';
import { redact } from './redact';
import { checkSshOptions } from './sshOptions';
import { expandTemplate, placeholdersUsed, tokenizeTemplate, type Placeholder, type TemplateWord } from './template';
import {
  DEPLOY_METHODS,
  type DeployPlan, type DeployTarget, type DeployUnit, type FieldIssue, type PlanOptions, type PlanResult, type PlanStep,
} from './types';
import {
  checkAbsolutePath, checkBranch, checkExecutable, checkIdentifier, checkIp, checkParallel, checkUser, checkWord, show,
} from './validate';

export const DEFAULT_BRANCH = 'main';
export const DEFAULT_CONNECT_TIMEOUT = 10;
/** Pseudo container name for problems in the settings. */
export const SETTINGS = '(settings)';

interface Checked {
  target: DeployTarget;
  values: Record<Placeholder, string | undefined>;
  words?: string[];
  sshArgs: string[];
}

/** The ssh arguments every deploy gets, in ssh's first-wins order. */
export function sshBase(options: PlanOptions, inventoryArgs: string[], settingsArgs: string[], ownTimeout?: number): string[] {
  const timeout = ownTimeout ?? options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT;
  // BatchMode first: ssh keeps the first value it sees, so nothing can turn it off.
  return ['-o', 'BatchMode=yes', ...inventoryArgs, ...settingsArgs, '-o', `ConnectTimeout=${timeout}`];
}

/** Checks the settings (`homelab.deploy.*`) into `issues`; returns the settings' checked ssh arguments. */
export function checkSettings(options: PlanOptions, issues: FieldIssue[]): string[] {
  const add = (field: string, message: string): void => { issues.push({ machine: SETTINGS, field, message }); };
  if (typeof options.workspaceFolder !== 'string' || !path.isAbsolute(options.workspaceFolder)) {
    add('workspaceFolder', `${show(options.workspaceFolder)} is not an absolute path`);
  }
  const exe = checkExecutable(options.sshCommand ?? 'ssh');
  if (exe) add('homelab.deploy.sshCommand', exe);
  const t = options.connectTimeout;
  if (t !== undefined && (!Number.isInteger(t) || t < 1 || t > 3600)) {
    add('homelab.deploy.connectTimeout', `${show(t)} is not a whole number of seconds from 1 to 3600`);
  }
  const p = checkParallel(options.parallel);
  if (p) add('parallel', p);
  const ssh = checkSshOptions(options.sshOptions);
  for (const i of ssh.issues) add(`homelab.deploy.sshOptions${i.index >= 0 ? `[${i.index}]` : ''}`, i.message);
  return ssh.args;
}

function checkTarget(target: DeployTarget, issues: FieldIssue[]): Checked | undefined {
  const name = typeof target?.name === 'string' ? target.name : String(target?.name);
  const before = issues.length;
  const add = (field: string, message: string): void => { issues.push({ machine: name, field, message }); };
  const opt = (field: string, value: unknown, check: (v: unknown) => string | undefined): void => {
    if (value === undefined) return;
    const bad = check(value);
    if (bad) add(field, bad);
  };
  const nameBad = checkIdentifier(target?.name);
  if (nameBad) add('name', nameBad);
  const d = target?.deploy;
  if (!d || typeof d !== 'object') { add('deploy', 'is missing'); return undefined; }
  if (!DEPLOY_METHODS.includes(d.method)) {
    add('deploy.method', `${show(d.method)} is not one of ${DEPLOY_METHODS.join(', ')}`);
    return undefined;
  }
  opt('profile', target.profileName, checkIdentifier);
  opt('host', target.host, checkIdentifier);
  opt('ip', target.ip, checkIp);
  opt('deploy.user', d.user, checkUser);
  opt('deploy.dotfilesDir', d.dotfilesDir, checkAbsolutePath);
  opt('deploy.branch', d.branch, checkBranch);
  opt('deploy.parallel', d.parallel, checkParallel);
  const ssh = checkSshOptions(d.sshOptions);
  for (const i of ssh.issues) add(`deploy.sshOptions${i.index >= 0 ? `[${i.index}]` : ''}`, i.message);

  const needs = new Set<string>();
  let words: TemplateWord[] | undefined;
  if (d.method === 'ssh-script' || d.method === 'command') {
    if (typeof d.command !== 'string' || d.command.trim() === '') add('deploy.command', 'is missing (the command template to run)');
    else {
      const t = tokenizeTemplate(d.command);
      if (!t.ok) add('deploy.command', t.message);
      else {
        words = t.words;
        const first = t.words[0].parts[0];
        if (first && 'text' in first && first.text.startsWith('-')) add('deploy.command', `the program ${show(first.text)} starts with '-'`);
        for (const p of placeholdersUsed(t.words)) needs.add(p);
      }
    }
  }
  if (d.method === 'ssh-script') { needs.add('ip'); needs.add('user'); needs.add('dir'); }
  if (d.method === 'nixos-rebuild') { needs.add('ip'); needs.add('user'); }
  const missing: Record<string, [string, unknown]> = {
    ip: ['ip', target.ip], user: ['deploy.user', d.user], dir: ['deploy.dotfilesDir', d.dotfilesDir], host: ['host', target.host],
  };
  for (const n of needs) {
    const m = missing[n];
    if (m && (m[1] === undefined || m[1] === '')) add(m[0], `is missing (needed by ${d.method}${n === 'host' ? ' for {host}' : ''})`);
  }
  if (issues.length > before) return undefined;

  const values: Record<Placeholder, string | undefined> = {
    dir: d.dotfilesDir, profile: target.profileName ?? target.name, ip: target.ip, user: d.user, host: target.host,
  };
  let expanded: string[] | undefined;
  if (words) {
    expanded = expandTemplate(words, values);
    expanded.forEach((w, i) => {
      const bad = checkWord(w);
      if (bad) add('deploy.command', `word ${i + 1}: ${bad}`);
      const lit = words![i].parts[0];
      if (w.startsWith('-') && !(lit && 'text' in lit && lit.text.startsWith('-'))) {
        add('deploy.command', `word ${i + 1} ${show(w)} would become an option through a placeholder`);
      }
    });
    if (issues.length > before) return undefined;
  }
  return { target, values, words: expanded, sshArgs: ssh.args };
}

function sshStep(
  id: string, title: string, c: Checked, base: string[], sshCommand: string, remote: string,
): PlanStep {
  const dest = `${c.values.user}@${c.values.ip}`;
  // -tt: the remote command gets a terminal, so closing ssh (cancel) hangs it
  // up and the remote process ends; `--` keeps the destination from being an option.
  return { id, title, argv: [sshCommand, ...base, '-tt', '--', dest, remote], remoteCommand: remote };
}

function unitFor(c: Checked, options: PlanOptions, settingsSsh: string[]): DeployUnit {
  const t = c.target;
  const d = t.deploy;
  const cwd = options.workspaceFolder;
  const profile = c.values.profile as string;
  const ssh = options.sshCommand ?? 'ssh';
  const own = d.connectTimeout;
  const base = sshBase(options, c.sshArgs, settingsSsh, Number.isInteger(own) && (own as number) >= 1 && (own as number) <= 3600 ? own : undefined);
  const unit: DeployUnit = { id: t.name, machines: [t.name], method: d.method, steps: [] };
  if (t.ip) unit.address = d.user && (d.method === 'ssh-script' || d.method === 'nixos-rebuild') ? `${d.user}@${t.ip}` : t.ip;
  switch (d.method) {
    case 'ssh-script': {
      const dir = d.dotfilesDir as string;
      const branch = d.branch ?? DEFAULT_BRANCH;
      unit.steps.push(
        sshStep('fetch', 'Fetch the dotfiles', c, base, ssh, shellJoin(['git', '-C', dir, 'fetch', 'origin'])),
        sshStep('reset', `Reset to origin/${branch}`, c, base, ssh, shellJoin(['git', '-C', dir, 'reset', '--hard', `origin/${branch}`])),
        sshStep('run', 'Run the command', c, base, ssh, `cd ${shellQuote(dir)} && ${shellJoin(c.words as string[])}`),
      );
      break;
    }
    case 'nixos-rebuild':
      unit.steps.push({
        id: 'nixos-rebuild', title: 'nixos-rebuild switch', cwd,
        argv: ['nixos-rebuild', 'switch', '--flake', `.#${profile}`, '--target-host', `${d.user}@${t.ip}`, '--use-remote-sudo'],
        // nixos-rebuild passes these to its own ssh calls (split on spaces; no value holds one).
        env: { NIX_SSHOPTS: base.join(' ') },
      });
      break;
    case 'deploy-rs':
      unit.steps.push({
        id: 'deploy-rs', title: 'deploy-rs', cwd,
        argv: ['deploy', '--ssh-opts', base.join(' '), `.#${profile}`],
        env: { NIX_SSHOPTS: base.join(' ') },
      });
      break;
    case 'command':
      unit.steps.push({ id: 'command', title: 'Run the command', cwd, argv: c.words as string[] });
      break;
    case 'colmena':
      break; // grouped by planDeploy
  }
  return unit;
}

/** Validates everything and builds the plan; nothing is run. */
export function planDeploy(targets: readonly DeployTarget[], options: PlanOptions): PlanResult {
  const issues: FieldIssue[] = [];
  const settingsSsh = checkSettings(options, issues);
  const seen = new Set<string>();
  const checked: Checked[] = [];
  for (const t of targets) {
    const c = checkTarget(t, issues);
    if (c && seen.has(t.name)) issues.push({ machine: t.name, field: 'name', message: 'is selected twice' });
    else if (c) { seen.add(t.name); checked.push(c); }
  }
  if (targets.length === 0) issues.push({ machine: SETTINGS, field: 'containers', message: 'no container selected' });
  if (issues.length > 0) return { ok: false, issues };

  const units: DeployUnit[] = [];
  let colmena: DeployUnit | undefined;
  for (const c of checked) {
    if (c.target.deploy.method !== 'colmena') { units.push(unitFor(c, options, settingsSsh)); continue; }
    if (!colmena) {
      colmena = { id: 'colmena', machines: [], method: 'colmena', steps: [] };
      units.push(colmena);
    }
    colmena.machines.push(c.values.profile as string);
  }
  if (colmena) {
    // One colmena call for the whole selection; --on takes a comma-separated list.
    colmena.id = `colmena:${colmena.machines.join(',')}`;
    colmena.steps.push({
      id: 'colmena', title: 'colmena apply', cwd: options.workspaceFolder,
      argv: ['colmena', 'apply', '--on', colmena.machines.join(',')],
    });
    colmena.machines = checked.filter((c) => c.target.deploy.method === 'colmena').map((c) => c.target.name);
  }
  const parallel = options.parallel ?? Math.min(...checked.map((c) => c.target.deploy.parallel ?? 1));
  const plan: DeployPlan = { units, parallel };
  return { ok: true, plan };
}

/** One line per issue, for an error message: `LXC_x: deploy.user: "-F/x" starts with '-' …`. */
export function formatIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => `${i.machine}: ${i.field}: ${i.message}`).join('\n');
}

/**
 * The plan as text for a confirmation or a dry run: per unit its containers and
 * address, then each command line (secrets replaced by ***).
 */
export function formatPlan(plan: DeployPlan, secrets: readonly string[] = []): string[] {
  return plan.units.flatMap((u) => [
    `${u.machines.join(', ')}${u.address ? ` (${u.address})` : ''} — ${u.method}:`,
    ...u.steps.map((s) => `  ${redact(displayCommand(s.argv), secrets)}`),
  ]);
}
