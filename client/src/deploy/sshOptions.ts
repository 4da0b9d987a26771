// The allow-list of ssh options a user may add (inventory `deploy.sshOptions`
// and the `homelab.deploy.sshOptions` setting). Anything that can run a local
// command (ProxyCommand, LocalCommand, KnownHostsCommand, …), read another
// config (-F, Include) or turn prompts back on is refused, naming the field.
import { checkIdentifier, checkIp, checkSshPath, checkUser, show } from './validate';

type ValueCheck = (value: string) => string | undefined;

const yesNo: ValueCheck = (v) => (/^(yes|no)$/i.test(v) ? undefined : `must be yes or no, got ${show(v)}`);
const uint = (min: number, max: number): ValueCheck => (v) =>
  /^\d{1,6}$/.test(v) && Number(v) >= min && Number(v) <= max ? undefined : `must be a whole number from ${min} to ${max}, got ${show(v)}`;
const oneOf = (...allowed: string[]): ValueCheck => (v) =>
  allowed.some((a) => a.toLowerCase() === v.toLowerCase()) ? undefined : `must be one of ${allowed.join(', ')}, got ${show(v)}`;
const algorithms: ValueCheck = (v) =>
  /^[+^-]?[A-Za-z0-9@.,_-]+$/.test(v) && !v.startsWith('-') ? undefined : `${show(v)} is not a list of algorithm names`;
const hostName: ValueCheck = (v) => (checkIdentifier(v) === undefined || checkIp(v) === undefined ? undefined : `${show(v)} is not a host name or IP address`);

/** `[user@]host[:port]`, comma-separated: the only ProxyJump values accepted. */
const proxyJump: ValueCheck = (v) => {
  if (v.toLowerCase() === 'none') return undefined;
  for (const hop of v.split(',')) {
    const m = /^(?:([^@]+)@)?(\[[0-9A-Fa-f:.]+\]|[^:@[\]]+)(?::(\d{1,5}))?$/.exec(hop);
    const bad =
      !m ? `${show(hop)} is not [user@]host[:port]`
      : (m[1] !== undefined ? checkUser(m[1]) : undefined) ??
        hostName(m[2].replace(/^\[|\]$/g, '')) ??
        (m[3] !== undefined ? uint(1, 65535)(m[3]) : undefined);
    if (bad) return `ProxyJump ${bad}`;
  }
  return undefined;
};

/** Keys (lower case) accepted after -o, with the check of their value. */
const ALLOWED: Record<string, ValueCheck> = {
  addressfamily: oneOf('any', 'inet', 'inet6'),
  // Only yes: BatchMode=no would let a password or host-key prompt hang a deploy.
  batchmode: (v) => (/^yes$/i.test(v) ? undefined : 'must be yes (a deploy never prompts)'),
  checkhostip: yesNo,
  ciphers: algorithms,
  compression: yesNo,
  connectionattempts: uint(1, 10),
  connecttimeout: uint(1, 3600),
  globalknownhostsfile: checkSshPath,
  hashknownhosts: yesNo,
  hostkeyalgorithms: algorithms,
  hostkeyalias: hostName,
  identitiesonly: yesNo,
  identityfile: checkSshPath,
  certificatefile: checkSshPath,
  kexalgorithms: algorithms,
  loglevel: oneOf('QUIET', 'FATAL', 'ERROR', 'INFO', 'VERBOSE', 'DEBUG', 'DEBUG1', 'DEBUG2', 'DEBUG3'),
  macs: algorithms,
  numberofpasswordprompts: uint(0, 0),
  passwordauthentication: yesNo,
  kbdinteractiveauthentication: yesNo,
  port: uint(1, 65535),
  preferredauthentications: algorithms,
  proxyjump: proxyJump,
  pubkeyacceptedalgorithms: algorithms,
  pubkeyacceptedkeytypes: algorithms,
  pubkeyauthentication: yesNo,
  serveralivecountmax: uint(1, 100),
  serveraliveinterval: uint(0, 3600),
  stricthostkeychecking: oneOf('yes', 'no', 'ask', 'accept-new', 'off'),
  tcpkeepalive: yesNo,
  updatehostkeys: oneOf('yes', 'no', 'ask'),
  userknownhostsfile: checkSshPath,
  verifyhostkeydns: oneOf('yes', 'no', 'ask'),
};

