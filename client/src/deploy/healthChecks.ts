// Runs one health check (see healthTargets.ts for what each one is): the SSH
// banner, a TCP connect, an HTTP(S) request, `systemctl is-system-running`
// over ssh, Prometheus's `up`. Each has a hard time-out and stops at once when
// the signal aborts; none throws. Messages say what happened in a few words:
// a state word at most from the machine, never its output, never a secret.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { redact } from './redact';
import { explainSshFailure } from './sshErrors';
import type { HealthCheckResult, HealthCheckSpec, HealthStatus } from './healthTargets';
import { printable, prometheusUp, readBanner } from '../probes/reachability';

export interface CheckContext {
  /** Time-out of a network check (banner, port, URL, Prometheus). */
  timeoutMs: number;
  /** Time-out of the ssh command (login included). */
  commandTimeoutMs: number;
  signal?: AbortSignal;
  secrets: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Prometheus's `up` per address, asked once per URL and run. */
  prometheus(url: string): Promise<Map<string, boolean>>;
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** A TCP connection to host:port: ok when it is accepted. */
function connectOnce(host: string, port: number, ctx: CheckContext): Promise<{ status: HealthStatus; message: string }> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let settled = false;
    const done = (status: HealthStatus, message: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ctx.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve({ status, message });
    };
    const onAbort = (): void => done('skipped', 'cancelled');
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => done('failed', `no answer within ${seconds(ctx.timeoutMs)}`), ctx.timeoutMs);
    socket.once('connect', () => done('ok', 'accepts connections'));
    socket.once('error', (e: NodeJS.ErrnoException) =>
      done('failed', e.code === 'ECONNREFUSED' ? 'connection refused (nothing listens there)' : `cannot connect: ${printable(e.code ?? e.message)}`));
  });
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|HOSTNAME|ALTNAME/;

/** One GET; 2xx and 3xx are ok (redirects are not followed), anything else failed. */
function httpOnce(spec: Extract<HealthCheckSpec, { check: 'http' }>, ctx: CheckContext): Promise<{ status: HealthStatus; message: string }> {
  return new Promise((resolve) => {
    let ca: Buffer | undefined;
    if (spec.caFile) {
      try {
        ca = fs.readFileSync(spec.caFile);
      } catch (e) {
        resolve({ status: 'failed', message: `cannot read the CA file ${spec.caFile}: ${printable((e as NodeJS.ErrnoException).code ?? 'error')}` });
        return;
      }
    }
    const url = new URL(spec.url);
    const lib = url.protocol === 'https:' ? https : http;
    let settled = false;
    const done = (status: HealthStatus, message: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ctx.signal?.removeEventListener('abort', onAbort);
      request.destroy();
      resolve({ status, message });
    };
    const request = lib.request(url, {
      method: 'GET', agent: false,
      headers: { 'user-agent': 'homelab-profiles-health-check', accept: '*/*', connection: 'close' },
      ...(url.protocol === 'https:' ? { rejectUnauthorized: spec.tlsVerify, ...(ca ? { ca } : {}) } : {}),
    });
    const onAbort = (): void => done('skipped', 'cancelled');
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => done('failed', `no answer within ${seconds(ctx.timeoutMs)}`), ctx.timeoutMs);
    request.once('response', (res) => {
      const code = res.statusCode ?? 0;
      const text = `${code}${res.statusMessage ? ` ${printable(res.statusMessage, 40)}` : ''}`;
      res.resume();
      if (code >= 200 && code < 300) done('ok', `answered ${text}`);
      else if (code >= 300 && code < 400) done('ok', `answered ${text} (a redirect, not followed)`);
      else done('failed', `answered ${text}`);
    });
    request.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? '';
      if (TLS_CODES.test(code)) {
        done('failed', `TLS certificate not trusted (${printable(e.message, 80)}); give the service a caFile, or tlsVerify: false if that is intended`);
      } else if (code === 'ECONNREFUSED') done('failed', 'connection refused (nothing listens there)');
      else done('failed', `request failed: ${printable(code || e.message, 80)}`);
    });
    request.end();
  });
}

