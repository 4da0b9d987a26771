// Whether `flake.lock` locks every input `flake.nix` declares, read without
// running Nix: the declared inputs come from our static evaluation of
// flake.nix (a computed `inputs` cannot be checked, so it is refused), the
// locked ones from the lock file's graph. An unlocked input would make Nix
// compute a lock entry, and so fetch, even with `--offline`. Also names every
// locked input by its path from the root (`helper`, `helper/nixpkgs`), in the
// order `nix flake archive --json` reports them.
import { NixEvaluator } from '../syntax/nix/eval/evaluator';
import type { Value } from '../syntax/value';

export type LockCheck = { ok: true } | { ok: false; message: string; input?: string };

interface LockNode {
  inputs?: Record<string, string | string[]>;
  locked?: { narHash?: string; type?: string };
}

/** The input names `flake.nix` declares (`inputs.<name>`), or undefined when they are not literally written. */
export function declaredInputs(flakeUri: string, readText: (uri: string) => string | undefined): string[] | undefined {
  let top: Value | undefined;
  try {
    top = new NixEvaluator({ readText }).evaluateFile(flakeUri);
  } catch {
    return undefined;
  }
  if (top?.kind !== 'attrs') return undefined;
  const inputs = top.entries.get('inputs')?.value;
  if (inputs === undefined) return [];
  return inputs.kind === 'attrs' ? [...inputs.entries.keys()] : undefined;
}

export function checkLock(lockText: string | undefined, declared: string[] | undefined): LockCheck {
  if (lockText === undefined) return { ok: false, message: 'flake.lock is missing: run `nix flake lock` to pin the inputs; machine names are not evaluated until then' };
  if (declared === undefined) return { ok: false, message: "flake.nix's inputs are computed, so their locks cannot be checked offline; machine names are not evaluated" };
  let lock: { nodes?: Record<string, LockNode>; root?: string };
  try {
    lock = JSON.parse(lockText) as typeof lock;
  } catch {
    return { ok: false, message: 'flake.lock is not valid JSON; machine names are not evaluated' };
  }
  const nodes = lock.nodes ?? {};
  const root = nodes[lock.root ?? 'root'];
  if (!root) return { ok: false, message: 'flake.lock has no root node; machine names are not evaluated' };
  for (const name of declared)
    if (!(name in (root.inputs ?? {}))) return { ok: false, input: name, message: `input \`${name}\` is not locked in flake.lock: run \`nix flake lock\`; machine names are not evaluated until then` };
  for (const [name, key] of lockedInputs(nodes, root)) {
    const node = nodes[key];
    if (!node?.locked?.narHash) return { ok: false, input: name, message: `input \`${name}\` has no content hash in flake.lock: run \`nix flake lock\`; machine names are not evaluated until then` };
  }
  return { ok: true };
}

/** Every locked input reached from the root, named by its path (`follows` entries point at others: left out). */
function lockedInputs(nodes: Record<string, LockNode>, root: LockNode): [string, string][] {
  const out: [string, string][] = [];
  const seen = new Set<string>();
  const walk = (node: LockNode, prefix: string): void => {
    for (const [name, ref] of Object.entries(node.inputs ?? {})) {
      if (typeof ref !== 'string' || seen.has(ref)) continue;
      seen.add(ref);
      out.push([`${prefix}${name}`, ref]);
      if (nodes[ref]) walk(nodes[ref], `${prefix}${name}/`);
    }
  };
  walk(root, '');
  return out;
}

/** `nix flake archive --json --dry-run`'s tree as [input path, store path] pairs (the root flake left out). */
export function archivedInputs(json: string): [string, string][] | undefined {
  interface Tree {
    path?: string;
    inputs?: Record<string, Tree>;
  }
  let tree: Tree;
  try {
    tree = JSON.parse(json) as Tree;
  } catch {
    return undefined;
  }
  const out: [string, string][] = [];
  const walk = (t: Tree, prefix: string, depth: number): void => {
    if (depth > 64) return;
    for (const [name, sub] of Object.entries(t.inputs ?? {})) {
      if (typeof sub?.path === 'string') out.push([`${prefix}${name}`, sub.path]);
      walk(sub, `${prefix}${name}/`, depth + 1);
    }
  };
  walk(tree, '', 0);
  return out;
}
