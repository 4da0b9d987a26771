// Plain result types of the editing features (offsets and our own shapes, no
// LSP types): the protocol layer converts them to LSP objects.
import type { Span } from '../syntax/value';

export interface Location {
  uri: string;
  span: Span;
}

export interface TextEdit {
  span: Span;
  newText: string;
}

/** Edits per document URI; `renames` moves files (old URI → new URI); `creates` writes new files. */
export interface WorkspaceEdit {
  changes: Map<string, TextEdit[]>;
  renames?: { from: string; to: string }[];
  creates?: { uri: string; text: string }[];
}

export type CompletionKind =
  | 'setting'
  | 'flag'
  | 'value'
  | 'enum'
  | 'address'
  | 'service'
  | 'host'
  | 'network'
  | 'container'
  | 'file'
  | 'port'
  | 'snippet'
  | 'key';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** One line beside the label (type, network, owner...). */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  deprecated?: boolean;
  /** Text replacing `replace`; a snippet (`$1`, `${1|a,b|}`) when `snippet`. */
  insertText: string;
  snippet?: boolean;
  replace: Span;
  sortText: string;
  filterText?: string;
  /** Further edits, possibly in other files (e.g. declaring a service in the inventory). */
  additionalEdits?: { uri: string; edit: TextEdit }[];
  preselect?: boolean;
}

export interface HoverResult {
  /** Markdown. */
  contents: string;
  span: Span;
}

export type SymbolKind = 'block' | 'setting' | 'section' | 'network' | 'host' | 'container' | 'service' | 'key';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  span: Span;
  selection: Span;
  children: DocumentSymbol[];
}

export interface WorkspaceSymbol {
  name: string;
  kind: SymbolKind;
  container?: string;
  location: Location;
}

/** A cancellation check the protocol layer passes down (LSP cancellation tokens). */
export type IsCancelled = () => boolean;
export const neverCancelled: IsCancelled = () => false;
