import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ClientRequest } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface as createPromiseInterface } from 'node:readline/promises';
import { PassThrough, Readable } from 'node:stream';
import type { TSESTree } from '@typescript-eslint/types';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type AbortableApi,
  abortableApiAt,
  abortableApis,
  describeAbortableApi,
  findAbortableCalls,
  moduleObjectAliases,
  parseFile,
  signalArgumentOf,
  walk,
} from '../src/index';

const require = createRequire(import.meta.url);
const core = (name: string) => require(`node:${name}`) as Record<string, unknown>;

/** The last call in `code` that is not a `require`. */
function lastCall(code: string, filePath = 'file.ts') {
  const file = parseFile(code, filePath);
  let call: TSESTree.CallExpression | null = null;
  walk(file.ast, file.visitorKeys, (node) => {
    if (node.type === 'CallExpression' && !(node.callee.type === 'Identifier' && node.callee.name === 'require')) call = node;
  });
  if (!call) throw new Error('no call');
  return { file, call: call as TSESTree.CallExpression };
}

function apiOfLastCall(code: string, filePath?: string): string | null {
  const { file, call } = lastCall(code, filePath);
  const api = abortableApiAt(file, call);
  return api ? describeAbortableApi(api) : null;
}

describe('abortableApiAt resolves what the callee is', () => {
  it.each([
    ['fetch(url);', 'fetch'],
    ['globalThis.fetch(url);', 'fetch'],
    ['AbortSignal.timeout(1000);', 'AbortSignal.timeout'],
    ['setTimeout(done, 10);', 'setTimeout'],
    ["import { readFile } from 'node:fs/promises';\nreadFile(p);", 'fs/promises.readFile'],
    ["import fs from 'fs';\nfs.promises.readFile(p);", 'fs/promises.readFile'],
    ["const { promises: fsp } = require('fs');\nfsp.writeFile(p, d);", 'fs/promises.writeFile'],
    ["import * as fsp from 'fs/promises';\nfsp.watch(p);", 'fs/promises.watch'],
    ["const fs = require('node:fs');\nfs.readFile(p, cb);", 'fs.readFile'],
    ["import { setTimeout as sleep } from 'node:timers/promises';\nsleep(10);", 'timers/promises.setTimeout'],
    ["import timers from 'node:timers';\ntimers.promises.setTimeout(10);", 'timers/promises.setTimeout'],
    ["import { setTimeout } from 'node:timers';\nsetTimeout(cb, 10);", 'timers.setTimeout'],
    ["import { once } from 'events';\nonce(emitter, 'ready');", 'events.once'],
    ["import { EventEmitter } from 'node:events';\nEventEmitter.once(emitter, 'ready');", 'events.once'],
    ["const events = require('events');\nevents.on(emitter, 'data');", 'events.on'],
    ["import { execFile } from 'node:child_process';\nexecFile('git', ['status']);", 'child_process.execFile'],
    ["require('child_process').spawn('ls');", 'child_process.spawn'],
    ["import { pipeline } from 'node:stream/promises';\npipeline(a, b);", 'stream/promises.pipeline'],
    ["import stream from 'stream';\nstream.promises.finished(s);", 'stream/promises.finished'],
    ["import { finished } from 'stream';\nfinished(s, cb);", 'stream.finished'],
    ["import https from 'node:https';\nhttps.get(url, cb);", 'https.get'],
    ["import { request } from 'undici';\nrequest(url);", 'undici.request'],
    ["import { fetch } from 'undici';\nfetch(url);", 'undici.fetch'],
    ["import readline from 'node:readline/promises';\nconst rl = readline.createInterface({ input });\nrl.question('Name? ');", 'readline/promises.Interface#question'],
    ["const { createInterface } = require('readline');\nconst rl = createInterface({ input });\nrl.question('Name? ', cb);", 'readline.Interface#question'],
  ])('%s → %s', (code, expected) => {
    expect(apiOfLastCall(code)).toBe(expected);
  });

  it.each([
    // A user's own fetch shadows the global.
    'function fetch(u: string) { return u; }\nfetch(url);',
    'async function get(fetch: (u: string) => Promise<unknown>) {\n  return fetch(url);\n}',
    // A method named like the API is not the API.
    'client.fetch(url);',
    'this.request(url);',
    // A user's AbortSignal, setTimeout, or a member of another package.
    'const AbortSignal = { timeout() {} };\nAbortSignal.timeout(1);',
    "import { setTimeout } from './scheduler';\nsetTimeout(cb, 1);",
    "import got from 'got';\ngot.request(url);",
    "import { readFile } from 'fs-extra';\nreadFile(p);",
    // A question on something that is not a readline interface.
    'const rl = makePrompt();\nrl.question("Name? ");',
    // Reassigned bindings resolve to nothing.
    "let fsp = require('fs/promises');\nfsp = fake;\nfsp.readFile(p);",
  ])('resolves nothing: %s', (code) => {
    expect(apiOfLastCall(code)).toBeNull();
  });

  it('findAbortableCalls finds the same calls from the bindings, in source order', () => {
    const code = [
      "import fs from 'node:fs';",
      "import { once } from 'node:events';",
      'async function main(fetch2: unknown) {',
      '  await fetch(url);',
      '  await fs.promises.readFile(p);',
      '  await once(emitter, "x");',
      '  client.fetch(url);',
      "  require('https').get(url);",
      '  setTimeout(cb, 1);',
      '}',
    ].join('\n');
    const file = parseFile(code, 'file.ts');
    expect(findAbortableCalls(file).map((c) => describeAbortableApi(c.api))).toEqual(['fetch', 'fs/promises.readFile', 'events.once', 'https.get', 'setTimeout']);
  });
});

