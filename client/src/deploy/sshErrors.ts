// Turns what ssh prints when it fails (exit code 255) into one clear sentence.

export function explainSshFailure(stderr: string, address: string | undefined): string | undefined {
  const at = address ? ` (${address})` : '';
  if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No .* host key is known/i.test(stderr)) {
    return `ssh refused the host key${at}: it is not in known_hosts or it changed. Deploys never prompt (BatchMode); connect once with ssh in a terminal to check and accept the key, then retry.`;
  }
  if (/Connection refused/i.test(stderr)) return `ssh could not connect${at}: connection refused (is sshd running, is the port right?)`;
  if (/timed out|Operation timed out/i.test(stderr)) return `ssh could not connect${at}: connection timed out (ConnectTimeout)`;
  if (/Permission denied/i.test(stderr)) return `ssh could not log in${at}: permission denied (the key was not accepted; deploys never ask for a password)`;
  if (/No route to host|Network is unreachable|Could not resolve hostname/i.test(stderr)) {
    const line = lastLine(stderr);
    return `ssh could not reach the container${at}: ${line}`;
  }
  return undefined;
}

export function lastLine(text: string): string {
  const lines = text.split(/\r?\n|\r/).map((l) => l.trim()).filter((l) => l !== '');
  return lines[lines.length - 1] ?? '';
}
