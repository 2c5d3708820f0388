import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleIndex } from '../src/declarations/module-index';
import { isMisusedVoidReturn } from '../src/misused-promises';
import { parseFile } from '../src/parse';
import { projectSignalTakerAt } from '../src/signal-takers';
import type { Tri } from '../src/tri';
import { walk } from '../src/walk';

/** A small project on disk: relative imports, re-exports, tsconfig paths, typed and untyped packages. */
const project: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['src/lib/*'] } } }),
  'src/api.ts': [
    'export async function getUser(id: string) { return { id }; }',
    'export function count(): number { return 1; }',
    'export function plain() { return load(); }',
    'export const client = { async fetch() {}, close() {} };',
    'export class Store { async save() {} static async open(): Promise<Store> { return new Store(); } }',
    'export interface Api { load(): Promise<void>; stop(): void }',
    'export type Job = PromiseLike<number>;',
    'export default async function main() {}',
    'function wrap<T>(x: T): T { return x; }',
    'export { wrap };',
    'export const boxed = (async () => {});',
    'export const typedBox = ((ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms)));',
    'export const untypedArrow = () => Promise.resolve(1);',
  ].join('\n'),
  'src/index.ts': "export * from './api';\nexport { getUser as loadUser } from './api';\nexport * as ns from './api';\n",
  'src/stars/index.ts': "export * from './alpha';\nexport * from './beta';\nexport * from './gamma';\n",
  'src/stars/alpha.ts': 'export const alpha = 1;\n',
  'src/stars/beta.ts': 'export async function beta() {}\n',
  'src/stars/gamma.ts': 'async function inner() {}\nexport { inner as "quoted" };\n',
  'src/calls/runner.ts': 'export function run(callback: () => void): void {}\n',
  'src/calls/values.ts': 'export const settings = { retries: 3 };\nexport async function save() {}\n',
  'src/shared/only.ts': 'export const only = 1;\n',
  'src/lib/util.ts': 'export const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));\n',
  'src/broken.ts': 'export async function oops( {\n',
  'src/commonjs.js': 'exports.run = async function () {};\n',
  'src/cjs-object.cjs': 'async function load() {}\nfunction sync() {}\nmodule.exports = { load, sync, async save() {} };\n',
  'src/cjs-whole.cjs': 'module.exports = async function () {};\n',
  'src/cjs-chain.cjs': "const { load } = require('./cjs-object.cjs');\nconst whole = require('./cjs-whole.cjs');\nmodule.exports = { load, whole };\n",
  // Functions whose bodies alone show a signal taken, or not: the index judges each body while it reads the module.
  'src/signals/plain.js': [
    'export function byUse(url, signal) { signal.throwIfAborted(); return url; }',
    'export function byOption(url, options) { return fetch(url, { signal: options?.signal }); }',
    'export function labelled(url, signal) { signal: for (;;) { break signal; } return fetch(url, { signal }); }',
    'export function redeclared(url, signal) { if (url) { var signal = null; } return fetch(url, { signal }); }',
    'export function caught(url, signal) { try { return 1; } catch (signal) { return fetch(url, { signal }); } }',
    'export function keyOnly(url, options) { return { signal: options.other, url }; }',
    'export function updated(url, signal) { signal++; return fetch(url, { signal }); }',
    'export class Client { get(url, options) { return fetch(url, { signal: options.signal }); } }',
  ].join('\n'),
  'src/signals/sloppy.cjs': 'function viaWith(url, signal) { with (url) { return fetch(url, { signal }); } }\nmodule.exports = { viaWith };\n',
  'src/signals/untyped.ts': 'export function partlyTyped(url: string, signal) { return fetch(url, { signal }); }\n',
  'node_modules/typed-pkg/package.json': JSON.stringify({ name: 'typed-pkg', types: 'index.d.ts', main: 'index.js' }),
  'node_modules/typed-pkg/index.d.ts': 'export declare function connect(): Promise<void>;\nexport declare class Pool { query(sql: string): Promise<unknown[]>; end(): void }\n',
  'node_modules/typed-pkg/index.js': 'export async function connect() {}\n',
  'node_modules/untyped-pkg/package.json': JSON.stringify({ name: 'untyped-pkg', main: 'index.js' }),
  'node_modules/untyped-pkg/index.js': 'export async function connect() {}\n',
  'node_modules/old-pkg/package.json': JSON.stringify({ name: 'old-pkg', main: 'index.js' }),
  'node_modules/old-pkg/index.js': 'exports.run = async () => {};\n',
  'node_modules/@types/old-pkg/package.json': JSON.stringify({ name: '@types/old-pkg', types: 'index.d.ts' }),
  'node_modules/@types/old-pkg/index.d.ts': 'export function run(): Promise<void>;\n',
};

