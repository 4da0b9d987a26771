// The model's inputs (query/engine.ts): what the workspace's queries read
// that is not itself derived. Each is read lazily through the workspace and
// read again after the workspace announces a change; a re-read equal to the
// old value changes nothing downstream.
import { Input, type Engine } from './query/engine';
import type { Listing } from './listing';
import type { HomelabSettings } from './settings';
import type { OptionScopes } from './options/scopes';
import type { FolderLiveState } from './proxmoxLive';
import type { NixEvalOutcome } from './machines/fromNixEval';

/** What is known of a file without reading it: a change of text inside the limit leaves it equal. */
export interface FileFacts {
  exists: boolean;
  tooLarge: boolean;
}

/** Keys: a file's URI (text, facts, stamp), a folder's root (listing, settings, live, nixEval), '' (open, roots, options). */
export interface ModelInputs {
  /** A file's fingerprint (`fingerprint`), not its text: read that from the document store. */
  text: Input<string | undefined>;
  facts: Input<FileFacts>;
  /** The file's modification stamp (discovery's cache key for files it reads whole). */
  stamp: Input<number>;
  /** The open documents, sorted. */
  open: Input<string[]>;
  listing: Input<Listing>;
  settings: Input<HomelabSettings | undefined>;
  roots: Input<string[]>;
  options: Input<OptionScopes | undefined>;
  live: Input<FolderLiveState | undefined>;
  nixEval: Input<NixEvalOutcome | undefined>;
}

/** How each input is read. */
export type InputReaders = { [K in keyof ModelInputs]: ModelInputs[K] extends Input<infer V> ? (key: string) => V : never };

const sameList = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export function modelInputs<O>(engine: Engine<O>, read: InputReaders): ModelInputs {
  return {
    text: new Input(engine, 'text', read.text),
    facts: new Input(engine, 'facts', read.facts, (a, b) => a.exists === b.exists && a.tooLarge === b.tooLarge),
    stamp: new Input(engine, 'stamp', read.stamp),
    open: new Input(engine, 'open', read.open, sameList),
    listing: new Input(engine, 'listing', read.listing),
    settings: new Input(engine, 'settings', read.settings),
    roots: new Input(engine, 'roots', read.roots, sameList),
    options: new Input(engine, 'options', read.options),
    live: new Input(engine, 'live', read.live),
    nixEval: new Input(engine, 'nixEval', read.nixEval),
  };
}

/**
 * What the `text` input holds for a file: its length and two 32-bit hashes,
 * not the text (read from the document store when a query needs it), so the
 * model keeps no copy of the fleet's texts, a re-read equal to the old text
 * still changes nothing, and neither does opening a file as it is on disk.
 */
export function fingerprint(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193);
    h2 = Math.imul(h2 ^ ch, 0x85ebca6b) ^ (h2 >>> 13);
  }
  return `\0${text.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}