/** `systemctl is-system-running` over ssh: running ok, degraded warning, anything else failed. */
function systemdOnce(spec: Extract<HealthCheckSpec, { check: 'systemd' }>, ctx: CheckContext): Promise<{ status: HealthStatus; message: string }> {
  return new Promise((resolve) => {
    if (ctx.signal?.aborted) { resolve({ status: 'skipped', message: 'cancelled' }); return; }
    let stdout = '';
    let stderr = '';
    let settled = false;
    const child = spawn(spec.argv[0], spec.argv.slice(1), {
      shell: false, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: ctx.env ?? process.env, windowsHide: true,
    });
    let exited = false;
    const kill = (): void => {
      if (exited || child.pid === undefined) return;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    };
    const done = (status: HealthStatus, message: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ctx.signal?.removeEventListener('abort', onAbort);
      kill();
      resolve({ status, message });
    };
    const onAbort = (): void => done('skipped', 'cancelled');
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => done('failed', `no answer over ssh within ${seconds(ctx.commandTimeoutMs)}`), ctx.commandTimeoutMs);
    child.stdout?.on('data', (d: Buffer) => { stdout = (stdout + d.toString('utf8')).slice(0, 4096); });
    child.stderr?.on('data', (d: Buffer) => { stderr = (stderr + d.toString('utf8')).slice(-4096); });
    child.once('error', (e: NodeJS.ErrnoException) => done('failed', `cannot start ${spec.argv[0]}: ${e.code === 'ENOENT' ? 'not found' : printable(e.message)}`));
    child.once('exit', () => { exited = true; });
    child.once('close', (code) => {
      const state = stdout.split(/\r?\n/)[0]?.trim() ?? '';
      if (code === 255 && state === '') {
        done('failed', explainSshFailure(stderr, spec.destination) ?? 'ssh failed (exit code 255)');
        return;
      }
      // Only a state word is repeated, never other output.
      const word = /^[a-z-]{1,24}$/.test(state) ? state : undefined;
      if (word === 'running') done('ok', 'running');
      else if (word === 'degraded') done('warning', 'degraded: some units failed (systemctl --failed lists them)');
      else if (word) done('failed', `the system is ${word}, not running`);
      else done('failed', `no system state in the answer (exit code ${code})`);
    });
  });
}

async function prometheusOnce(spec: Extract<HealthCheckSpec, { check: 'prometheus' }>, ctx: CheckContext): Promise<{ status: HealthStatus; message: string }> {
  try {
    const up = (await ctx.prometheus(spec.url)).get(spec.address);
    if (up === true) return { status: 'ok', message: 'up is 1' };
    if (up === false) return { status: 'failed', message: 'up is 0: Prometheus cannot scrape it' };
    return { status: 'warning', message: `Prometheus scrapes no target at ${spec.address}` };
  } catch (e) {
    if (ctx.signal?.aborted) return { status: 'skipped', message: 'cancelled' };
    return { status: 'warning', message: `Prometheus unavailable: ${printable(e instanceof Error ? e.message : String(e), 80)}` };
  }
}

/** Runs one check. Never rejects. */
export async function runHealthCheck(spec: HealthCheckSpec, ctx: CheckContext): Promise<HealthCheckResult> {
  const started = Date.now();
  let outcome: { status: HealthStatus; message: string };
  if ('skip' in spec) outcome = { status: 'skipped', message: spec.skip };
  else if (ctx.signal?.aborted) outcome = { status: 'skipped', message: 'cancelled' };
  else {
    try {
      switch (spec.check) {
        case 'ssh': {
          const probe = await readBanner(spec.host, spec.port, ctx.timeoutMs, ctx.signal);
          outcome = probe.state === 'reachable' ? { status: 'ok', message: probe.banner ?? 'SSH' }
            : probe.state === 'not-ssh' ? { status: 'failed', message: `answers, but not SSH: ${probe.detail}` }
            : probe.state === 'unreachable' ? { status: 'failed', message: probe.detail }
            : { status: 'skipped', message: probe.detail };
          break;
        }
        case 'tcp': outcome = await connectOnce(spec.host, spec.port, ctx); break;
        case 'http': outcome = await httpOnce(spec, ctx); break;
        case 'systemd': outcome = await systemdOnce(spec, ctx); break;
        case 'prometheus': outcome = await prometheusOnce(spec, ctx); break;
      }
    } catch (e) {
      outcome = { status: 'failed', message: `internal error: ${printable(String(e), 120)}` };
    }
  }
  return {
    check: spec.check, target: redact(spec.target, ctx.secrets), status: outcome.status,
    message: redact(outcome.message, ctx.secrets), durationMs: Date.now() - started,
  };
}

/** A cache of Prometheus answers for one run (one query per URL, whatever the number of machines). */
export function prometheusCache(timeoutMs: number, signal?: AbortSignal): (url: string) => Promise<Map<string, boolean>> {
  const cache = new Map<string, Promise<Map<string, boolean>>>();
  return (url) => {
    let answer = cache.get(url);
    if (!answer) {
      answer = prometheusUp(url, timeoutMs, signal);
      answer.catch(() => undefined);
      cache.set(url, answer);
    }
    return answer;
  };
}
