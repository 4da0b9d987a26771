// Runs work after the LSP messages already waiting. vscode-jsonrpc handles one
// queued message per setImmediate turn, and a timer fires before the next turn:
// a check started by setTimeout(0) after a didChange ran before the completion
// request that came with it. Two turns of our own let the message that follows
// through first; a keystroke's work then waits behind the request, not the reverse.
export function afterQueuedMessages(run: () => void): () => void {
  let cancelled = false;
  setImmediate(() => {
    if (!cancelled) setImmediate(() => !cancelled && run());
  });
  return () => {
    cancelled = true;
  };
}
