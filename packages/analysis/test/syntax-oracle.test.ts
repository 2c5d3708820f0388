import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/parse';
import type { VoidValueKind } from '../src/oracle/type-oracle';
import type { Tri } from '../src/tri';
import { walk } from '../src/walk';

/** The initialiser of the last `probe` declaration in `code`, with its file. */
function probeNode(code: string): { file: ReturnType<typeof parseFile>; node: TSESTree.Expression } {
  const file = parseFile(code, 'probe.ts');
  let target: TSESTree.Expression | null = null;
  walk(file.ast, file.visitorKeys, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === 'probe') target = node.init;
  });
  if (!target) throw new Error('no probe in the code');
  return { file, node: target };
}

/** Asks the syntax oracle about the initialiser of the last `probe` declaration in `code`. */
function probe(code: string, filePath = 'probe.ts'): Tri {
  const file = parseFile(code, filePath);
  let target: TSESTree.Expression | null = null;
  walk(file.ast, file.visitorKeys, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === 'probe') target = node.init;
  });
  if (!target) throw new Error('no probe in the code');
  return file.oracle.isPromiseLike(target);
}

describe('SyntaxOracle.isPromiseLike', () => {
  it.each<[string, string, Tri]>([
    ['new Promise', 'const probe = new Promise((r) => r(1));', 'yes'],
    ['Promise statics', 'const probe = Promise.all([]);', 'yes'],
    ['Promise.resolve().then', 'const probe = Promise.resolve(1).then((x) => x);', 'yes'],
    ['an async function declaration', 'async function load() {}\nconst probe = load();', 'yes'],
    ['an async arrow in a const', 'const load = async () => 1;\nconst probe = load();', 'yes'],
    ['a const holding a promise', 'const p = Promise.resolve(1);\nconst probe = p;', 'yes'],
    ['global fetch', 'const probe = fetch("/x");', 'yes'],
    ['fs/promises named import', 'import { readFile } from "node:fs/promises";\nconst probe = readFile("x");', 'yes'],
    ['fs/promises namespace', 'import * as fsp from "fs/promises";\nconst probe = fsp.readFile("x");', 'yes'],
    ['fs.promises member', 'import fs from "node:fs";\nconst probe = fs.promises.readFile("x");', 'yes'],
    ['destructured promises of fs', 'const { promises } = require("fs");\nconst probe = promises.stat("x");', 'yes'],
    ['timers/promises setTimeout', 'import { setTimeout } from "node:timers/promises";\nconst probe = setTimeout(10);', 'yes'],
    ['an async method via this', 'class A { async load() {}\n run() { const probe = this.load(); } }', 'yes'],
    ['a literal', 'const probe = 42;', 'no'],
    ['an await result', 'async function f() { const probe = await g(); }', 'no'],
    ['an object literal without then', 'const probe = { a: 1 };', 'no'],
    ['an arrow function', 'const probe = () => 1;', 'no'],
    ['an object literal with then', 'const probe = { then() {} };', 'unknown'],
    // Member names prove nothing: zod's `.catch`, fp-ts's `.then`.
    ['then on an unknown object', 'const probe = schema.then(x);', 'unknown'],
    ['catch on an unknown object', 'const probe = z.string().catch("");', 'unknown'],
    ['an unknown call', 'const probe = load();', 'unknown'],
    ['a shadowed Promise', 'import Promise from "bluebird";\nconst probe = new Promise(() => {});', 'unknown'],
    ['a shadowed fetch', 'function fetch() { return 1; }\nconst probe = fetch();', 'unknown'],
    ['a non-async function', 'function load() { return 1; }\nconst probe = load();', 'unknown'],
    // An async generator's call gives an AsyncGenerator: iterable, never thenable.
    ['an async generator', 'async function* load() {}\nconst probe = load();', 'no'],
    ['a reassigned let', 'let p = Promise.resolve();\np = 1;\nconst probe = p;', 'unknown'],
    ['a sync fs call', 'import { readFileSync } from "node:fs";\nconst probe = readFileSync("x");', 'unknown'],
    ['a conditional of two promises', 'const probe = c ? Promise.resolve() : fetch("/");', 'yes'],
    ['a conditional of a promise and a number', 'const probe = c ? Promise.resolve() : 1;', 'unknown'],
    // The declaration index: declared types and shapes the file shows.
    ['a declared Promise return type', 'function load(): Promise<number> { return g(); }\nconst probe = load();', 'yes'],
    ['a declared PromiseLike return type', 'declare function load(): PromiseLike<number>;\nconst probe = load();', 'yes'],
    ['a declared non-promise return type', 'function load(): number { return 1; }\nconst probe = load();', 'no'],
    ['a declared any return type', 'function load(): any { return 1; }\nconst probe = load();', 'unknown'],
    ['a type alias of a promise', 'type Job = Promise<void>;\ndeclare function run(): Job;\nconst probe = run();', 'yes'],
    ['a generic alias of a promise', 'type Async<T> = Promise<T>;\ndeclare function run(): Async<number>;\nconst probe = run();', 'yes'],
    ['a type parameter return', 'function id<T>(x: T): T { return x; }\nconst probe = id(1);', 'unknown'],
    ['a type parameter named like an alias', 'type T = Promise<void>;\nfunction id<T>(x: T): T { return x; }\nconst probe = id(1);', 'unknown'],
    ['a promise or undefined', 'declare function run(): Promise<void> | undefined;\nconst probe = run();', 'yes'],
    ['a promise or a number', 'declare function run(): Promise<void> | number;\nconst probe = run();', 'unknown'],
    ['overloads that all return promises', 'function run(a: string): Promise<void>;\nfunction run(a: number): Promise<number>;\nfunction run(a: any): any { return g(a); }\nconst probe = run(1);', 'yes'],
    ['overloads of which one does not', 'function run(a: string): Promise<void>;\nfunction run(a: number): number;\nfunction run(a: any): any { return g(a); }\nconst probe = run(1);', 'unknown'],
    ['a method of an object literal', 'const api = { async get() {}, put() {} };\nconst probe = api.get();', 'yes'],
    ['a plain method of an object literal', 'const api = { async get() {}, put() {} };\nconst probe = api.put();', 'unknown'],
    ['an arrow property of an object literal', 'const api = { get: async () => 1 };\nconst probe = api.get();', 'yes'],
    ['a member after a spread', 'const api = { async get() {}, ...other };\nconst probe = api.get();', 'unknown'],
    ['a destructured method', 'const api = { async get() {} };\nconst { get } = api;\nconst probe = get();', 'yes'],
    ['a renamed destructured method', 'const api = { async get() {} };\nconst { get: load } = api;\nconst probe = load();', 'yes'],
    ['a destructured method with a default', 'const api = { async get() {} };\nconst { get = g } = api;\nconst probe = get();', 'unknown'],
    ['an interface method', 'interface Api { get(): Promise<string>; put(): void }\ndeclare const api: Api;\nconst probe = api.get();', 'yes'],
    ['an interface void method', 'interface Api { get(): Promise<string>; put(): void }\ndeclare const api: Api;\nconst probe = api.put();', 'no'],
    ['an inherited interface method', 'interface Base { get(): Promise<string> }\ninterface Api extends Base { put(): void }\nfunction f(api: Api) { const probe = api.get(); }', 'yes'],
    ['an interface extending Promise', 'interface Job extends Promise<void> { id: string }\ndeclare function run(): Job;\nconst probe = run();', 'yes'],
    ['a type literal property', 'declare const api: { load: () => Promise<void> };\nconst probe = api.load();', 'yes'],
    ['a parameter with a declared type', 'function f(job: Promise<void>) { const probe = job; }', 'yes'],
    ['a class instance method', 'class Store { async save() {} }\nconst store = new Store();\nconst probe = store.save();', 'yes'],
    ['an inherited class method', 'class Base { async save() {} }\nclass Store extends Base {}\nconst probe = new Store().save();', 'yes'],
    ['a class static method', 'class Store { static async open(): Promise<Store> { return new Store(); } }\nconst probe = Store.open();', 'yes'],
    ['a this property holding an async arrow', 'class A { load = async () => 1;\n run() { const probe = this.load(); } }', 'yes'],
    ['a this property with a declared promise type', 'class A { ready: Promise<void>;\n run() { const probe = this.ready; } }', 'yes'],
    ['a constructor parameter property', 'interface Api { get(): Promise<string> }\nclass A { constructor(private api: Api) {}\n run() { const probe = this.api.get(); } }', 'yes'],
    ['a static this call from an instance method', 'class A { static async load() {}\n run() { const probe = this.load(); } }', 'unknown'],
    ['an arrow returning a promise call', 'const load = (u: string) => fetch(u);\nconst probe = load("/");', 'yes'],
    ['as Promise', 'const probe = g() as Promise<void>;', 'yes'],
    ['then on a declared promise', 'declare const job: Promise<number>;\nconst probe = job.then((x) => x);', 'yes'],
    // A declared thenable's then returns what it declares (a Cypress chainable's returns void), not a promise.
    ['then on a declared thenable returning void', 'interface Chain { then(f: (x: number) => void): void }\ndeclare const c: Chain;\nconst probe = c.then((x) => x);', 'no'],
    ['then on a declared thenable with an unknown then', 'interface Chain { then(f: (x: number) => void): any }\ndeclare const c: Chain;\nconst probe = c.then((x) => x);', 'unknown'],
    ['then on a PromiseLike', 'declare const job: PromiseLike<number>;\nconst probe = job.then((x) => x);', 'yes'],
    ['catch after then on a declared thenable', 'interface Chain { then(f: (x: number) => void): any }\ndeclare const c: Chain;\nconst probe = c.then((x) => x).catch(() => 0);', 'unknown'],
    ['a dynamic import', 'const probe = import("./x.js");', 'yes'],
    ['a type-only import', 'import type { Api } from "./api";\nconst probe = load();', 'unknown'],
  ])('%s', (_name, code, expected) => {
    expect(probe(code)).toBe(expected);
  });
});

