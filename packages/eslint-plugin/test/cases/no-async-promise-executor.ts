import rule from '../../src/rules/no-async-promise-executor';
import { defineRuleCases } from '../rule-tester';

const withAwait = 'export const config = new Promise(async (resolve) => {\n  resolve(await load());\n});';

// Run by ESLint's RuleTester (no-async-promise-executor.test.ts) and linted as files by ESLint and
// oxlint alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'new Promise((resolve, reject) => {\n  setTimeout(resolve, 10);\n});',
      'new Promise(function (resolve) {\n  resolve(1);\n});',
      // Not the built-in Promise: an import, a parameter, a local class.
      'import { Promise } from "bluebird";\nnew Promise(async (resolve) => resolve(1));',
      'function wrap(Promise: PromiseConstructor) {\n  return new Promise(async (resolve) => resolve(1));\n}',
      'class Promise {\n  constructor(run: () => unknown) {}\n}\nnew Promise(async () => {});',
      // An executor passed by name: ESLint core does not look it up either.
      'const run = async (resolve: (v: number) => void) => resolve(1);\nnew Promise(run);',
      // Async functions elsewhere in the executor, or as other arguments.
      'new Promise((resolve) => {\n  const next = async () => {};\n  resolve(next);\n});',
      'Promise.resolve(async () => {});\nnew Other(async () => {});',
    ],
    invalid: [
      // It awaits: removing `async` would not parse, so there is no suggestion.
      { code: withAwait, errors: [{ messageId: 'async', line: 1, column: 35, endColumn: 40, suggestions: [] }] },
      {
        code: 'new Promise(async function (resolve, reject) {\n  try {\n    resolve(JSON.parse(text));\n  } catch (error) {\n    reject(error);\n  }\n});',
        errors: [
          {
            messageId: 'async',
            line: 1,
            column: 13,
            suggestions: [
              {
                messageId: 'removeAsync',
                output: 'new Promise(function (resolve, reject) {\n  try {\n    resolve(JSON.parse(text));\n  } catch (error) {\n    reject(error);\n  }\n});',
              },
            ],
          },
        ],
      },
      {
        code: 'const p = new Promise(async (resolve) => resolve(1));',
        errors: [{ messageId: 'async', column: 23, suggestions: [{ messageId: 'removeAsync', output: 'const p = new Promise((resolve) => resolve(1));' }] }],
      },
      // A declared `Promise<T>` return type is unwrapped with the keyword.
      {
        code: 'new Promise<void>(async (resolve): Promise<void> => {\n  resolve();\n});',
        errors: [{ messageId: 'async', suggestions: [{ messageId: 'removeAsync', output: 'new Promise<void>((resolve): void => {\n  resolve();\n});' }] }],
      },
      // Any other declared return type would no longer fit: no suggestion.
      { code: 'new Promise(async (resolve): PromiseLike<void> => {\n  resolve();\n});', errors: [{ messageId: 'async', suggestions: [] }] },
      // Nested executors: each is reported; only the one that does not await gets the suggestion.
      {
        code: 'new Promise(async (resolve) => {\n  resolve(await new Promise(async (inner) => inner(1)));\n});',
        errors: [
          { messageId: 'async', line: 1, column: 13, suggestions: [] },
          {
            messageId: 'async',
            line: 2,
            column: 29,
            suggestions: [{ messageId: 'removeAsync', output: 'new Promise(async (resolve) => {\n  resolve(await new Promise((inner) => inner(1)));\n});' }],
          },
        ],
      },
      // A comment after `async` stays.
      {
        code: 'new Promise(async /* legacy */ (resolve) => resolve(1));',
        errors: [{ messageId: 'async', suggestions: [{ messageId: 'removeAsync', output: 'new Promise(/* legacy */ (resolve) => resolve(1));' }] }],
      },
    ],
  },
  {
    host: 'typed',
    valid: ['new Promise<number>((resolve) => resolve(1));'],
    invalid: [{ code: withAwait, errors: [{ messageId: 'async', line: 1, column: 35, suggestions: [] }] }],
  },
  {
    host: 'espree',
    valid: ['new Promise(function (resolve) {\n  resolve(1);\n});', 'function wrap(Promise) {\n  return new Promise(async (resolve) => resolve(1));\n}'],
    invalid: [
      {
        code: 'new Promise(async (resolve) => {\n  setTimeout(resolve, 10);\n});',
        errors: [{ messageId: 'async', suggestions: [{ messageId: 'removeAsync', output: 'new Promise((resolve) => {\n  setTimeout(resolve, 10);\n});' }] }],
      },
    ],
  },
]);
