import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

import { extensions, languages } from './languages';
import { findServer, installCommand, isFile, minVersion, serverVersion, tooOld } from './server';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
// The last problem shown to the user; the same one is not shown again until
// it is fixed, so a missing server is one message, not one per activation.
let shownProblem = '';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('cscmd', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('cscmd.restartServer', () => restart(context, true)),
    vscode.commands.registerCommand('cscmd.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cscmd.path')) {
        void restart(context, false);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function restart(context: vscode.ExtensionContext, fromCommand: boolean): Promise<void> {
  await stop();
  if (fromCommand) {
    shownProblem = ''; // asked for explicitly: say it again if it still fails
  }
  await start(context);
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(5000);
    } catch (e) {
      output.appendLine(`stopping the server: ${String(e)}`);
    }
  }
}

// problem logs a message and shows it once, with the actions that fix it.
async function problem(message: string, missing: boolean): Promise<void> {
  output.appendLine(message);
  if (message === shownProblem) {
    return;
  }
  shownProblem = message;
  const actions = missing ? ['Copy install command', 'Open settings'] : ['Show output', 'Open settings'];
  const choice = await vscode.window.showErrorMessage(message, ...actions);
  if (choice === 'Copy install command') {
    await vscode.env.clipboard.writeText(installCommand);
  } else if (choice === 'Open settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'cscmd.path');
  } else if (choice === 'Show output') {
    output.show(true);
  }
}

// ensureExecutable sets the executable bits of the bundled server, which an
// extension installed by unzipping by hand may have lost.
function ensureExecutable(p: string): void {
  if (process.platform === 'win32') {
    return;
  }
  try {
    fs.accessSync(p, fs.constants.X_OK);
  } catch {
    try {
      fs.chmodSync(p, 0o755);
    } catch (e) {
      output.appendLine(`cannot make ${p} executable: ${String(e)}`);
    }
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const found = findServer({
    setting: vscode.workspace.getConfiguration('cscmd').get<string>('path', ''),
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    extensionPath: context.extensionPath,
    envPath: process.env.PATH ?? '',
    platform: process.platform,
    isFile,
  });
  if (found === undefined) {
    await problem(`cscmd: the cscmd language server is not installed. Install it with "${installCommand}" (Go 1.26 or newer), or set cscmd.path.`, true);
    return;
  }
  if ('error' in found) {
    await problem(`cscmd: ${found.error}. Install cscmd with "${installCommand}", or fix the setting.`, true);
    return;
  }
  if (found.source === 'bundled') {
    ensureExecutable(found.path);
  }
  let version: string;
  try {
    version = await serverVersion(found.path);
  } catch (e) {
    await problem(`cscmd: ${(e as Error).message}`, false);
    return;
  }
  output.appendLine(`cscmd ${version} from ${found.source}: ${found.path}`);
  if (tooOld(version)) {
    await problem(`cscmd: ${found.path} is cscmd ${version}; this extension needs ${minVersion} or newer. Update it with "${installCommand}".`, true);
    return;
  }
  shownProblem = '';

  const serverOptions: ServerOptions = {
    command: found.path,
    args: ['lsp'],
    transport: TransportKind.stdio, // adds --stdio and --clientProcessId
  };
  let startedAt = Date.now();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...languages.map((language) => ({ language })),
      { scheme: 'file', pattern: `**/*.{${extensions.join(',')}}` },
    ],
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // A server that dies soon after it starts would die again: stop and say
    // so once, rather than let the client restart it in a loop. One that ran
    // for a while is restarted.
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        if (Date.now() - startedAt < 60_000) {
          void problem(`cscmd: the language server (${found.path}) stopped soon after it started; see the cscmd output. Run "cscmd: Restart the language server" to try again.`, false);
          return { action: CloseAction.DoNotRestart, handled: true };
        }
        startedAt = Date.now();
        output.appendLine('the language server stopped; restarting it');
        return { action: CloseAction.Restart, handled: true };
      },
    },
  };
  const c = new LanguageClient('cscmd', 'cscmd', serverOptions, clientOptions);
  client = c;
  try {
    await c.start();
  } catch (e) {
    client = undefined;
    await problem(`cscmd: the language server did not start: ${String(e)}`, false);
  }
}