describe('SyntaxOracle: values where void is expected', () => {
  it.each<[string, string, VoidValueKind]>([
    ['a number', 'const probe = 1;', 'value'],
    ['null', 'const probe = null;', 'value'],
    ['an update', 'let n = 0;\nconst probe = n++;', 'value'],
    ['an assignment of a literal', 'let n = 0;\nconst probe = (n = 1);', 'value'],
    ['a compound assignment', 'let n = 0;\nconst probe = (n += 1);', 'value'],
    ['a promise', 'const probe = fetch("/");', 'value'],
    ['the global undefined', 'const probe = undefined;', 'void'],
    ['void of a call', 'const probe = void save();', 'void'],
    ['a call of something unknown', 'const probe = save();', 'unknown'],
    ['a logical assignment', 'let n;\nconst probe = (n ||= 1);', 'unknown'],
    ['an await', 'async function f() { const probe = await load(); }', 'unknown'],
  ])('%s', (_name, code, expected) => {
    const { file, node } = probeNode(code);
    expect(file.oracle.voidValueKind(node)).toBe(expected);
  });

  it.each<[string, string, VoidValueKind]>([
    ['an async arrow', 'const probe = async () => {};', 'value'],
    ['a generator', 'const probe = function* () {};', 'value'],
    ['an arrow declared void', 'const probe = (): void => {};', 'void'],
    ['an arrow declared never', 'const probe = (): never => { throw new Error(); };', 'void'],
    ['an arrow declared number', 'const probe = (): number => 1;', 'value'],
    ['an arrow declared with an alias', 'type T = void;\nconst probe = (): T => {};', 'unknown'],
    ['an arrow without a declared type', 'const probe = () => 1;', 'unknown'],
    ['a name of an async function', 'async function save() {}\nconst probe = save;', 'value'],
    ['a name of a function declared void', 'function log(): void {}\nconst probe = log;', 'void'],
    ['a name of anything else', 'const probe = handler;', 'unknown'],
  ])('callResultKind: %s', (_name, code, expected) => {
    const { file, node } = probeNode(code);
    expect(file.oracle.callResultKind(node)).toBe(expected);
  });
});