let root = '';

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'asyncwise-index-'));
  for (const [file, text] of Object.entries(project)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** The oracle's answer for the initialiser of `probe` in a file at `src/app.ts` of the project. */
function probe(code: string, file = 'src/app.ts'): Tri {
  const parsed = parseFile(code, path.join(root, file));
  let target: TSESTree.Expression | null = null;
  walk(parsed.ast, parsed.visitorKeys, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === 'probe') target = node.init;
  });
  if (!target) throw new Error('no probe in the code');
  return parsed.oracle.isPromiseLike(target);
}

describe('the declaration index across files', () => {
  it.each<[string, string, Tri]>([
    ['an async function', 'import { getUser } from "./api";\nconst probe = getUser("1");', 'yes'],
    ['a .js specifier of a .ts file', 'import { getUser } from "./api.js";\nconst probe = getUser("1");', 'yes'],
    ['a declared number return', 'import { count } from "./api";\nconst probe = count();', 'no'],
    ['a function without a declared type', 'import { plain } from "./api";\nconst probe = plain();', 'unknown'],
    ['an object literal method', 'import { client } from "./api";\nconst probe = client.fetch();', 'yes'],
    ['an object literal plain method', 'import { client } from "./api";\nconst probe = client.close();', 'unknown'],
    ['a class instance method', 'import { Store } from "./api";\nconst probe = new Store().save();', 'yes'],
    ['a class static method', 'import { Store } from "./api";\nconst probe = Store.open();', 'yes'],
    ['an imported interface', 'import type { Api } from "./api";\ndeclare const api: Api;\nconst probe = api.load();', 'yes'],
    ['an imported interface void method', 'import type { Api } from "./api";\ndeclare const api: Api;\nconst probe = api.stop();', 'no'],
    ['an imported alias of PromiseLike', 'import type { Job } from "./api";\ndeclare const job: Job;\nconst probe = job;', 'yes'],
    ['a default export', 'import main from "./api";\nconst probe = main();', 'yes'],
    ['a namespace import', 'import * as api from "./api";\nconst probe = api.getUser("1");', 'yes'],
    ['a generic identity in another file', 'import { wrap } from "./api";\nconst probe = wrap(1);', 'unknown'],
    // Another module's records keep no parentheses (as in the file itself) and no function bodies.
    ['a parenthesised async arrow', 'import { boxed } from "./api";\nconst probe = boxed();', 'yes'],
    ['a parenthesised arrow with a declared type', 'import { typedBox } from "./api";\nconst probe = typedBox(1);', 'yes'],
    ['an arrow whose body alone shows a promise', 'import { untypedArrow } from "./api";\nconst probe = untypedArrow();', 'unknown'],
    ['a renamed re-export', 'import { loadUser } from "./index";\nconst probe = loadUser("1");', 'yes'],
    ['a star re-export', 'import { getUser } from "./index";\nconst probe = getUser("1");', 'yes'],
    ['a directory import', 'import { getUser } from ".";\nconst probe = getUser("1");', 'yes'],
    ['a namespace re-export', 'import { ns } from "./index";\nconst probe = ns.getUser("1");', 'yes'],
    ['a tsconfig path', 'import { wait } from "@lib/util";\nconst probe = wait(1);', 'yes'],
    ['a file that does not parse', 'import { oops } from "./broken";\nconst probe = oops();', 'unknown'],
    // CommonJS: `exports.x =`, `module.exports = { … }` and `module.exports = f`, imported or required.
    ['a CommonJS export', 'import { run } from "./commonjs.js";\nconst probe = run();', 'yes'],
    ['a required CommonJS export', 'const { run } = require("./commonjs.js");\nconst probe = run();', 'yes'],
    ['a whole module required, one export set by name', 'const lib = require("./commonjs.js");\nconst probe = lib.run();', 'yes'],
    ['a module.exports object', 'const { load } = require("./cjs-object.cjs");\nconst probe = load();', 'yes'],
    ['a module.exports object method', 'const lib = require("./cjs-object.cjs");\nconst probe = lib.save();', 'yes'],
    ['a module.exports object plain function', 'const lib = require("./cjs-object.cjs");\nconst probe = lib.sync();', 'unknown'],
    ['a module.exports function', 'const run = require("./cjs-whole.cjs");\nconst probe = run();', 'yes'],
    ['a module.exports function imported as default', 'import run from "./cjs-whole.cjs";\nconst probe = run();', 'yes'],
    ['a CommonJS re-export through require', 'const { whole } = require("./cjs-chain.cjs");\nconst probe = whole();', 'yes'],
    ['a required ES module is its namespace', 'const api = require("./api");\nconst probe = api.getUser("1");', 'yes'],
    ['a missing module', 'import { gone } from "./gone";\nconst probe = gone();', 'unknown'],
    ['a package with types', 'import { connect } from "typed-pkg";\nconst probe = connect();', 'yes'],
    // A callback form the types leave out: more arguments than the declaration takes match no signature.
    ['more arguments than declared', 'import { connect } from "typed-pkg";\nconst probe = connect(() => {});', 'unknown'],
    ['a package class method', 'import { Pool } from "typed-pkg";\nconst pool = new Pool();\nconst probe = pool.query("x");', 'yes'],
    // TypeScript reads an untyped package as `any`: its JavaScript proves nothing to a typed run either.
    ['a package without types', 'import { connect } from "untyped-pkg";\nconst probe = connect();', 'unknown'],
    ['a package typed by @types', 'import { run } from "old-pkg";\nconst probe = run();', 'yes'],
  ])('%s', (_name, code, expected) => {
    expect(probe(code)).toBe(expected);
  });

  it('answers from no file when the path is not absolute (stdin, a test string)', () => {
    const parsed = parseFile('import { getUser } from "./api";\nconst probe = getUser("1");', 'src/app.ts');
    let target: TSESTree.Expression | null = null;
    walk(parsed.ast, parsed.visitorKeys, (node) => {
      if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === 'probe') target = node.init;
    });
    expect(parsed.oracle.isPromiseLike(target as unknown as TSESTree.Expression)).toBe('unknown');
  });

  it('reads a module again when it changes on disk', () => {
    const code = 'import { later } from "./changing";\nconst probe = later();';
    const file = path.join(root, 'src/changing.ts');
    writeFileSync(file, 'export async function later() {}\n');
    utimesSync(file, new Date(1_000_000_000_000), new Date(1_000_000_000_000));
    expect(probe(code)).toBe('yes');
    writeFileSync(file, 'export function later(): number { return 1; }\n');
    utimesSync(file, new Date(1_000_000_100_000), new Date(1_000_000_100_000));
    expect(probe(code)).toBe('no');
  });

  it('parses only the modules of a star re-export search that can export the name', () => {
    const before = moduleIndex.stats.modulesRead;
    expect(probe('import { beta } from "./stars";\nconst probe = beta();')).toBe('yes');
    // The index and beta.ts: alpha.ts and gamma.ts never name `beta`.
    expect(moduleIndex.stats.modulesRead - before).toBe(2);
    expect(probe('import { quoted } from "./stars";\nconst probe = quoted();')).toBe('yes');
    expect(moduleIndex.stats.modulesRead - before).toBe(3);
  });

  it('answers from the modules already parsed, or says a module would have to be read', () => {
    const parsed = parseFile('import { save } from "./calls/values";\nconst probe = save();', path.join(root, 'src/probe-first.ts'));
    const init = (parsed.ast.body[1] as TSESTree.VariableDeclaration).declarations[0]?.init as TSESTree.Expression;
    const before = moduleIndex.stats.modulesRead;
    expect(moduleIndex.fromModulesRead(() => parsed.oracle.isPromiseLike(init))).toBeNull();
    expect(moduleIndex.stats.modulesRead).toBe(before);
    expect(parsed.oracle.isPromiseLike(init)).toBe('yes');
    expect(moduleIndex.fromModulesRead(() => parsed.oracle.isPromiseLike(init))).toBe('yes');
  });

  it("reads a callee's module for a void-callback check only when the value can be a promise-returning function", () => {
    const code = 'import { run } from "./calls/runner";\nimport { settings, save } from "./calls/values";\nrun(settings);\nrun(save);';
    const parsed = parseFile(code, path.join(root, 'src/caller.ts'));
    const [first, second] = parsed.ast.body.slice(2).map((s) => ((s as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression).arguments[0] as TSESTree.Expression);
    if (!first || !second) throw new Error('no arguments');
    // values.ts is read first (by the previous case): `settings` is no function, so runner.ts stays unread.
    const before = moduleIndex.stats.modulesRead;
    expect(isMisusedVoidReturn(parsed, first)).toBe(false);
    expect(moduleIndex.stats.modulesRead).toBe(before);
    expect(isMisusedVoidReturn(parsed, second)).toBe(true);
    expect(moduleIndex.stats.modulesRead).toBe(before + 1);
  });

  it('resolves a relative specifier once for every importer that names the same path', () => {
    const before = moduleIndex.stats.resolutions;
    const fromTop = moduleIndex.resolve(path.join(root, 'src/top.ts'), './shared/only');
    const fromSibling = moduleIndex.resolve(path.join(root, 'src/calls/sibling.ts'), '../shared/only.js');
    const fromInside = moduleIndex.resolve(path.join(root, 'src/calls/inside.ts'), '../shared/only');
    expect(fromTop).toBe(path.join(root, 'src/shared/only.ts'));
    expect(fromSibling).toBe(fromTop);
    expect(fromInside).toBe(fromTop);
    // `./shared/only` and `../shared/only` name one path; the `.js` specifier is another lookup.
    expect(moduleIndex.stats.resolutions - before).toBe(2);
  });
});

