// Watches the language client's state: vscode-languageclient restarts a
// crashed server by itself; this tells the user once (not on every restart)
// and refreshes the tree when the server is back. A stop the user asked for
// (Restart Language Server, deactivation) is not a crash.
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';

export class ServerHealth implements vscode.Disposable {
  private restartCount = 0;
  private everRunning = false;
  private expectedStop = false;
  private warned = false;
  private readonly subscription: vscode.Disposable;

  constructor(client: LanguageClient, output: vscode.LogOutputChannel, onBackUp: () => void) {
    this.subscription = client.onDidChangeState((event) => {
      if (event.newState === State.Running) {
        if (this.everRunning) onBackUp();
        this.everRunning = true;
        this.expectedStop = false;
      } else if (event.newState === State.Starting && this.everRunning && !this.expectedStop) {
        this.restartCount++;
        output.warn(`The Homelab language server stopped unexpectedly and is being restarted (restart ${this.restartCount}).`);
        if (!this.warned) {
          this.warned = true;
          void vscode.window
            .showWarningMessage('Homelab Profiles: the language server stopped unexpectedly and was restarted.', 'Show Output')
            .then((choice) => choice && output.show());
        }
      }
    });
  }

  /** Call before a stop or restart the user asked for. */
  expectStop(): void {
    this.expectedStop = true;
  }

  get restarts(): number {
    return this.restartCount;
  }

  dispose(): void {
    this.expectedStop = true;
    this.subscription.dispose();
  }
}
