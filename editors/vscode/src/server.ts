// Finding the cscmd executable and checking that it is one: pure functions
// over the file system and a process runner, so the lookup order can be
// tested without VS Code.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const installCommand = 'go install github.com/web1on1/cscmd/cmd/cscmd@latest';

// minVersion is the oldest release with what the extension relies on:
// `lsp --stdio`, --clientProcessId and languages by file extension.
// Development builds (0.0.0-…, a go install of an untagged commit) pass.
export const minVersion = '0.1.0';

export type Source = 'setting' | 'bundled' | 'PATH';

export interface Found {
  path: string;
  source: Source;
}

export interface Lookup {
  setting: string; // cscmd.path, '' when unset
  workspaceFolder?: string; // a relative cscmd.path is taken from here
  extensionPath: string;
  envPath: string;
  platform: NodeJS.Platform;
  isFile: (p: string) => boolean;
}

export function executableName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'cscmd.exe' : 'cscmd';
}

// findServer returns the server named by the setting, else the one bundled
// for this platform, else the first on PATH; undefined when there is none.
// A setting that names no file is an error the user must see, not a reason
// to quietly run another cscmd.
export function findServer(l: Lookup): Found | { error: string } | undefined {
  const exe = executableName(l.platform);
  if (l.setting !== '') {
    let p = l.setting;
    if (p.startsWith('~/') && process.env.HOME) {
      p = path.join(process.env.HOME, p.slice(2));
    } else if (!path.isAbsolute(p) && l.workspaceFolder) {
      p = path.join(l.workspaceFolder, p);
    }
    return l.isFile(p) ? { path: p, source: 'setting' } : { error: `cscmd.path is set to "${l.setting}", which is not a file` };
  }
  const bundled = path.join(l.extensionPath, 'server', exe);
  if (l.isFile(bundled)) {
    return { path: bundled, source: 'bundled' };
  }
  const delimiter = l.platform === 'win32' ? ';' : ':';
  for (const dir of l.envPath.split(delimiter)) {
    if (dir === '') {
      continue;
    }
    const p = path.join(dir, exe);
    if (l.isFile(p)) {
      return { path: p, source: 'PATH' };
    }
  }
  return undefined;
}

export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

// parseVersion reads the output of `cscmd version`: "cscmd VERSION", then
// what the build says of itself ("(revision …, go1.26.8)").
export function parseVersion(out: string): string | undefined {
  const m = /^cscmd v?(\d+\.\d+\.\d+[^\s(]*)(?:\s|$)/m.exec(out);
  return m ? m[1] : undefined;
}

// tooOld reports whether version is a release older than minVersion.
export function tooOld(version: string): boolean {
  if (version.startsWith('0.0.0-')) {
    return false;
  }
  const nums = (v: string) => v.split(/[-+]/)[0].split('.').map(Number);
  const a = nums(version);
  const b = nums(minVersion);
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) {
      return a[i] < b[i];
    }
  }
  return false;
}

// serverVersion runs `cscmd version` and returns its version, or throws with
// a message that says what went wrong.
export function serverVersion(exe: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(exe, ['version'], { timeout: 10000 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`"${exe} version" failed: ${err.message.trim()} ${stderr.trim()}`.trim()));
        return;
      }
      const v = parseVersion(stdout);
      if (v === undefined) {
        reject(new Error(`"${exe} version" printed ${JSON.stringify(stdout.trim())}, not "cscmd VERSION": is it cscmd?`));
        return;
      }
      resolve(v);
    });
  });
}
