import rule from '../../src/rules/no-await-in-promise-methods';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (no-await-in-promise-methods.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'async function f() {\n  await Promise.all([a(), b()]);\n}',
      // An `await` of a nested function belongs to it: the element is that function's promise.
      'async function f() {\n  await Promise.all([(async () => await a())(), b()]);\n}',
      'async function f(items) {\n  await Promise.all(items.map(async (x) => await load(x)));\n}',
      // A local `Promise` is not the built-in one (unicorn reports it).
      'async function f(Promise) {\n  await Promise.all([await a(), b()]);\n}',
      // Not an array literal of one call, or not an aggregator.
      'async function f() {\n  await Promise.all?.([await a()]);\n  await Promise.resolve(await a());\n  const pair = [await a(), b()];\n}',
      'async function f(list) {\n  await Promise.all(await list());\n}',
    ],
    invalid: [
      {
        code: 'async function f() {\n  await Promise.all([await a(), b()]);\n}',
        errors: [
          {
            messageId: 'awaitInPromiseMethod',
            data: { method: 'all' },
            line: 2,
            column: 22,
            suggestions: [{ messageId: 'removeAwait', output: 'async function f() {\n  await Promise.all([a(), b()]);\n}' }],
          },
        ],
      },
      {
        code: 'async function f() {\n  return Promise.allSettled([x, await y()]);\n}',
        errors: [
          {
            messageId: 'awaitInPromiseMethod',
            data: { method: 'allSettled' },
            suggestions: [{ messageId: 'removeAwait', output: 'async function f() {\n  return Promise.allSettled([x, y()]);\n}' }],
          },
        ],
      },
      // The `await` is inside the element, not the element: reported, nothing suggested.
      { code: 'async function f() {\n  await Promise.race([(await a()).ready, b()]);\n}', errors: [{ messageId: 'awaitInPromiseMethod', data: { method: 'race' }, suggestions: [] }] },
      { code: 'async function f() {\n  await Promise.any([ok ? await a() : b()]);\n}', errors: [{ messageId: 'awaitInPromiseMethod', data: { method: 'any' }, suggestions: [] }] },
      // Of nested `await`s, the outer one.
      {
        code: 'async function f() {\n  await Promise.all([await (await a()), b()]);\n}',
        errors: [
          {
            messageId: 'awaitInPromiseMethod',
            column: 22,
            suggestions: [{ messageId: 'removeAwait', output: 'async function f() {\n  await Promise.all([(await a()), b()]);\n}' }],
          },
        ],
      },
      // Top-level await in a module.
      {
        code: 'const [a, b] = await Promise.all([await load("a"), load("b")]);\nexport { a, b };',
        errors: [{ messageId: 'awaitInPromiseMethod', suggestions: [{ messageId: 'removeAwait', output: 'const [a, b] = await Promise.all([load("a"), load("b")]);\nexport { a, b };' }] }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['async function f() {\n  await Promise.all([a(), b()]);\n}'],
    invalid: [
      {
        code: 'async function f() {\n  await Promise.all([await a(), b()]);\n}',
        errors: [{ messageId: 'awaitInPromiseMethod', suggestions: [{ messageId: 'removeAwait', output: 'async function f() {\n  await Promise.all([a(), b()]);\n}' }] }],
      },
    ],
  },
]);
