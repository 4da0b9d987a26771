// What the client sent that the server has not handled yet. The whole check
// asks here between its steps and lets it through first: a message still
// arriving (a 4 MB didOpen is read from stdin 64 KB per turn of the event
// loop), and a message read in full that vscode-jsonrpc has not handed to its
// handler yet. The latter takes two more turns (its reader decodes behind a
// semaphore that waits a turn, then its queue dispatches a turn later): a
// check that went on after one turn ran a whole slice more before a keystroke
// that came during it was even seen. Messages are counted as framed on the
// stream (Content-Length) and as dispatched (the connection's message strategy).
import type { Message, MessageStrategy } from 'vscode-languageserver/node';

/** Pauses in a row with a message undispatched and nothing moving, after which it is taken as never to come (a cancelled queued request is dropped, its cancel too). */
const STALLED_PAUSES = 4;
/** A header longer than this is no LSP header: counting stops (and so does the waiting for dispatch). */
const MAX_HEADER = 8192;

export class InputFlow {
  private chunks = 0;
  /** Messages read in full from the stream. */
  private framed = 0;
  /** Messages handed to their handler. */
  private handled = 0;
  /** Messages read in full that will never be dispatched (see STALLED_PAUSES). */
  private dropped = 0;
  private header = '';
  /** Bytes of the current message's body still to come; -1 while reading a header. */
  private bodyLeft = -1;
  private framing = true;
  private stalled = 0;
  private lastProgress = -1;

  /** Given to createConnection: counts each message as it is dispatched. */
  readonly strategy: MessageStrategy = {
    handleMessage: (message: Message, next: (message: Message) => void): void => {
      this.handled++;
      return next(message);
    },
  };

  constructor(stream?: NodeJS.ReadableStream) {
    // A listener beside the JSON-RPC reader's: counting does not change how the stream flows.
    stream?.on('data', (chunk: Buffer | string) => {
      this.chunks++;
      if (this.framing) this.frame(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    });
  }

  /** A mark to compare with later: has anything arrived since? */
  get mark(): number {
    return this.chunks;
  }

  /** Messages read in full and not dispatched yet. */
  get undispatched(): number {
    return Math.max(0, this.framed - this.handled - this.dropped);
  }

  /**
   * Whether a message read in full still waits for its handler; asked once
   * per pause of the check. One that waits through STALLED_PAUSES pauses in a
   * row while nothing else moves is taken as dropped, so the check never
   * waits for good.
   */
  waiting(): boolean {
    if (this.handled + this.dropped > this.framed) this.dropped = Math.max(0, this.framed - this.handled);
    if (this.undispatched === 0) {
      this.stalled = 0;
      return false;
    }
    const progress = this.chunks + this.handled;
    this.stalled = progress === this.lastProgress ? this.stalled + 1 : 0;
    this.lastProgress = progress;
    if (this.stalled < STALLED_PAUSES) return true;
    this.dropped += this.undispatched;
    this.stalled = 0;
    return false;
  }

  /** Counts the messages a chunk completes (headers, then Content-Length bytes of body). */
  private frame(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft >= 0) {
        const take = Math.min(this.bodyLeft, chunk.length - at);
        this.bodyLeft -= take;
        at += take;
        if (this.bodyLeft === 0) {
          this.framed++;
          this.bodyLeft = -1;
        }
        continue;
      }
      // A header's end may straddle two chunks: what came of it before is searched again with this one.
      const before = this.header;
      const text = before === '' ? '' : before + chunk.toString('latin1', at, Math.min(chunk.length, at + MAX_HEADER));
      const end = before === '' ? chunk.indexOf('\r\n\r\n', at, 'latin1') - at : text.indexOf('\r\n\r\n');
      if (end < 0) {
        this.header = before === '' ? chunk.toString('latin1', at) : text;
        if (this.header.length > MAX_HEADER) this.framing = false;
        return;
      }
      const header = before === '' ? chunk.toString('latin1', at, at + end) : text.slice(0, end);
      const length = /(?:^|\r\n)content-length:\s*(\d+)/i.exec(header);
      if (!length) {
        this.framing = false;
        return;
      }
      at += end + 4 - before.length;
      this.header = '';
      this.bodyLeft = Number(length[1]);
      if (this.bodyLeft === 0) {
        this.framed++;
        this.bodyLeft = -1;
      }
    }
  }
}
