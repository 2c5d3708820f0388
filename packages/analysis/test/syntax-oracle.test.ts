import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/parse';
import type { Tri } from '../src/tri';
import { walk } from '../src/walk';

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
    ['an async generator', 'async function* load() {}\nconst probe = load();', 'unknown'],
    ['a reassigned let', 'let p = Promise.resolve();\np = 1;\nconst probe = p;', 'unknown'],
    ['a sync fs call', 'import { readFileSync } from "node:fs";\nconst probe = readFileSync("x");', 'unknown'],
    ['a conditional of two promises', 'const probe = c ? Promise.resolve() : fetch("/");', 'yes'],
    ['a conditional of a promise and a number', 'const probe = c ? Promise.resolve() : 1;', 'unknown'],
  ])('%s', (_name, code, expected) => {
    expect(probe(code)).toBe(expected);
  });
});
