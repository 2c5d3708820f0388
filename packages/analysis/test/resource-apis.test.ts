import { EventEmitter, on } from 'node:events';
import type * as Http from 'node:http';
import type * as Readline from 'node:readline';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { TSESTree } from '@typescript-eslint/types';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compilerOptionsSupportAwaitUsing,
  describeResourceAcquisition,
  nodeRangeSupportsAwaitUsing,
  typescriptRangeSupportsUsing,
  parseFile,
  parseJsonc,
  type ResourceApi,
  resourceApiAt,
  resourceApis,
  supportsAwaitUsing,
  walk,
} from '../src/index';

const require = createRequire(import.meta.url);
const nodeModules = new Set(['fs/promises', 'readline', 'readline/promises', 'net', 'http', 'https', 'worker_threads', 'events']);
const nodeEntries = (resourceApis as readonly ResourceApi[]).filter((api) => nodeModules.has(api.acquire.module));
const dir = mkdtempSync(path.join(tmpdir(), 'asyncwise-resources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the acquisition in the last statement of `code` resolves to. */
function acquisitionOf(code: string): string | null {
  const file = parseFile(code, 'file.ts');
  let last: TSESTree.CallExpression | TSESTree.NewExpression | null = null;
  walk(file.ast, file.visitorKeys, (node) => {
    if ((node.type === 'CallExpression' || node.type === 'NewExpression') && !(node.callee.type === 'Identifier' && node.callee.name === 'require')) last = node;
    return true;
  });
  const found = last ? resourceApiAt(file, last) : undefined;
  return found ? describeResourceAcquisition(found.acquire) : null;
}

describe('resourceApiAt resolves what the callee is', () => {
  it.each([
    ["import { open } from 'node:fs/promises';\nopen(p);", 'fs/promises.open'],
    ["import { open as openFile } from 'fs/promises';\nopenFile(p);", 'fs/promises.open'],
    ["import fs from 'node:fs';\nfs.promises.open(p);", 'fs/promises.open'],
    ["const { promises: fsp } = require('fs');\nfsp.opendir(p);", 'fs/promises.opendir'],
    ["import * as readline from 'node:readline/promises';\nreadline.createInterface({ input });", 'readline/promises.createInterface'],
    ["const { Worker } = require('node:worker_threads');\nnew Worker(file);", 'new worker_threads.Worker'],
    ["import http from 'node:http';\nnew http.Agent({ keepAlive: true });", 'new http.Agent'],
    ["import { Pool } from 'pg';\nconst pool = new Pool();\npool.connect();", 'pg.Pool#connect'],
    ["import pg from 'pg';\nconst pool = new pg.Pool();\npool.connect();", 'pg.Pool#connect'],
    // A parameter declared as the catalogued class.
    ["import type { Pool } from 'pg';\nexport async function f(pool: Pool) {\n  pool.connect();\n}", 'pg.Pool#connect'],
    ["const mysql = require('mysql2/promise');\nconst pool = mysql.createPool({});\npool.getConnection();", 'mysql2/promise.createPool#getConnection'],
    ["import { createPool } from 'generic-pool';\nconst pool = createPool(factory);\npool.acquire();", 'generic-pool.createPool#acquire'],
  ])('%s', (code, expected) => {
    expect(acquisitionOf(code)).toBe(expected);
  });

  it.each([
    // A name alone is no catalogued call.
    "import { open } from './storage';\nopen(p);",
    'open(p);',
    "const pool = makePool();\npool.connect();",
    // A reassigned pool may be anything by the time it is called.
    "import { Pool } from 'pg';\nlet pool = new Pool();\npool = other;\npool.connect();",
    // A parameter declared as another type, or reassigned, proves nothing.
    "import type { Pool } from './db';\nexport async function f(pool: Pool) {\n  pool.connect();\n}",
    "import type { Pool } from 'pg';\nexport async function f(pool: Pool) {\n  pool = other;\n  pool.connect();\n}",
    // pg's callback form hands the client to the callback.
    "import { Pool } from 'pg';\nconst pool = new Pool();\npool.connect((err, client, done) => done());",
    // A constructor called without `new`, or a function with it, is not the catalogued form.
    "import { Worker } from 'node:worker_threads';\nWorker(file);",
  ])('leaves %s alone', (code) => {
    expect(acquisitionOf(code)).toBeNull();
  });
});

describe('the Node entries hold against Node', () => {
  it.each(nodeEntries.map((api) => [describeResourceAcquisition(api.acquire), api] as const))('%s exists', (_, api) => {
    const module = require(`node:${api.acquire.module}`) as Record<string, unknown>;
    expect(typeof module[api.acquire.name]).toBe('function');
  });

  it('fs/promises.open: a FileHandle with close and Symbol.asyncDispose, released for real', async () => {
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'hello');
    const { open } = await import('node:fs/promises');
    const handle = await open(file);
    const api = nodeEntries.find((a) => a.resource === 'FileHandle');
    for (const name of api?.release.names ?? []) expect(typeof (handle as unknown as Record<string, unknown>)[name]).toBe('function');
    expect(typeof handle[Symbol.asyncDispose] === 'function').toBe(api?.asyncDispose);
    await handle.close();
    // A closed handle has no descriptor left.
    expect(handle.fd).toBe(-1);
  });

  it('fs/promises.open: disposing a FileHandle is its disposeMethod, close', async () => {
    const file = path.join(dir, 'b.txt');
    writeFileSync(file, 'hello');
    const { open } = await import('node:fs/promises');
    const api = nodeEntries.find((a) => a.resource === 'FileHandle');
    expect(api?.disposeMethod).toBe('close');
    const handle = await open(file);
    const calls: string[] = [];
    const close = handle.close.bind(handle);
    handle.close = () => {
      calls.push('close');
      return close();
    };
    await handle[Symbol.asyncDispose]();
    expect(calls).toEqual(['close']);
    expect(handle.fd).toBe(-1);
  });

  it('only disposable entries name a disposeMethod, and it is one of their releases', () => {
    for (const api of nodeEntries) {
      if (api.disposeMethod === undefined) continue;
      expect(api.asyncDispose).toBe(true);
      expect(api.release.names).toContain(api.disposeMethod);
    }
  });

  it('fs/promises.opendir: a Dir with close, closed by a full iteration', async () => {
    const { opendir } = await import('node:fs/promises');
    const api = nodeEntries.find((a) => a.resource === 'Dir');
    const first = await opendir(dir);
    expect(typeof first.close).toBe('function');
    if (Number(process.versions.node.split('.')[0]) === 20) expect(typeof (first as unknown as Record<symbol, unknown>)[Symbol.asyncDispose] === 'function').toBe(api?.asyncDispose);
    await first.close();
    const iterated = await opendir(dir);
    for await (const entry of iterated) expect(entry.name).toBeTypeOf('string');
    // Iteration closed it: closing again is refused.
    await expect(iterated.close()).rejects.toMatchObject({ code: 'ERR_DIR_CLOSED' });
  });

  it.each(['readline', 'readline/promises'])('%s.createInterface: close, and a full for await closes it', async (module) => {
    const { createInterface } = require(`node:${module}`) as typeof Readline;
    const api = nodeEntries.find((a) => a.acquire.module === module);
    const input = new PassThrough();
    const rl = createInterface({ input });
    let closed = false;
    rl.on('close', () => (closed = true));
    input.end('a\nb\n');
    for await (const line of rl) expect(line).toMatch(/^[ab]$/);
    expect(closed).toBe(true);
    expect(api?.releasedByIteration).toBe(true);
    const second = createInterface({ input: new PassThrough() });
    second.close();
    expect(api?.release.names).toEqual(['close']);
  });

  it('net: a server and a socket, released with close and end', async () => {
    const net = await import('node:net');
    const server = net.createServer((socket) => socket.end());
    const serverApi = nodeEntries.find((a) => a.resource === 'net.Server');
    const socketApi = nodeEntries.find((a) => a.resource === 'net.Socket');
    expect(typeof server[Symbol.asyncDispose] === 'function').toBe(serverApi?.asyncDispose);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const socket = net.connect(address.port, '127.0.0.1');
    for (const name of socketApi?.release.names ?? []) expect(typeof (socket as unknown as Record<string, unknown>)[name]).toBe('function');
    expect(typeof socket[Symbol.asyncDispose] === 'function').toBe(socketApi?.asyncDispose);
    await new Promise((resolve) => socket.on('connect', resolve));
    socket.end();
    await new Promise((resolve) => socket.on('close', resolve));
    await new Promise((resolve) => server.close(resolve));
    expect(server.listening).toBe(false);
  });

  it.each(['http', 'https'])('%s.Agent: destroy', (module) => {
    const { Agent } = require(`node:${module}`) as typeof Http;
    const agent = new Agent({ keepAlive: true });
    const api = nodeEntries.find((a) => a.acquire.module === module);
    if (Number(process.versions.node.split('.')[0]) === 20) expect(typeof (agent as unknown as Record<symbol, unknown>)[Symbol.asyncDispose] === 'function').toBe(api?.asyncDispose);
    agent.destroy();
  });

  it('worker_threads.Worker: terminate', async () => {
    const { Worker } = await import('node:worker_threads');
    // A worker with a pending interval never exits on its own: terminate is what ends it.
    const worker = new Worker('setInterval(() => {}, 1000);', { eval: true });
    await new Promise((resolve) => worker.once('online', resolve));
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await worker.terminate();
    await expect(exited).resolves.toBeTypeOf('number');
  });

  it('events.on: an iterator whose return() removes its listener', async () => {
    const emitter = new EventEmitter();
    const iterator = on(emitter, 'tick');
    expect(emitter.listenerCount('tick')).toBe(1);
    await iterator.return?.();
    expect(emitter.listenerCount('tick')).toBe(0);
  });
});

describe('whether a project can use await using', () => {
  it.each([
    ['>=24', true],
    ['^24.1.0', true],
    ['24.x', true],
    ['>=24 || >=26', true],
    ['>=20', false],
    ['^22 || ^24', false],
    ['*', false],
    ['', false],
  ])('engines.node %s', (range, expected) => {
    expect(nodeRangeSupportsAwaitUsing(range)).toBe(expected);
  });

  it.each([
    [{ lib: ['ES2023', 'esnext.disposable'] }, true],
    [{ lib: ['ESNext'] }, true],
    [{ lib: ['ES2023'], target: 'ESNext' }, false],
    [{ target: 'esnext' }, true],
    [{ target: 'ES2022' }, false],
    [{}, false],
  ])('compilerOptions %j', (options, expected) => {
    expect(compilerOptionsSupportAwaitUsing(options)).toBe(expected);
  });

  it.each([
    ['5.9.3', true],
    ['^5.4.0', true],
    ['~5.2.2', true],
    ['>=5.3', true],
    ['6.0.0-beta', true],
    ['5.x', false],
    ['^5.0.4', false],
    ['~5.1.6', false],
    ['^4.9.5', false],
    ['^4.9 || ^5.4', false],
    ['<5.2', false],
    ['workspace:*', true],
    ['catalog:', true],
    ['latest', true],
  ])('typescript %s', (range, expected) => {
    expect(typescriptRangeSupportsUsing(range)).toBe(expected);
  });

  it('holds a tsconfig with the disposable lib to the TypeScript the nearest package.json declares', () => {
    const root = mkdtempSync(path.join(dir, 'workspace-'));
    const pkg = path.join(root, 'packages', 'app');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(root, 'package.json'), '{ "devDependencies": { "typescript": "^5.0.4" } }');
    writeFileSync(path.join(pkg, 'package.json'), '{ "name": "app" }');
    writeFileSync(path.join(pkg, 'tsconfig.json'), '{ "compilerOptions": { "lib": ["ES2023", "esnext.disposable"] } }');
    // The workspace root declares TypeScript 5.0, which cannot compile `using`.
    expect(supportsAwaitUsing(path.join(pkg, 'a.ts'))).toBe(false);
    const newer = mkdtempSync(path.join(dir, 'newer-'));
    writeFileSync(path.join(newer, 'package.json'), '{ "devDependencies": { "typescript": "^5.6.0" } }');
    writeFileSync(path.join(newer, 'tsconfig.json'), '{ "compilerOptions": { "lib": ["ES2023", "esnext.disposable"] } }');
    expect(supportsAwaitUsing(path.join(newer, 'a.ts'))).toBe(true);
  });

  /** A folder (a package of its own) holding `files`, and whether `await using` is supported in its `src/a.ts`. */
  function supportedWith(files: Record<string, string>): boolean {
    const root = mkdtempSync(path.join(dir, 'extends-'));
    const all = { 'package.json': '{ "devDependencies": { "typescript": "^5.6.0" } }', ...files };
    for (const [file, text] of Object.entries(all)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return supportsAwaitUsing(path.join(root, 'src', 'a.ts'));
  }

  const disposableLib = '{ "compilerOptions": { "lib": ["ES2023", "esnext.disposable"] } }';

  it.each<[string, Record<string, string>, boolean]>([
    ['a relative base that sets lib', { 'tsconfig.json': '{ "extends": "./tsconfig.base.json" }', 'tsconfig.base.json': disposableLib }, true],
    ['a relative base named without .json', { 'tsconfig.json': '{ "extends": "./configs/base" }', 'configs/base.json': disposableLib }, true],
    ['a chain of two bases', { 'tsconfig.json': '{ "extends": "./a.json" }', 'a.json': '{ "extends": "./configs/b.json" }', 'configs/b.json': disposableLib }, true],
    ['a base whose lib the file overrides', { 'tsconfig.json': '{ "extends": "./base.json", "compilerOptions": { "lib": ["ES2023"] } }', 'base.json': disposableLib }, false],
    // `target: esnext` alone means no lib only when no base sets one.
    ['a file target over a base lib', { 'tsconfig.json': '{ "extends": "./base.json", "compilerOptions": { "target": "ESNext" } }', 'base.json': '{ "compilerOptions": { "lib": ["ES2022"] } }' }, false],
    ['a base target with no lib anywhere', { 'tsconfig.json': '{ "extends": "./base.json", "compilerOptions": { "strict": true } }', 'base.json': '{ "compilerOptions": { "target": "esnext" } }' }, true],
    ['an array whose later entry wins', { 'tsconfig.json': '{ "extends": ["./old.json", "./new.json"] }', 'old.json': '{ "compilerOptions": { "lib": ["ES2020"] } }', 'new.json': disposableLib }, true],
    ['an array whose later entry takes lib away', { 'tsconfig.json': '{ "extends": ["./new.json", "./old.json"] }', 'old.json': '{ "compilerOptions": { "lib": ["ES2020"] } }', 'new.json': disposableLib }, false],
    ['a package base by its tsconfig.json', { 'tsconfig.json': '{ "extends": "@org/tsconfig" }', 'node_modules/@org/tsconfig/package.json': '{ "name": "@org/tsconfig" }', 'node_modules/@org/tsconfig/tsconfig.json': disposableLib }, true],
    ['a package base by its tsconfig field', { 'tsconfig.json': '{ "extends": "base-pkg" }', 'node_modules/base-pkg/package.json': '{ "tsconfig": "configs/strict.json" }', 'node_modules/base-pkg/configs/strict.json': disposableLib }, true],
    ['a package subpath without .json', { 'tsconfig.json': '{ "extends": "@tsconfig/next/tsconfig" }', 'node_modules/@tsconfig/next/package.json': '{}', 'node_modules/@tsconfig/next/tsconfig.json': disposableLib }, true],
    ['a package subpath through exports', { 'tsconfig.json': '{ "extends": "cfg/node" }', 'node_modules/cfg/package.json': '{ "exports": { "./node": { "types": "./dist/node.json" }, "./*": "./x/*.json" } }', 'node_modules/cfg/dist/node.json': disposableLib }, true],
    ['a package subpath through an exports pattern', { 'tsconfig.json': '{ "extends": "cfg/esnext" }', 'node_modules/cfg/package.json': '{ "exports": { "./*": "./x/*.json" } }', 'node_modules/cfg/x/esnext.json': disposableLib }, true],
    ['a package subpath its exports hide', { 'tsconfig.json': '{ "extends": "cfg/hidden.json" }', 'node_modules/cfg/package.json': '{ "exports": { "./node": "./node.json" } }', 'node_modules/cfg/hidden.json': disposableLib }, false],
    ['a package found above the project', { 'tsconfig.json': '{ "extends": "@org/base/tsconfig.json" }', '../node_modules/@org/base/package.json': '{}', '../node_modules/@org/base/tsconfig.json': disposableLib }, true],
    ['a base that does not exist', { 'tsconfig.json': '{ "extends": "./missing.json", "compilerOptions": { "lib": ["esnext"] } }' }, false],
    ['a package that is not installed', { 'tsconfig.json': '{ "extends": "@tsconfig/strictest", "compilerOptions": { "lib": ["esnext"] } }' }, false],
    ['a loop', { 'tsconfig.json': '{ "extends": "./a.json" }', 'a.json': '{ "extends": "./tsconfig.json", "compilerOptions": { "lib": ["esnext"] } }' }, false],
    ['a base shared by two entries (not a loop)', { 'tsconfig.json': '{ "extends": ["./a.json", "./b.json"] }', 'a.json': '{ "extends": "./base.json" }', 'b.json': '{ "extends": "./base.json" }', 'base.json': disposableLib }, true],
    ['an extends that is not a string', { 'tsconfig.json': '{ "extends": 3, "compilerOptions": { "lib": ["esnext"] } }' }, false],
  ])('follows extends: %s', (_name, files, expected) => {
    expect(supportedWith(files)).toBe(expected);
  });

  it('reads a base again when it changes', () => {
    const root = mkdtempSync(path.join(dir, 'changing-'));
    writeFileSync(path.join(root, 'package.json'), '{}');
    writeFileSync(path.join(root, 'tsconfig.json'), '{ "extends": "./base.json" }');
    const base = path.join(root, 'base.json');
    writeFileSync(base, '{ "compilerOptions": { "lib": ["ES2022"] } }');
    utimesSync(base, new Date(1_000_000_000_000), new Date(1_000_000_000_000));
    expect(supportsAwaitUsing(path.join(root, 'a.ts'))).toBe(false);
    writeFileSync(base, disposableLib);
    utimesSync(base, new Date(1_000_000_100_000), new Date(1_000_000_100_000));
    expect(supportsAwaitUsing(path.join(root, 'a.ts'))).toBe(true);
  });

  it('reads tsconfig.json with comments and trailing commas', () => {
    expect(parseJsonc('{\n  // note\n  "a": "x // not a comment", /* block */\n  "b": [1, 2,],\n}')).toEqual({ a: 'x // not a comment', b: [1, 2] });
  });

  it('answers from the nearest files, and no for text without a file', () => {
    const ts = mkdtempSync(path.join(dir, 'ts-'));
    writeFileSync(path.join(ts, 'package.json'), '{ "engines": { "node": ">=24" } }');
    writeFileSync(path.join(ts, 'tsconfig.json'), '{ "compilerOptions": { "lib": ["ES2023"] } }');
    // The TypeScript file follows the tsconfig (no disposable lib); the JavaScript file the engines.
    expect(supportsAwaitUsing(path.join(ts, 'a.ts'))).toBe(false);
    expect(supportsAwaitUsing(path.join(ts, 'a.js'))).toBe(true);
    expect(supportsAwaitUsing('<input>')).toBe(false);
    expect(supportsAwaitUsing(undefined)).toBe(false);
  });
});
