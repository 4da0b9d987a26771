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