describe('signalArgumentOf says what a call was given', () => {
  const kindOf = (code: string) => {
    const { file, call } = lastCall(code);
    const api = abortableApiAt(file, call);
    if (!api) throw new Error('not catalogued');
    const argument = signalArgumentOf(call, api);
    if (argument.kind === 'passed') return `passed ${file.text.slice(argument.signal.range[0], argument.signal.range[1])}`;
    if (argument.kind === 'absent') return `absent at ${argument.index}${argument.options ? ' (literal)' : ''}`;
    return 'unknown';
  };
  it.each([
    ['fetch(url);', 'absent at 1'],
    ['fetch(url, { method: "POST" });', 'absent at 1 (literal)'],
    ['fetch(url, { signal });', 'passed signal'],
    ['fetch(url, { signal: controller.signal });', 'passed controller.signal'],
    ['fetch(url, { signal: undefined });', 'absent at 1 (literal)'],
    ['fetch(url, init);', 'unknown'],
    ["import { readFile } from 'fs/promises';\nreadFile(p, 'utf8');", 'absent at 1'],
    ['fetch(url, { ...init });', 'unknown'],
    ['fetch(url, { ...init, signal });', 'unknown'],
    ['fetch(...args);', 'unknown'],
    ["import { exec } from 'child_process';\nexec('ls', (err) => {});", 'absent at 1'],
    ["import { execFile } from 'child_process';\nexecFile('git', ['status'], { signal: s }, cb);", 'passed s'],
    ["import { execFile } from 'child_process';\nexecFile('git', { signal: s }, cb);", 'passed s'],
    ["import { spawn } from 'child_process';\nspawn('git', args);", 'unknown'],
    ["import http from 'http';\nhttp.request({ host, signal: s });", 'passed s'],
    ["import http from 'http';\nhttp.request('http://x', { signal: s });", 'passed s'],
    ["import http from 'http';\nhttp.get(url, (res) => {});", 'unknown'],
    ["import { pipeline } from 'stream/promises';\npipeline(a, b, { signal: s });", 'passed s'],
    ["import { pipeline } from 'stream/promises';\npipeline(a, b);", 'unknown'],
    ["import { addAbortSignal } from 'stream';\naddAbortSignal(s, readable);", 'passed s'],
    ["import { setTimeout } from 'timers/promises';\nsetTimeout(10);", 'absent at 2'],
  ])('%s → %s', (code, expected) => {
    expect(kindOf(code)).toBe(expected);
  });
});

