// Whether a repository turns on Nix's experimental `pipe-operators` feature
// (`|>` and `<|`), and where: in its flake's `nixConfig`, in the hosts'
// `nix.settings.experimental-features` (or `nix.extraOptions`), or in a
// `nix.conf` it carries. Without it, the Nix that builds the repository
// rejects every pipe, so each one gets a warning saying what to enable.
import type { Span } from '../syntax/value';
import * as A from '../syntax/nix/ast';
import { bindingPath } from '../syntax/nix/navigate';
import { parseNixShared } from '../syntax/nix/parseCache';
import { spanOf } from '../syntax/value';

export interface PipeFeatureSource {
  uri: string;
  span: Span;
  /** What enables it, as a person reads it: `nixConfig.extra-experimental-features`. */
  setting: string;
}

const FEATURE = /(^|[^\w-])pipe-operators($|[^\w-])/;

/** Settings that list experimental features (as the tail of a binding's full path). */
const FEATURE_LISTS: readonly string[][] = [
  ['nixConfig', 'extra-experimental-features'],
  ['nixConfig', 'experimental-features'],
  ['nix', 'settings', 'experimental-features'],
  ['nix', 'settings', 'extra-experimental-features'],
  // A nix.conf fragment: `experimental-features = nix-command flakes pipe-operators`.
  ['nix', 'extraOptions'],
];

function endsWith(path: readonly string[], tail: readonly string[]): boolean {
  if (path.length < tail.length) return false;
  for (let i = 0; i < tail.length; i++) if (path[path.length - tail.length + i] !== tail[i]) return false;
  return true;
}

/** The feature names a value writes as literal text (strings, lists of strings, through wrappers like mkForce). */
function mentionsFeature(value: A.Node): boolean {
  let found = false;
  const walk = (n: A.Node): void => {
    if (found) return;
    if (n.type === 'Text' && FEATURE.test(n.value)) {
      found = true;
      return;
    }
    A.forEachChild(n, walk);
  };
  walk(value);
  return found;
}

/** Where a Nix file enables the feature, if it does. */
export function pipeFeatureInNix(uri: string, text: string): PipeFeatureSource | undefined {
  // Most files never name the feature: no parse for them.
  if (!text.includes('pipe-operators')) return undefined;
  const root = parseNixShared(text).root;
  let out: PipeFeatureSource | undefined;
  const walk = (n: A.Node): void => {
    if (out) return;
    if (n.type === 'AttrDef') {
      const path = bindingPath(n);
      const tail = path && FEATURE_LISTS.find((t) => endsWith(path, t));
      if (tail && mentionsFeature(n.value)) {
        out = { uri, span: spanOf(n.path), setting: tail.join('.') };
        return;
      }
    }
    A.forEachChild(n, walk);
  };
  walk(root);
  return out;
}

/** Where a nix.conf enables the feature, if it does. */
export function pipeFeatureInNixConf(uri: string, text: string): PipeFeatureSource | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = /^\s*((?:extra-)?experimental-features)\s*=(.*)$/.exec(line.replace(/#.*/, ''));
    if (m && m[2].split(/\s+/).includes('pipe-operators')) {
      const at = offset + line.indexOf(m[1]);
      return { uri, span: { start: at, end: at + m[1].length }, setting: m[1] };
    }
    offset += line.length + 1;
  }
  return undefined;
}

/**
 * The first place (in file order) among a repository's files that enables
 * the feature, pausing every `every` files (a fleet's build reads every file
 * of 10,000 when none does).
 */
export function* pipeFeatureSource(
  files: readonly string[],
  read: (uri: string) => PipeFeatureSource | undefined,
  every: number,
): Generator<void, PipeFeatureSource | undefined> {
  let n = 0;
  for (const u of files) {
    if (++n % every === 0) yield;
    if (!u.endsWith('.nix') && !u.endsWith('/nix.conf')) continue;
    const found = read(u);
    if (found) return found;
  }
  return undefined;
}
