import path from 'node:path';
import rule from '../../src/rules/prefer-promise-with-resolvers';
import { defineRuleCases } from '../rule-tester';

const fixture = (dir: string, ext = 'ts') => path.join(import.meta.dirname, '..', 'fixtures', dir, `deferred.${ext}`);
/**
 * Reported cases run as files of a project on Node 24: a bare name would be read against the
 * package.json nearest the test's working directory, whose engines may predate the static.
 */
const onNode24 = <T extends object>(c: T, ext = 'ts'): T & { filename: string } => ({ filename: fixture('node-24', ext), ...c });

// Run by ESLint's RuleTester (prefer-promise-with-resolvers.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'const { promise, resolve } = Promise.withResolvers();',
      // The executor does setup work, or calls the resolver itself: the constructor is for that.
      'let resolve;\nconst promise = new Promise((resolve_) => {\n  start();\n  resolve = resolve_;\n});',
      'const promise = new Promise((resolve) => {\n  setTimeout(resolve, 10);\n});',
      // The copy goes to a property, to an undeclared global, or to the executor's own binding.
      'const deferred = {};\ndeferred.promise = new Promise((resolve) => {\n  deferred.resolve = resolve;\n});',
      'const promise = new Promise((resolve) => {\n  globalResolve = resolve;\n});',
      'const promise = new Promise((resolve, reject) => {\n  resolve = reject;\n});',
      // One resolver copied twice, an async executor, an expression body, a destructured parameter.
      'let a, b;\nconst p = new Promise((resolve) => {\n  a = resolve;\n  b = resolve;\n});',
      'let r;\nconst p = new Promise(async (resolve) => {\n  r = resolve;\n});',
      'let r;\nconst p = new Promise((resolve) => (r = resolve));',
      // Not the built-in Promise.
      'function f(Promise) {\n  let r;\n  return new Promise((resolve) => {\n    r = resolve;\n  });\n}',
      // A project whose engines admit a Node without Promise.withResolvers (before 22).
      { code: 'let r;\nconst p = new Promise((resolve) => {\n  r = resolve;\n});', filename: fixture('node-18') },
    ],
    invalid: [
      onNode24({
        code: 'let resolve;\nconst promise = new Promise((resolve_) => {\n  resolve = resolve_;\n});',
        output: 'const {promise, resolve} = Promise.withResolvers();',
        errors: [{ messageId: 'preferPromiseWithResolvers', line: 2, column: 17 }],
      }),
      onNode24({
        code: 'let fulfill;\nlet fail;\nconst deferred = new Promise(function (resolve, reject) {\n  fulfill = resolve;\n  fail = reject;\n});',
        output: 'const {promise: deferred, resolve: fulfill, reject: fail} = Promise.withResolvers();',
        errors: [{ messageId: 'preferPromiseWithResolvers', line: 3 }],
      }),
      onNode24({
        // Copies in either order, one `let` for both, a type argument.
        code: 'function open() {\n  let onError, onDone;\n  const ready = new Promise<void>((resolve, reject) => {\n    onError = reject;\n    onDone = resolve;\n  });\n  return { ready, onDone, onError };\n}',
        output: 'function open() {\n  const {promise: ready, resolve: onDone, reject: onError} = Promise.withResolvers<void>();\n  return { ready, onDone, onError };\n}',
        errors: [{ messageId: 'preferPromiseWithResolvers' }],
      }),
      // A project on Node 24 gets the fix too.
      {
        code: 'let r;\nconst p = new Promise((resolve) => {\n  r = resolve;\n});',
        output: 'const {promise: p, resolve: r} = Promise.withResolvers();',
        filename: fixture('node-24'),
        errors: [{ messageId: 'preferPromiseWithResolvers' }],
      },
      // Reported, not rewritten: declarations not adjacent, a variable written again, an annotation,
      // a comment, a promise declared with `let` or kept in a property.
      onNode24({ code: 'let r;\nsetup();\nconst p = new Promise((resolve) => {\n  r = resolve;\n});', errors: [{ messageId: 'preferPromiseWithResolvers' }] }),
      onNode24({ code: 'let r;\nconst p = new Promise((resolve) => {\n  r = resolve;\n});\nr = undefined;', errors: [{ messageId: 'preferPromiseWithResolvers' }] }),
      onNode24({ code: 'let r: (value: number) => void;\nconst p = new Promise<number>((resolve) => {\n  r = resolve;\n});', errors: [{ messageId: 'preferPromiseWithResolvers' }] }),
      onNode24({ code: 'let r;\nconst p = new Promise((resolve) => {\n  // keep the resolver for later\n  r = resolve;\n});', errors: [{ messageId: 'preferPromiseWithResolvers' }] }),
      onNode24({ code: 'let r;\nlet p = new Promise((resolve) => {\n  r = resolve;\n});', errors: [{ messageId: 'preferPromiseWithResolvers' }] }),
      onNode24({ code: 'class Gate {\n  open;\n  ready = new Promise((resolve) => {\n    this.open = resolve;\n  });\n}\nlet r;\nthis.p = new Promise((resolve) => {\n  r = resolve;\n});', errors: [{ messageId: 'preferPromiseWithResolvers', line: 8 }] }),
    ],
  },
  {
    host: 'espree',
    valid: ['const { promise, resolve } = Promise.withResolvers();'],
    invalid: [
      onNode24({
        code: 'let r;\nconst p = new Promise((resolve) => {\n  r = resolve;\n});',
        output: 'const {promise: p, resolve: r} = Promise.withResolvers();',
        errors: [{ messageId: 'preferPromiseWithResolvers' }],
      }, 'js'),
    ],
  },
]);