/** Where the function called `name` in `code` (a file at `src/app.ts`) takes its signal, or null. */
function placementAt(code: string, name: string): unknown {
  const file = parseFile(code, path.join(root, 'src/app.ts'));
  let call: TSESTree.CallExpression | null = null;
  walk(file.ast, file.visitorKeys, (node) => {
    if (node.type === 'CallExpression' && file.text.slice(node.callee.range[0], node.callee.range[1]) === name) call = node;
  });
  if (!call) throw new Error(`no call of ${name}`);
  return projectSignalTakerAt(file, call)?.signal ?? null;
}

const argument = (index: number) => ({ kind: 'argument', argument: index });
const option = (index: number) => ({ kind: 'option', argument: index, property: 'signal' });

describe('signal takers of another module, judged from their bodies', () => {
  it.each<[string, string, string, unknown]>([
    ['a use only a signal has', "import { byUse } from './signals/plain.js';\nbyUse('/');", 'byUse', argument(1)],
    ['options whose signal is passed on', "import { byOption } from './signals/plain.js';\nbyOption('/');", 'byOption', option(1)],
    ['a label of the same name binds nothing', "import { labelled } from './signals/plain.js';\nlabelled('/');", 'labelled', argument(1)],
    ['a method of a class the value is an instance of', "import { Client } from './signals/plain.js';\nconst client = new Client();\nclient.get('/');", 'client.get', option(1)],
    ['a TypeScript parameter without a type', "import { partlyTyped } from './signals/untyped';\npartlyTyped('/');", 'partlyTyped', argument(1)],
    // Without a scope manager a name declared again, written or read under `with` cannot be told from the parameter.
    ['a var of the same name', "import { redeclared } from './signals/plain.js';\nredeclared('/');", 'redeclared', null],
    ['a catch parameter of the same name', "import { caught } from './signals/plain.js';\ncaught('/');", 'caught', null],
    ['a written parameter', "import { updated } from './signals/plain.js';\nupdated('/');", 'updated', null],
    ['a with statement', "const { viaWith } = require('./signals/sloppy.cjs');\nviaWith('/');", 'viaWith', null],
    ['a property key is not a read', "import { keyOnly } from './signals/plain.js';\nkeyOnly('/');", 'keyOnly', null],
  ])('%s', (_name, code, callee, expected) => {
    expect(placementAt(code, callee)).toEqual(expected);
  });
});
