// The completion list in the smaller shape of LSP 3.17 for clients that take
// item defaults (`completionList.itemDefaults`; VS Code announces them): the
// range most items replace and their most common text format are said once,
// in the list, and an item states them only where it differs; an item whose
// text is its label then says no text at all (`textEditText` otherwise), and
// items carry no data to be resolved by (the list's says which list). A
// list of 300 settings, answered after every keystroke, is about half the
// bytes to build, encode and send: less of the server's garbage at each
// keystroke, and fewer of the collections that follow it. A client that does
// not announce them (Neovim's, Emacs') gets every item whole, as before.
import type { InsertTextFormat } from 'vscode-languageserver/node';
import type { Span } from '../../syntax/value';

/** The item defaults this server uses, as the client's `completionList.itemDefaults` names them. */
export interface ItemDefaultsSupport {
  editRange: boolean;
  insertTextFormat: boolean;
  data: boolean;
}

/** What the client announced (`textDocument.completion.completionList.itemDefaults`). */
export function itemDefaultsSupport(announced: unknown): ItemDefaultsSupport {
  const names: unknown[] = Array.isArray(announced) ? announced : [];
  return { editRange: names.includes('editRange'), insertTextFormat: names.includes('insertTextFormat'), data: names.includes('data') };
}

/** What a list's items share, said once in the list (each undefined where the client takes no such default). */
export interface ListDefaults {
  span?: Span;
  format?: InsertTextFormat;
}

/** An item as far as the defaults go: the span its text replaces, and its text format. */
export interface ItemShape {
  span: Span;
  format: InsertTextFormat;
}

/**
 * A value that most entries share, found without a table (Boyer-Moore's
 * majority vote: the one more than half share, if any; else one of the
 * frequent ones, still a correct default, only a less useful one).
 */
function frequent<T>(items: readonly ItemShape[], of: (i: ItemShape) => T, same: (a: T, b: T) => boolean): T | undefined {
  let candidate: T | undefined;
  let votes = 0;
  for (let i = 0; i < items.length; i++) {
    const v = of(items[i]);
    if (votes === 0) {
      candidate = v;
      votes = 1;
    } else if (candidate !== undefined && same(candidate, v)) votes++;
    else votes--;
  }
  return candidate;
}

const sameSpan = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;

/** The defaults of a list of items of these shapes: what most share, where the client takes it (none for fewer than two items). */
export function listDefaults(items: readonly ItemShape[], support: ItemDefaultsSupport): ListDefaults {
  if (items.length < 2) return {};
  return {
    span: support.editRange ? frequent(items, (i) => i.span, sameSpan) : undefined,
    format: support.insertTextFormat ? frequent(items, (i) => i.format, (a, b) => a === b) : undefined,
  };
}

/** Whether an item replacing `span` takes the list's default range. */
export function takesDefaultSpan(span: Span, defaults: ListDefaults): boolean {
  return defaults.span !== undefined && defaults.span.start === span.start && defaults.span.end === span.end;
}