/** Keys refused with a reason that says why (others get the generic message). */
const DANGEROUS: Record<string, string> = {
  proxycommand: 'runs a local command',
  localcommand: 'runs a local command',
  permitlocalcommand: 'enables LocalCommand, which runs a local command',
  knownhostscommand: 'runs a local command',
  remotecommand: 'replaces the deploy command',
  include: 'reads another configuration file',
  match: 'can run a local command (Match exec)',
  controlmaster: 'a shared connection would outlive cancellation',
  controlpath: 'a shared connection would outlive cancellation',
  controlpersist: 'a shared connection would outlive cancellation',
  requesttty: 'the engine chooses the tty itself',
  user: 'the user comes from deploy.user',
  hostname: 'the address comes from the container ip',
  securitykeyprovider: 'loads a local library',
  pkcs11provider: 'loads a local library',
  identityagent: 'names a local socket or variable',
  sendenv: 'sends local environment variables',
  setenv: 'sets remote environment variables',
  forwardagent: 'exposes the local agent to the container',
  localforward: 'opens local ports',
  remoteforward: 'opens remote ports',
  dynamicforward: 'opens local ports',
};

export interface SshOptionsResult {
  /** Normalised arguments: `-o Key=Value`, `-p N`, `-i PATH`. */
  args: string[];
  /** Problems as [index in the list, message]. */
  issues: { index: number; message: string }[];
}

function checkKeyValue(kv: string): string | undefined {
  const m = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/s.exec(kv);
  if (!m) return `${show(kv)} is not Key=Value`;
  const key = m[1].toLowerCase();
  const value = m[2];
  if (DANGEROUS[key]) return `ssh option ${m[1]} is not allowed: it ${DANGEROUS[key]}`;
  const check = ALLOWED[key];
  if (!check) return `ssh option ${m[1]} is not in the list of allowed options (${Object.keys(ALLOWED).length} safe keys such as Port, IdentityFile, UserKnownHostsFile, StrictHostKeyChecking)`;
  // eslint-disable-next-line no-control-regex
  if (value === '' || /[\s\u0000-\u001f\u007f"'`$;&|<>\\]/.test(value)) return `ssh option ${m[1]} has an empty value or one with spaces, quotes or shell syntax: ${show(value)}`;
  const bad = check(value);
  return bad ? `ssh option ${m[1]} ${bad}` : undefined;
}

/**
 * Parses and checks a list like `[-o, ConnectTimeout=10, -oBatchMode=yes, -p, 2222, -i, ~/.ssh/k]`.
 * Accepted forms: `-o K=V` (two items or one `-oK=V`), `-p N`/`-pN`, `-i PATH`/`-iPATH`.
 */
export function checkSshOptions(list: unknown): SshOptionsResult {
  const args: string[] = [];
  const issues: { index: number; message: string }[] = [];
  if (list === undefined) return { args, issues };
  if (!Array.isArray(list)) return { args, issues: [{ index: -1, message: 'must be a list of strings' }] };
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (typeof item !== 'string') { issues.push({ index: i, message: 'must be a string' }); continue; }
    const flag = /^-[opi]/.exec(item)?.[0];
    if (!flag || (item.length > 2 && item[2] === ' ')) {
      issues.push({
        index: i,
        message: item.startsWith('-')
          ? `ssh argument ${show(item)} is not allowed (only -o Key=Value, -p PORT and -i FILE)`
          : `${show(item)} is not an ssh option (expected -o, -p or -i before it)`,
      });
      continue;
    }
    let value = item.slice(2);
    let at = i;
    if (value === '') {
      if (i + 1 >= list.length || typeof list[i + 1] !== 'string') {
        issues.push({ index: i, message: `${flag} needs a value after it` });
        continue;
      }
      value = list[++i] as string;
      at = i;
    }
    const bad =
      flag === '-o' ? checkKeyValue(value)
      : flag === '-p' ? (uint(1, 65535)(value) && `-p ${uint(1, 65535)(value)}`)
      : (checkSshPath(value) && `-i ${checkSshPath(value)}`);
    if (bad) { issues.push({ index: at, message: bad }); continue; }
    args.push(flag, value);
  }
  return { args, issues };
}
