// What to check on a machine after its deploy, derived from a plain
// description of it (address, ssh access as the deploy uses it, declared
// service ports and URLs, an optional Prometheus): the list of checks, each
// with its checked values. Nothing runs here (health.ts runs them). A value
// that cannot be checked safely becomes a `skipped` check saying why, never
// a command: the one remote command is ours (`systemctl is-system-running`),
// over the same ssh options, BatchMode and ConnectTimeout as the deploy.
import * as net from 'node:net';
import { checkAbsolutePath, checkWord, show } from './validate';
import { remoteAccess, remoteArgv } from './remote';
import { shellJoin } from './quote';
import { checkSshOptions } from './sshOptions';
import { sshPort } from '../probes/reachability';
import type { DeployTarget, PlanOptions } from './types';

export type HealthCheckKind = 'ssh' | 'tcp' | 'udp' | 'http' | 'systemd' | 'prometheus';
export type HealthStatus = 'ok' | 'warning' | 'failed' | 'skipped';

export interface HealthCheckResult {
  check: HealthCheckKind;
  /** What was checked, without credentials or query strings: `127.0.0.1:22`, `https://grafana.lan/`. */
  target: string;
  status: HealthStatus;
  /** One readable line; never a secret, never command output beyond a state word. */
  message: string;
  durationMs: number;
}

/** A service of the machine as the inventory declares it. */
export interface HealthService {
  name: string;
  port?: number;
  /** Default `tcp`. UDP ports are listed but not checked (no connection to test). */
  protocol?: 'tcp' | 'udp';
  url?: string;
  /** Verify the URL's TLS certificate; default true. */
  tlsVerify?: boolean;
  /** A CA certificate (PEM, absolute path) to trust for this URL. */
  caFile?: string;
}

/** A machine as health checks see it. `healthMachineFor` builds one from a deploy target. */
export interface HealthMachine {
  name: string;
  /** Its IP address (what the deploy connects to). */
  address?: string;
  /** ssh access as the deploy uses it: `deploy.user` and `deploy.sshOptions` (allow-listed). */
  user?: string;
  sshOptions?: string[];
  services?: HealthService[];
  /** Base URL of a Prometheus that scrapes the machine (`homelab.prometheus.url`). */
  prometheusUrl?: string;
}

/** The settings health checks share with deploys (`homelab.deploy.*`). */
export interface HealthSettings extends Pick<PlanOptions, 'sshCommand' | 'connectTimeout' | 'sshOptions'> {
  /** Command words run over ssh; default `systemctl is-system-running` (tests point it at a stand-in). */
  systemctlCommand?: string[];
}

export type HealthCheckSpec =
  | { check: 'ssh'; target: string; host: string; port: number }
  | { check: 'tcp'; target: string; host: string; port: number }
  | { check: 'http'; target: string; url: string; tlsVerify: boolean; caFile?: string }
  | { check: 'systemd'; target: string; argv: string[]; destination: string }
  | { check: 'prometheus'; target: string; url: string; address: string }
  /** A check that cannot run, and why (status `skipped`). */
  | { check: HealthCheckKind; target: string; skip: string };

export const DEFAULT_SYSTEMCTL = ['systemctl', 'is-system-running'];

/** The health description of a deploy target, with its declared services. */
export function healthMachineFor(target: DeployTarget, services: readonly HealthService[] = [], prometheusUrl?: string): HealthMachine {
  return {
    name: target.name, address: target.ip, user: target.deploy?.user, sshOptions: target.deploy?.sshOptions,
    services: [...services], ...(prometheusUrl ? { prometheusUrl } : {}),
  };
}

/** A URL to show: scheme, host, port and path; user, password, query and fragment left out. */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

