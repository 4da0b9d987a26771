// The documents the client has open, kept from didOpen/didChange/didClose.
// Each didChange carries ranges (the server announces incremental sync): they
// are turned into offset edits here and handed on
// with the new text, so nothing downstream diffs the whole text to find what
// a keystroke changed. A change without a range (full text) has no region:
// its reader falls back to a diff, and that fallback is counted.
import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { EditRegion } from '../checks';

export interface DocumentEvent {
  uri: string;
  text: string;
  version: number;
}

export interface DocumentChange extends DocumentEvent {
  /** Where the text changed, as offsets, in order (each in the text its predecessor left); undefined when the client sent the whole text. */
  edits: EditRegion[] | undefined;
}

/** Two successive edits as one: `first` turned text 0 into text 1, `second` text 1 into text 2. */
export function composeEdits(first: EditRegion, second: EditRegion): EditRegion {
  const start = Math.min(first.start, second.start);
  // The end of both edits in text 1, then mapped back to text 0 and on to text 2.
  const end1 = Math.max(first.newEnd, second.oldEnd);
  return { start, oldEnd: end1 - (first.newEnd - first.oldEnd), newEnd: end1 + (second.newEnd - second.oldEnd) };
}

export class OpenDocuments {
  private readonly docs = new Map<string, TextDocument>();

  constructor(
    private readonly on: {
      opened: (e: DocumentEvent) => void;
      changed: (e: DocumentChange) => void;
      closed: (uri: string) => void;
    },
  ) {}

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  listen(connection: Connection): void {
    connection.onDidOpenTextDocument(({ textDocument: d }) => {
      const doc = TextDocument.create(d.uri, d.languageId, d.version, d.text);
      this.docs.set(d.uri, doc);
      this.on.opened({ uri: d.uri, text: doc.getText(), version: d.version });
    });
    connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => {
      const doc = this.docs.get(d.uri);
      if (!doc || contentChanges.length === 0) return;
      const edits = this.apply(doc, contentChanges, d.version ?? doc.version + 1);
      this.on.changed({ uri: d.uri, text: doc.getText(), version: doc.version, edits });
    });
    connection.onDidCloseTextDocument(({ textDocument: d }) => {
      if (!this.docs.delete(d.uri)) return;
      this.on.closed(d.uri);
    });
  }

  /** Applies the changes one by one (each range is in the text its predecessors left) and returns them as offsets. */
  private apply(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): EditRegion[] | undefined {
    const edits: EditRegion[] = [];
    let known = true;
    for (const change of changes) {
      if ('range' in change && change.range) {
        const start = doc.offsetAt(change.range.start);
        const end = Math.max(start, doc.offsetAt(change.range.end));
        edits.push({ start, oldEnd: end, newEnd: start + change.text.length });
      } else known = false;
      TextDocument.update(doc, [change], version);
    }
    return known ? edits : undefined;
  }
}
