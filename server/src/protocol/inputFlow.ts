// Whether a client message is still arriving. A large one (a 4 MB inventory
// opened in full by didOpen) is read from stdin 64 KB per turn of the event
// loop; when the whole check runs a long step between turns, receiving it
// took longer than checking it (65 chunks over 750 ms at 10,000 machines).
// The check asks here between its steps and lets the rest of the message in first.
export class InputFlow {
  private chunks = 0;

  constructor(stream?: NodeJS.ReadableStream) {
    // A listener beside the JSON-RPC reader's: counting does not change how the stream flows.
    stream?.on('data', () => this.chunks++);
  }

  /** A mark to compare with later: has anything arrived since? */
  get mark(): number {
    return this.chunks;
  }
}
