import path from 'node:path';
import rule from '../../src/rules/prefer-promise-try';
import { defineRuleCases } from '../rule-tester';

const fixture = (dir: string, ext = 'ts') => path.join(import.meta.dirname, '..', 'fixtures', dir, `start.${ext}`);
/**
 * Reported cases run as files of a project on Node 24: a bare name would be read against the
 * package.json nearest the test's working directory, whose engines may predate the static.
 */
const onNode24 = <T extends object>(c: T, ext = 'ts'): T & { filename: string } => ({ filename: fixture('node-24', ext), ...c });

// Run by ESLint's RuleTester (prefer-promise-try.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'const a = Promise.try(() => load());',
      // The executor does more, settles with no call, or the call reads the resolver.
      'const a = new Promise((resolve) => {\n  setup();\n  resolve(load());\n});',
      'const a = new Promise((resolve) => resolve(value));\nconst b = new Promise((resolve) => resolve(wrap(resolve)));',
      // Both resolvers, an async or function executor, a rejecting executor.
      'const a = new Promise((resolve, reject) => resolve(load()));\nconst b = new Promise(async (resolve) => resolve(load()));\nconst c = new Promise(function (resolve) { resolve(load()); });',
      // `then` on something else, with two callbacks, with no callback, with `undefined`, on an argument-taking resolve.
      'const a = task.then(run);\nconst b = Promise.resolve().then(run, fail);\nconst c = Promise.resolve().then(undefined);\nconst d = Promise.resolve(1).then(run);\nconst e = Promise.resolve().then(1);',
      // Optional calls and chains; not the built-in Promise.
      'const a = Promise.resolve()?.then(run);\nconst b = Promise.resolve().then(handlers?.run);\nfunction f(Promise) {\n  return new Promise((resolve) => resolve(load()));\n}',
      // A project whose engines admit a Node without Promise.try (before 24).
      { code: 'const a = new Promise((resolve) => resolve(load()));', filename: fixture('node-18') },
    ],
    invalid: [
      onNode24({
        code: 'const a = new Promise((resolve) => resolve(load()));',
        output: 'const a = Promise.try(() => load());',
        errors: [{ messageId: 'preferPromiseTry', line: 1, column: 11 }],
      }),
      onNode24({
        code: 'export function read(file) {\n  return new Promise((done) => {\n    done(parse(file, { strict: true }));\n  });\n}',
        output: 'export function read(file) {\n  return Promise.try(() => parse(file, { strict: true }));\n}',
        errors: [{ messageId: 'preferPromiseTry', line: 2 }],
      }),
      onNode24({
        code: 'const a = new Promise((resolve) => resolve(cache?.get(key) as Entry));',
        output: 'const a = Promise.try(() => cache?.get(key) as Entry);',
        errors: [{ messageId: 'preferPromiseTry' }],
      }),
      { code: 'const a = new Promise((r) => r(load()));', output: 'const a = Promise.try(() => load());', filename: fixture('node-24'), errors: [{ messageId: 'preferPromiseTry' }] },
      // `Promise.resolve().then(f)`: reported, never rewritten (`f` would run at once instead of a microtask later).
      onNode24({ code: 'Promise.resolve().then(run);', errors: [{ messageId: 'preferPromiseTry', line: 1, column: 1 }] }),
      onNode24({ code: 'const a = Promise.resolve().then(() => step());\nconst b = Promise.resolve().then(tasks.next);', errors: [{ messageId: 'preferPromiseTry', line: 1 }, { messageId: 'preferPromiseTry', line: 2 }] }),
      // Reported, not rewritten: a type argument (`Promise.try<T>` does not compile), an annotated
      // executor, a comment, a callee of `new`.
      onNode24({ code: 'const a = new Promise<number>((resolve) => resolve(load()));', errors: [{ messageId: 'preferPromiseTry' }] }),
      onNode24({ code: 'const a = new Promise((resolve: (v: number) => void) => resolve(load()));', errors: [{ messageId: 'preferPromiseTry' }] }),
      onNode24({ code: 'const a = new Promise((resolve) => /* at once */ resolve(load()));', errors: [{ messageId: 'preferPromiseTry' }] }),
      onNode24({ code: 'const a = new (new Promise((resolve) => resolve(load())).constructor)();', errors: [{ messageId: 'preferPromiseTry' }] }),
    ],
  },
  {
    host: 'espree',
    valid: ['const a = Promise.try(() => load());'],
    invalid: [onNode24({ code: 'const a = new Promise((resolve) => resolve(load()));', output: 'const a = Promise.try(() => load());', errors: [{ messageId: 'preferPromiseTry' }] }, 'js')],
  },
]);