function parseUrl(raw: unknown): { url?: URL; problem?: string } {
  if (typeof raw !== 'string' || raw === '') return { problem: 'is not a URL' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: 'is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `${url.protocol} is not http: or https:` };
  return { url };
}

function validPort(port: unknown): port is number {
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535;
}

/** The checks for one machine, in a stable order: ssh, ports, URLs, systemd, Prometheus. */
export function healthChecksFor(machine: HealthMachine, settings: HealthSettings = {}): HealthCheckSpec[] {
  const specs: HealthCheckSpec[] = [];
  const address = machine.address;
  const ipOk = typeof address === 'string' && net.isIP(address) !== 0;
  const host = ipOk ? address : '';
  const hostPort = (port: number): string => (net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`);
  const access = remoteAccess(
    { name: machine.name, ip: address, deploy: { method: 'command', user: machine.user, sshOptions: machine.sshOptions } },
    { workspaceFolder: '/', sshCommand: settings.sshCommand, connectTimeout: settings.connectTimeout, sshOptions: settings.sshOptions },
  );
  const accessProblem = access.ok ? undefined : access.issues.map((i) => `${i.field} ${i.message}`).join('; ');

  // The banner needs no login: its port comes from the checked ssh options (else 22), even without a user.
  const inventory = checkSshOptions(machine.sshOptions);
  const fromSettings = checkSshOptions(settings.sshOptions);
  const optionsBad = [...inventory.issues, ...fromSettings.issues].map((i) => i.message)[0];
  if (!ipOk) specs.push({ check: 'ssh', target: String(address ?? machine.name), skip: 'the machine has no IP address' });
  else if (optionsBad) specs.push({ check: 'ssh', target: host, skip: `ssh options: ${optionsBad}` });
  else {
    const port = sshPort([...inventory.args, ...fromSettings.args]);
    specs.push({ check: 'ssh', target: hostPort(port), host, port });
  }

  for (const s of machine.services ?? []) {
    const name = typeof s?.name === 'string' ? s.name : '?';
    if (s?.port !== undefined) {
      if (!validPort(s.port)) specs.push({ check: 'tcp', target: `${name} port ${show(s.port)}`, skip: `port ${show(s.port)} is not a port number` });
      else if (!ipOk) specs.push({ check: 'tcp', target: `${name} port ${s.port}`, skip: 'the machine has no IP address' });
      else if (s.protocol === 'udp') specs.push({ check: 'udp', target: `${hostPort(s.port)}/udp (${name})`, skip: 'UDP ports are not checked (no connection to test)' });
      else specs.push({ check: 'tcp', target: `${hostPort(s.port)} (${name})`, host, port: s.port });
    }
    if (s?.url !== undefined) {
      const { url, problem } = parseUrl(s.url);
      if (!url) { specs.push({ check: 'http', target: `${name} url`, skip: `the URL ${problem}` }); continue; }
      const target = displayUrl(url);
      const caBad = s.caFile !== undefined ? checkAbsolutePath(s.caFile) : undefined;
      if (caBad) specs.push({ check: 'http', target, skip: `caFile ${caBad}` });
      else specs.push({ check: 'http', target, url: url.href, tlsVerify: s.tlsVerify !== false, ...(s.caFile ? { caFile: s.caFile } : {}) });
    }
  }

  const words = settings.systemctlCommand ?? DEFAULT_SYSTEMCTL;
  const wordBad = words.length === 0 ? 'is empty'
    : words.map(checkWord).find((w) => w !== undefined) ?? (words[0].startsWith('-') ? `${show(words[0])} starts with '-'` : undefined);
  if (wordBad) specs.push({ check: 'systemd', target: machine.name, skip: `the systemctl command ${wordBad}` });
  else if (!access.ok) specs.push({ check: 'systemd', target: ipOk ? host : machine.name, skip: `cannot log in: ${accessProblem}` });
  else {
    specs.push({
      check: 'systemd', target: access.access.destination, destination: access.access.destination,
      argv: remoteArgv(access.access, shellJoin(words), false),
    });
  }

  if (machine.prometheusUrl) {
    const { url, problem } = parseUrl(machine.prometheusUrl);
    if (!url) specs.push({ check: 'prometheus', target: 'Prometheus', skip: `homelab.prometheus.url ${problem}` });
    else if (!ipOk) specs.push({ check: 'prometheus', target: displayUrl(url), skip: 'the machine has no IP address' });
    else specs.push({ check: 'prometheus', target: `up{instance=~"${host}(:.*)?"}`, url: url.href, address: host });
  }
  return specs;
}
