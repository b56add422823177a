import assert from 'node:assert/strict';
import { test } from 'node:test';

import { findServer, Lookup, parseVersion, tooOld } from '../src/server';

function lookup(files: string[], over: Partial<Lookup> = {}): Lookup {
  return {
    setting: '',
    extensionPath: '/ext',
    envPath: '/usr/local/bin:/usr/bin',
    platform: 'linux',
    isFile: (p) => files.includes(p),
    ...over,
  };
}

test('the setting comes first', () => {
  assert.deepEqual(findServer(lookup(['/opt/cscmd', '/ext/server/cscmd', '/usr/bin/cscmd'], { setting: '/opt/cscmd' })),
    { path: '/opt/cscmd', source: 'setting' });
});

test('a relative setting is taken from the workspace folder', () => {
  assert.deepEqual(findServer(lookup(['/ws/bin/cscmd'], { setting: 'bin/cscmd', workspaceFolder: '/ws' })),
    { path: '/ws/bin/cscmd', source: 'setting' });
});

test('a setting that names no file is an error, not a fallback', () => {
  const found = findServer(lookup(['/ext/server/cscmd'], { setting: '/nope/cscmd' }));
  assert.ok(found && 'error' in found);
  assert.match(found.error, /cscmd\.path is set to "\/nope\/cscmd", which is not a file/);
});

test('then the bundled server', () => {
  assert.deepEqual(findServer(lookup(['/ext/server/cscmd', '/usr/bin/cscmd'])), { path: '/ext/server/cscmd', source: 'bundled' });
});

test('then PATH, in order', () => {
  assert.deepEqual(findServer(lookup(['/usr/bin/cscmd', '/usr/local/bin/cscmd'])), { path: '/usr/local/bin/cscmd', source: 'PATH' });
});

test('windows looks for cscmd.exe along a ;-separated PATH', () => {
  const found = findServer(lookup(['C:\\go\\bin/cscmd.exe'], { platform: 'win32', envPath: 'C:\\tools;C:\\go\\bin' }));
  assert.deepEqual(found, { path: 'C:\\go\\bin/cscmd.exe', source: 'PATH' });
});

test('none', () => {
  assert.equal(findServer(lookup([])), undefined);
});

test('versions', () => {
  assert.equal(parseVersion('cscmd 0.1.0\n'), '0.1.0');
  assert.equal(parseVersion('cscmd 0.1.0 (go1.26.8)\n'), '0.1.0');
  assert.equal(parseVersion('cscmd v0.0.0-20261130051301-926f45c1a2b3\n'), '0.0.0-20261130051301-926f45c1a2b3');
  assert.equal(parseVersion('cscmd 0.0.0-devel\n'), '0.0.0-devel');
  assert.equal(parseVersion('cscmd 0.1.0-test (go1.26.8)\n'), '0.1.0-test');
  assert.equal(parseVersion('cscmd v1.2.0 (revision 926f45c, 2026-11-30T05:13:01Z, modified; go1.26.8)\n'), '1.2.0');
  assert.equal(parseVersion('cscmd: unknown command\n'), undefined);
  assert.equal(parseVersion('Usage: cscmd <command>\n'), undefined);
  assert.equal(tooOld('0.0.0-devel'), false, 'a development build passes');
  assert.equal(tooOld('0.1.0'), false);
  assert.equal(tooOld('1.0.0'), false);
  assert.equal(tooOld('0.0.9'), true);
});
