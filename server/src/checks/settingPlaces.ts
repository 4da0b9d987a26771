// The settings written in one profile file, walked from the profiles that
// read it (settingShards.ts), with what each reader showed of the file kept
// for the next walk. A base file is read by every profile of the fleet: its
// settings were walked afresh from a thousand evaluations after any profile's
// edit, though only the edited profile's evaluation was new. What a reader
// shows of a file (the file's places it holds, and which of them it overrides
// rather than inherits) is kept per evaluation, so the walk reads again only
// the evaluations that changed. Who inherits a setting is found when a rule
// asks (a finding's related places), not for every setting.
import { BLOCKS, blockOf, type Profile, type SettingsBlock } from '../model/profiles';
import type { Workspace } from '../model/workspace';
import type { Entry } from '../syntax/value';
import { ITEMS_PER_STEP, type OwnSetting } from './util';

/** A setting's place in the file: its block, key and the start of its key. */
interface PlaceOf {
  block: SettingsBlock;
  key: string;
  start: number;
}

/** What one reader shows of a file's settings (see the file's comment). */
interface ReaderShape {
  /** The file's places in the reader's effective settings, in its walk's order (shared by the readers that show the same). */
  places: readonly PlaceOf[];
  /** Whether it inherits any of them, through its own merge (`base.x // { … }`) of a block. */
  inheritsAny: boolean;
  /** When it does: the starts of the places it does not inherit (those it overrides), usually few. */
  except: readonly number[];
}

/** The shapes of the last walk of a file: per evaluation, and the distinct lists of places. */
interface KeptShapes {
  byProfile: Map<Profile, ReaderShape>;
  placeLists: (readonly PlaceOf[])[];
}

/** A file read by more profiles than this keeps its readers' shapes (one profile's own file is walked afresh: one evaluation). */
const KEEP_SHAPES_FROM_READERS = 16;

const SHAPES = Symbol('setting places shown by each reader, per profile file');

function keptOf(ws: Workspace): Map<string, KeptShapes> {
  return ws.own(SHAPES, () => new Map<string, KeptShapes>());
}

const NO_STARTS: readonly number[] = Object.freeze([]);

function samePlaces(a: readonly PlaceOf[], b: readonly PlaceOf[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].key !== b[i].key || a[i].block !== b[i].block) return false;
  return true;
}

/** What `p` shows of `file`, its list of places shared with an equal one of `lists` (added there when new). */
function shapeOf(p: Profile, file: string, lists: (readonly PlaceOf[])[]): ReaderShape {
  const places: PlaceOf[] = [];
  const seen = new Set<number>();
  let inherited: Set<number> | undefined;
  for (const block of BLOCKS) {
    const b = blockOf(p, block);
    if (!b) continue;
    // The effective value of p comes from another file through p's own merge: p inherits it.
    const merges = b.origin.uri === p.uri && file !== p.uri;
    b.entries.forEach((entry, key) => {
      // The override chain: a value overridden in the profile is still judged in the base.
      for (let e: Entry | undefined = entry; e; e = e.overrides) {
        if (e.keyOrigin.uri !== file) continue;
        const start = e.keyOrigin.span.start;
        if (!seen.has(start)) {
          seen.add(start);
          places.push({ block, key, start });
        }
        if (e === entry && merges) (inherited ??= new Set()).add(start);
      }
    });
  }
  // Shared with an equal list of the last few met (a base file's readers mostly show one).
  let shared: readonly PlaceOf[] | undefined;
  for (let i = lists.length - 1; i >= Math.max(0, lists.length - PLACE_LISTS_COMPARED) && !shared; i--) if (samePlaces(lists[i], places)) shared = lists[i];
  if (!shared) lists.push(places);
  const kept = inherited;
  const except = kept ? places.filter((x) => !kept.has(x.start)).map((x) => x.start) : NO_STARTS;
  return { places: shared ?? places, inheritsAny: inherited !== undefined, except: except.length ? except : NO_STARTS };
}

/** Distinct lists of places a new one is compared with (the latest): a file shown differently by each reader is not compared pairwise. */
const PLACE_LISTS_COMPARED = 8;

/** The entry at a place in `p`'s effective settings (its effective entry, or one it overrides). */
function entryAt(p: Profile, file: string, place: PlaceOf): Entry | undefined {
  for (let e = blockOf(p, place.block)?.entries.get(place.key); e; e = e.overrides) if (e.keyOrigin.uri === file && e.keyOrigin.span.start === place.start) return e;
  return undefined;
}

/** A setting of the walk; who inherits it is found on first asking, from the readers' shapes. */
class WrittenSetting implements OwnSetting {
  private inheritors: readonly Profile[] | undefined;
  constructor(
    readonly profileUri: string,
    readonly block: SettingsBlock,
    readonly key: string,
    readonly entry: Entry,
    private readonly start: number,
    private readonly readers: { profiles: Profile[]; shapes: ReaderShape[] },
  ) {}

  /** The readers that inherit this very entry through their own `//` merge, in the build's order. */
  get inheritedBy(): readonly Profile[] {
    if (this.inheritors) return this.inheritors;
    const out: Profile[] = [];
    const { profiles, shapes } = this.readers;
    for (let i = 0; i < profiles.length; i++) {
      const s = shapes[i];
      if (s.inheritsAny && !s.except.includes(this.start) && s.places.some((x) => x.start === this.start)) out.push(profiles[i]);
    }
    this.inheritors = out;
    return out;
  }
}

/**
 * The settings written in `file` (a profile file) from the profiles that read
 * it, in the build's order: each place once, the first reader's entry, each
 * with the readers that inherit that very entry through their own `//` merge.
 * The same settings, in the same order, as a walk of every reader's
 * effective settings gives; `key` is the file's query key (`root\0file`).
 */
export function* settingsWrittenInFile(ws: Workspace, key: string, file: string, readers: readonly string[]): Generator<void, OwnSetting[]> {
  const keep = readers.length >= KEEP_SHAPES_FROM_READERS;
  const last = keep ? keptOf(ws).get(key) : undefined;
  const next: KeptShapes = { byProfile: new Map(), placeLists: last?.placeLists ?? [] };
  const found = { profiles: [] as Profile[], shapes: [] as ReaderShape[] };
  const out: OwnSetting[] = [];
  const byStart = new Set<number>();
  const listsMet = new Set<readonly PlaceOf[]>();
  let n = 0;
  for (const uri of readers) {
    // A base file is read by every profile of the fleet: its walk pauses now and then.
    if (++n % ITEMS_PER_STEP === 0) yield;
    const p = ws.evaluate(uri);
    let shape = last?.byProfile.get(p);
    if (!shape) {
      // Counted for the recomputation gate: a profile's edit reads again its own evaluation's shape, not its base's readers'.
      ws.engine.count('settingsShown');
      shape = shapeOf(p, file, next.placeLists);
    }
    if (keep) next.byProfile.set(p, shape);
    found.profiles.push(p);
    found.shapes.push(shape);
    // Readers that show the same places add none after the first.
    if (listsMet.has(shape.places)) continue;
    listsMet.add(shape.places);
    for (const place of shape.places) {
      if (byStart.has(place.start)) continue;
      const entry = entryAt(p, file, place);
      if (!entry) continue;
      byStart.add(place.start);
      out.push(new WrittenSetting(file, place.block, place.key, entry, place.start, found));
    }
  }
  if (keep) {
    // Only the lists still shown are kept.
    next.placeLists = next.placeLists.filter((l) => listsMet.has(l));
    keptOf(ws).set(key, next);
  }
  return out;
}
