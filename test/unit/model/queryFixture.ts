// Shared by the query-engine tests: an engine over three small texts
// (`a`, `b`, `c`), with the text input its queries read.
import { Engine, Input } from '../../../server/src/model/query/engine';

export interface Owner {
  texts: Map<string, string>;
}

export function setup(): { engine: Engine<Owner>; owner: Owner; text: Input<string> } {
  const owner: Owner = { texts: new Map([['a', 'x'], ['b', 'y'], ['c', 'z']]) };
  const engine = new Engine<Owner>(owner);
  const text = new Input<string>(engine, 'text', (k) => owner.texts.get(k) ?? '');
  return { engine, owner, text };
}