// Each entry that accepts a signal is called on real Node with an aborted signal placed where the
// catalogue says; the call must fail with AbortError. A wrong argument index would leave the call
// running (or fail differently), so these check the placement, not only that the function exists.
const work = mkdtempSync(path.join(tmpdir(), 'asyncwise-abortable-'));
const file = path.join(work, 'data.txt');
writeFileSync(file, 'data');
const child = path.join(work, 'child.js');
writeFileSync(child, 'setTimeout(() => {}, 5000);\n');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `args` with `{ signal }` inserted where the catalogue puts the options (or the signal itself). */
function placed(api: AbortableApi, args: unknown[], signal: AbortSignal): unknown[] {
  const placement = api.signal;
  if (placement === null) throw new Error(`${describeAbortableApi(api)} takes no signal`);
  const out = [...args];
  if (placement.kind === 'argument') out.splice(placement.argument, 0, signal);
  else out.splice(placement.argument < 0 ? out.length : placement.argument, 0, { signal });
  return out;
}

type Call = (...args: unknown[]) => unknown;
const member = (module: string, name: string) => core(module)[name] as Call;
/** Settles with the error an emitter emits, or a callback receives. */
const errorOf = (emitter: { on(event: 'error', listener: (error: Error) => void): unknown }) =>
  new Promise<Error>((resolve) => emitter.on('error', resolve));
const rejection = async (run: () => unknown) => {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('resolved');
};

/** How to call each entry with a signal at `place`, and get the error it ends with. */
const realCalls: Record<string, (api: AbortableApi, signal: AbortSignal) => Promise<Error> | Error> = {
  fetch: (api, s) => rejection(() => fetch(...(placed(api, ['http://127.0.0.1:9/'], s) as [string, RequestInit]))),
  'fs/promises.readFile': (api, s) => rejection(() => member('fs/promises', 'readFile')(...placed(api, [file], s))),
  'fs/promises.writeFile': (api, s) => rejection(() => member('fs/promises', 'writeFile')(...placed(api, [file, 'x'], s))),
  'fs/promises.watch': (api, s) => rejection(() => (member('fs/promises', 'watch')(...placed(api, [work], s)) as AsyncIterator<unknown>).next()),
  'fs.readFile': (api, s) => new Promise((resolve) => member('fs', 'readFile')(...placed(api, [file, resolve], s))),
  'fs.writeFile': (api, s) => new Promise((resolve) => member('fs', 'writeFile')(...placed(api, [file, 'x', resolve], s))),
  'timers/promises.setTimeout': (api, s) => rejection(() => member('timers/promises', 'setTimeout')(...placed(api, [5000, 'v'], s))),
  'timers/promises.setImmediate': (api, s) => rejection(() => member('timers/promises', 'setImmediate')(...placed(api, ['v'], s))),
  'timers/promises.setInterval': (api, s) =>
    rejection(() => (member('timers/promises', 'setInterval')(...placed(api, [5000, 'v'], s)) as AsyncIterator<unknown>).next()),
  'events.once': (api, s) => rejection(() => member('events', 'once')(...placed(api, [new EventEmitter(), 'x'], s))),
  'events.on': (api, s) =>
    rejection(() => (member('events', 'on')(...placed(api, [new EventEmitter(), 'x'], s)) as AsyncIterator<unknown>).next()),
  'child_process.exec': (api, s) =>
    new Promise((resolve) => member('child_process', 'exec')(...placed(api, [`"${process.execPath}" "${child}"`, resolve], s))),
  'child_process.execFile': (api, s) => new Promise((resolve) => member('child_process', 'execFile')(...placed(api, [process.execPath, [child], resolve], s))),
  'child_process.spawn': (api, s) => errorOf(member('child_process', 'spawn')(...placed(api, [process.execPath, [child]], s)) as ChildProcess),
  'child_process.fork': (api, s) => errorOf(member('child_process', 'fork')(...placed(api, [child, []], s)) as ChildProcess),
  'stream.finished': (api, s) => {
    return new Promise((resolve) => member('stream', 'finished')(...placed(api, [new PassThrough(), resolve], s)));
  },
  'stream.addAbortSignal': (api, s) => {
    const stream = new PassThrough();
    const errored = errorOf(stream);
    member('stream', 'addAbortSignal')(...placed(api, [stream], s));
    return errored;
  },
  'stream/promises.pipeline': (api, s) => {
    return rejection(() => member('stream/promises', 'pipeline')(...placed(api, [Readable.from(['a']), new PassThrough()], s)));
  },
  'stream/promises.finished': (api, s) => {
    return rejection(() => member('stream/promises', 'finished')(...placed(api, [new PassThrough()], s)));
  },
  'readline/promises.Interface#question': (api, s) => {
    const rl = createPromiseInterface({ input: new PassThrough(), output: new PassThrough() });
    return rejection(() => (rl.question as Call)(...placed(api, ['Name? '], s))).finally(() => rl.close());
  },
  'http.request': (api, s) => {
    const request = member('http', 'request')(...placed(api, ['http://127.0.0.1:9/'], s)) as ClientRequest;
    request.end();
    return errorOf(request);
  },
  'http.get': (api, s) => errorOf(member('http', 'get')(...placed(api, ['http://127.0.0.1:9/'], s)) as ClientRequest),
  'https.request': (api, s) => {
    const request = member('https', 'request')(...placed(api, ['https://127.0.0.1:9/'], s)) as ClientRequest;
    request.end();
    return errorOf(request);
  },
  'https.get': (api, s) => errorOf(member('https', 'get')(...placed(api, ['https://127.0.0.1:9/'], s)) as ClientRequest),
};

