import rule from '../../src/rules/no-async-promise-finally';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (no-async-promise-finally.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'fetch("/").finally(() => done());\nfetch("/").finally(cleanup);',
      // Nothing shows the receiver is a promise: a query builder's or a library's own `finally`.
      'query.finally(async () => {\n  await log();\n});',
      // Not a function written there, or a generator.
      'fetch("/").finally(cleanupAsync);\nfetch("/").finally(async function* () {});',
    ],
    invalid: [
      { code: 'fetch("/").finally(async () => {\n  await log();\n});', errors: [{ messageId: 'asyncFinally', line: 1, column: 20 }] },
      { code: 'Promise.resolve(1).finally(async function () {});', errors: [{ messageId: 'asyncFinally' }] },
      { code: 'async function load() {}\nload().then(use).finally(async () => close());', errors: [{ messageId: 'asyncFinally' }] },
    ],
  },
  {
    host: 'typed',
    valid: ['declare const query: { finally(fn: () => unknown): void };\nquery.finally(async () => {});'],
    invalid: [{ code: 'declare const pending: Promise<number>;\npending.finally(async () => {});', errors: [{ messageId: 'asyncFinally' }] }],
  },
  {
    host: 'espree',
    valid: ['query.finally(async () => {});'],
    invalid: [{ code: 'fetch("/").finally(async () => {});', errors: [{ messageId: 'asyncFinally' }] }],
  },
]);
