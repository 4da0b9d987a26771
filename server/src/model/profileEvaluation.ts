// How the workspace evaluates one profile: through the evaluator session of
// the current revision when the Nix layer has one (files do not change within
// a revision, so evaluations share what they import), else alone; either way
// the result records every file it read, and the query depends on the code of
// each (its parse), not on its comments.
import type { NixEvalSession, NixLayer, NixReadHost } from './nixAdapter';
import { makeProfile, type Profile } from './profiles';
import { normalizeUri } from './uri';

/** What an evaluation reads from the workspace (tracked reads are inputs or queries of its engine). */
export interface EvaluationEnv {
  readonly nixLayer: NixLayer;
  /** The engine's current revision (a session lives for one). */
  revision(): number;
  /** Runs `f` without recording dependencies (the evaluator's own reads are recorded afterwards). */
  untracked<T>(f: () => T): T;
  /** A document's text, untracked. */
  rawText(uri: string): string | undefined;
  /** Tracked reads. */
  text(uri: string): string | undefined;
  exists(uri: string): boolean;
  tooLarge(uri: string): boolean;
  /** Reads the file's parse (its syntax key): the dependency on its code. */
  code(uri: string): void;
  /** A directory's entries from its folder's listing (`builtins.readDir`); tracked: a file added or removed there changes it. */
  listDir(uri: string): Map<string, 'directory' | 'regular'> | undefined;
}

/**
 * Evaluations one session serves before a fresh one takes over. A session
 * keeps the lazy values of every file it evaluated; past a few hundred
 * profiles, what they share (a base, a library) is cheap to evaluate again,
 * and keeping all of a 10,000-machine fleet's lazy values alive until the
 * build ends is not (it was most of the server's peak memory).
 */
const EVALUATIONS_PER_SESSION = 256;

/** One per workspace: holds the evaluator session of the current revision. */
export class ProfileEvaluator {
  /**
   * `dirs`: the folders the session's evaluator listed. A session keeps what it
   * evaluated, so a later evaluation may reuse a file's value that listed a
   * folder without listing it again: each evaluation of the session depends on
   * every folder listed so far (more than it needs, never less).
   */
  private session: { revision: number; value: NixEvalSession | undefined; evaluations: number; dirs: Set<string> } | undefined;

  constructor(private readonly env: EvaluationEnv) {}

  /**
   * Lets the session go before its revision ends: it holds every lazy value
   * and converted entry of the files it evaluated (for a 10,000-machine fleet,
   * the thunks, closures and entry maps of every profile), which nothing needs
   * once the homelab is built. An evaluation later in the same revision starts
   * a new session (evaluations are deterministic, so the values are equal).
   */
  release(): void {
    this.session = undefined;
  }

  private sessionNow(): NixEvalSession | undefined {
    const revision = this.env.revision();
    if (this.session?.revision !== revision || this.session.evaluations >= EVALUATIONS_PER_SESSION) {
      const dirs = new Set<string>();
      this.session = { revision, value: this.env.nixLayer.session?.(this.readHost(undefined, dirs)), evaluations: 0, dirs };
    }
    this.session.evaluations++;
    return this.session.value;
  }

  /** How the Nix layer reads files: open documents first, nothing over the size limit. */
  readHost(read?: (uri: string) => void, dirs?: Set<string>): NixReadHost {
    return {
      readText: (u: string): string | undefined => {
        const n = normalizeUri(u);
        read?.(n);
        return this.env.tooLarge(n) ? undefined : this.env.rawText(n);
      },
      listDir: (u: string) => {
        const n = normalizeUri(u);
        dirs?.add(n);
        return this.env.untracked(() => this.env.listDir(n));
      },
    };
  }

  evaluate(uri: string): Profile {
    const env = this.env;
    const read = new Set<string>([uri]);
    let dirs = new Set<string>();
    let value;
    const large = env.tooLarge(uri);
    try {
      const shared = large ? undefined : this.sessionNow();
      if (large) value = undefined;
      else if (shared) {
        const r = env.untracked(() => shared.evaluate(uri));
        value = r.value;
        for (const d of r.deps) read.add(normalizeUri(d));
        dirs = this.session?.dirs ?? dirs;
      } else {
        value = env.untracked(() => env.nixLayer.evaluate(uri, this.readHost((n) => read.add(n), dirs)));
      }
    } catch {
      value = undefined; // the evaluator must not throw; a bug there must not take the model down
    }
    // What the value depends on: the code of every file read (not its comments), whether it exists and fits.
    for (const d of read) {
      if (!env.exists(d) || env.tooLarge(d)) continue;
      if (d.endsWith('.nix')) env.code(d);
      else env.text(d);
    }
    for (const d of dirs) env.listDir(d);
    return makeProfile(uri, value, [...read]);
  }
}
