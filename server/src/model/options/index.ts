// Public face of the option index (NixOS / Home Manager / workspace options
// read statically from module trees): the index and its lookups, the scopes
// that pick a file's indexes (its machines' nixpkgs, Home Manager), the store
// that builds (in worker threads) and caches indexes, the sources of module
// trees, and the worker entry for the server bundle.
export type { Declaration, OptionDecl, OptionIndexData, Rename } from './types';
export { OptionIndex, type OptionChild, type RenameMatch } from './optionIndex';
export { OptionUnion, type OptionLookup } from './union';
export { OptionScopes, DEFAULT_TREE, fileKinds, machinePins, homeManagerPath, pinKey, type LoadedOptions, type OptionKind, type PinRef, type JudgedAgainst } from './scopes';
export { OptionIndexStore, type OptionIndexStoreOptions, type IndexResult, type BuildProgress } from './store';
export type { OptionTree } from './treeIdentity';
export { findOptionSources, parseNixPath, lookupNixPath, lockedInput, lockedInputPath, type OptionSource, type MissingSource, type SourcesResult, type FindSourcesOptions, type PinRequest, type PinnedSource } from './sources';
export { NO_TREE, hasOptionTree, pinRequests, loadOptionSources, anyLoaded, optionCacheDir, type LoadLog } from './load';
export { storePathFromNarHash } from './storePath';
export { isOptionIndexWorker, runOptionIndexWorker, OPTION_WORKER_KIND, type OptionWorkerData } from './worker';
export { listNixFiles } from './scanTree';