/** Entries checked another way, and why. */
const notCalled: Record<string, string> = {
  // The callback form gets no AbortError: an aborted question never calls back (checked below).
  'readline.Interface#question': 'checked below',
  // undici is a package, not part of Node: its declared options are checked instead.
  'undici.request': 'a package',
  'undici.fetch': 'a package',
};

describe('the abortableApis catalogue matches Node', () => {
  const accepting = abortableApis.filter((api) => api.role === 'accepts-signal');

  it('every entry that takes a signal is checked', () => {
    for (const api of accepting) expect(Object.hasOwn(realCalls, describeAbortableApi(api)) || Object.hasOwn(notCalled, describeAbortableApi(api))).toBe(true);
  });

  it.each(accepting.filter((api) => Object.hasOwn(realCalls, describeAbortableApi(api))).map((api) => [describeAbortableApi(api), api] as const))(
    '%s stops with AbortError when the signal is where the catalogue says',
    async (name, api) => {
      const run = realCalls[name];
      if (!run) throw new Error(name);
      const error = await run(api, AbortSignal.abort());
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('AbortError');
    },
  );

  it("readline's callback question is dropped when its signal aborts", async () => {
    const { PassThrough } = await import('node:stream');
    const readline = await import('node:readline');
    const api = abortableApis.find((a) => describeAbortableApi(a) === 'readline.Interface#question');
    if (!api) throw new Error('missing');
    const input = new PassThrough();
    const answers: string[] = [];
    const rl = readline.createInterface({ input, output: new PassThrough() });
    const controller = new AbortController();
    (rl.question as Call)(...placed(api, ['Name? ', (answer: string) => answers.push(answer)], controller.signal));
    controller.abort();
    (rl.question as Call)('Again? ', (answer: string) => answers.push(answer));
    input.write('ada\n');
    await new Promise((resolve) => setImmediate(resolve));
    rl.close();
    // Only the question without a signal got the line.
    expect(answers).toEqual(['ada']);
  });

  it('fetch reads after settling: aborting its signal once the response is there aborts the body (readsAfterSettling)', async () => {
    expect(abortableApis.filter((a) => a.readsAfterSettling).map(describeAbortableApi)).toEqual(['fetch', 'undici.request', 'undici.fetch']);
    const { createServer } = await import('node:http');
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('first part');
      // The rest of the body never comes until the test ends.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      const controller = new AbortController();
      const response = await fetch(`http://127.0.0.1:${address.port}/`, { signal: controller.signal });
      expect(response.status).toBe(200);
      controller.abort();
      const error = await rejection(() => response.text());
      expect(error.name).toBe('AbortError');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('makes-signal and timer entries exist, on the globals and modules they name', () => {
    for (const api of abortableApis.filter((a) => a.role !== 'accepts-signal')) {
      const owner = api.module === null ? (api.object ? (globalThis as Record<string, unknown>)[api.object] : globalThis) : core(api.module);
      expect(typeof (owner as Record<string, unknown>)[api.name]).toBe('function');
    }
  });

  it.each(Object.entries(moduleObjectAliases).flatMap(([module, aliases]) => Object.entries(aliases).map(([key, target]) => [module, key, target] as const)))(
    '%s.%s is the module object of %s',
    (module, key, target) => {
      expect(core(module)[key]).toBe(core(target));
    },
  );
});
