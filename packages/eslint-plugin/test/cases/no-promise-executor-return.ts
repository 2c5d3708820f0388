import rule from '../../src/rules/no-promise-executor-return';
import { defineRuleCases } from '../rule-tester';

const allowVoid = [{ allowVoid: true }] as [{ allowVoid: boolean }];
const timer = 'export const later = new Promise((resolve) => setTimeout(resolve, 10));';

// Run by ESLint's RuleTester (no-promise-executor-return.test.ts) and linted as files by ESLint and
// oxlint alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'new Promise((resolve) => {\n  resolve(1);\n});',
      // A bare `return` returns nothing.
      'new Promise((resolve) => {\n  if (!ready) return;\n  resolve(1);\n});',
      // Returns of nested functions are theirs.
      'new Promise(function (resolve) {\n  function read() {\n    return 1;\n  }\n  resolve(read());\n});',
      'new Promise((resolve) => {\n  const read = () => 1;\n  resolve([1].map((n) => n + read()));\n});',
      // Not the built-in Promise.
      'import { Promise } from "bluebird";\nnew Promise((resolve) => resolve(1));',
      'function make(Promise: PromiseConstructor) {\n  return new Promise((resolve) => resolve(1));\n}',
      'new Task(() => 1);\nPromise.resolve(() => 1);',
      // With allowVoid, `void` marks the value as discarded.
      { code: 'new Promise((resolve) => void setTimeout(resolve, 10));', options: allowVoid },
      { code: 'new Promise((resolve) => {\n  return void resolve(1);\n});', options: allowVoid },
    ],
    invalid: [
      {
        code: timer,
        errors: [
          {
            messageId: 'returnsValue',
            line: 1,
            column: 47,
            endColumn: 70,
            suggestions: [{ messageId: 'wrapBraces', output: 'export const later = new Promise((resolve) => {setTimeout(resolve, 10)});' }],
          },
        ],
      },
      {
        code: timer,
        options: allowVoid,
        errors: [
          {
            messageId: 'returnsValue',
            suggestions: [
              { messageId: 'prependVoid', output: 'export const later = new Promise((resolve) => void setTimeout(resolve, 10));' },
              { messageId: 'wrapBraces', output: 'export const later = new Promise((resolve) => {setTimeout(resolve, 10)});' },
            ],
          },
        ],
      },
      // `return reject(…)` as an early exit: reported, and without allowVoid nothing to suggest.
      {
        code: 'new Promise((resolve, reject) => {\n  if (!input) return reject(new Error("no input"));\n  resolve(input);\n});',
        errors: [{ messageId: 'returnsValue', line: 2, column: 15, endColumn: 52, suggestions: [] }],
      },
      {
        code: 'new Promise((resolve, reject) => {\n  if (!input) return reject(new Error("no input"));\n  resolve(input);\n});',
        options: allowVoid,
        errors: [
          {
            messageId: 'returnsValue',
            suggestions: [{ messageId: 'prependVoid', output: 'new Promise((resolve, reject) => {\n  if (!input) return void reject(new Error("no input"));\n  resolve(input);\n});' }],
          },
        ],
      },
      // `return(x)`: a space goes between `return` and `void`; the parentheses are kept.
      {
        code: 'new Promise(function (resolve) {\n  return(resolve(1));\n});',
        options: allowVoid,
        errors: [{ messageId: 'returnsValue', suggestions: [{ messageId: 'prependVoid', output: 'new Promise(function (resolve) {\n  return void (resolve(1));\n});' }] }],
      },
      // An operand that binds looser than `void` is parenthesised.
      {
        code: 'new Promise((resolve) => ok ? resolve(1) : resolve(2));',
        options: allowVoid,
        errors: [
          {
            messageId: 'returnsValue',
            suggestions: [
              { messageId: 'prependVoid', output: 'new Promise((resolve) => void (ok ? resolve(1) : resolve(2)));' },
              { messageId: 'wrapBraces', output: 'new Promise((resolve) => {ok ? resolve(1) : resolve(2)});' },
            ],
          },
        ],
      },
      // Braces would make an unnamed function a declaration without a name, and a string a directive.
      { code: 'new Promise(() => function () {});', errors: [{ messageId: 'returnsValue', suggestions: [] }] },
      { code: 'new Promise(() => "use strict");', errors: [{ messageId: 'returnsValue', suggestions: [] }] },
      // A comment after `=>` stays where it is.
      {
        code: 'new Promise((resolve) => /* soon */ setTimeout(resolve));',
        errors: [{ messageId: 'returnsValue', suggestions: [{ messageId: 'wrapBraces', output: 'new Promise((resolve) => /* soon */ {setTimeout(resolve)});' }] }],
      },
      // Every return of the executor itself, async executors too.
      {
        code: 'new Promise(async (resolve) => {\n  if (cached) return resolve(cached);\n  return 1;\n});',
        errors: [
          { messageId: 'returnsValue', line: 2, suggestions: [] },
          { messageId: 'returnsValue', line: 3, suggestions: [] },
        ],
      },
    ],
  },
  {
    host: 'typed',
    valid: ['new Promise<void>((resolve) => {\n  setTimeout(resolve, 10);\n});'],
    invalid: [
      {
        code: 'new Promise<number>((resolve) => resolve(1) as unknown);',
        options: allowVoid,
        errors: [
          {
            messageId: 'returnsValue',
            suggestions: [
              { messageId: 'prependVoid', output: 'new Promise<number>((resolve) => void (resolve(1) as unknown));' },
              { messageId: 'wrapBraces', output: 'new Promise<number>((resolve) => {resolve(1) as unknown});' },
            ],
          },
        ],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['new Promise(function (resolve) {\n  resolve(1);\n});'],
    invalid: [
      {
        code: 'new Promise(function (resolve) {\n  return setTimeout(resolve, 10);\n});',
        errors: [{ messageId: 'returnsValue', line: 2, column: 3, suggestions: [] }],
      },
    ],
  },
]);
