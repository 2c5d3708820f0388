import rule from '../../src/rules/handle-callback-err';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (handle-callback-err.test.ts) and linted as files by ESLint and oxlint
// alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export function load(err: Error | null, data: string) {\n  if (err) throw err;\n  return data;\n}',
      // Read in a nested function counts: the error is handed on.
      'export function load(err: Error | null, done: (e: Error | null) => void) {\n  setImmediate(() => done(err));\n}',
      'export function check(err: unknown) {\n  if (err) {\n  }\n}',
      // Not the first parameter, or another name.
      'export function handler(req: unknown, err: Error) {\n  return req;\n}',
      'export function handler(error: Error) {\n  return 1;\n}',
      // uses-arguments: `arguments` holds the error and is passed on.
      'export function forward(this: unknown, err: Error | null) {\n  console.log.apply(null, arguments as never);\n}',
      // destructured-parameter: `err` is a member of an options object, not a callback's error.
      'export const show = ({ err, label }: { err?: string; label: string }) => label;',
      // class-method: an override that ignores the error on purpose.
      'export class Quiet {\n  error(err: Error) {\n    return 0;\n  }\n}',
      { code: 'export function load(error: Error, data: string) {\n  if (error) throw error;\n  return data;\n}', options: ['error'] },
      { code: 'export function load(e: Error) {\n  return 1;\n}', options: ['^(err|error)$'] },
    ],
    invalid: [
      { code: 'export function load(err: Error | null, data: string) {\n  return data;\n}', errors: [{ messageId: 'expected', line: 1, column: 8, data: { name: 'err' } }] },
      { code: 'import { readFile } from "node:fs";\nreadFile("a", (err, data) => {\n  console.log(data);\n});', errors: [{ messageId: 'expected', line: 2, column: 15 }] },
      // A default value writes the parameter, which is not a read.
      { code: 'export const done = function (err = null) {\n  return 1;\n};', errors: [{ messageId: 'expected' }] },
      { code: 'export const handler = { error(err: Error) {\n  return 0;\n} };', errors: [{ messageId: 'expected' }] },
      { code: 'export function load(error: Error) {\n  return 1;\n}', options: ['error'], errors: [{ messageId: 'expected', data: { name: 'error' } }] },
      {
        code: 'export function a(error: Error) {\n  return 1;\n}\nexport function b(anySpecificError: Error) {\n  return 2;\n}',
        options: ['^(err|error|anySpecificError)$'],
        errors: [{ messageId: 'expected', line: 1 }, { messageId: 'expected', line: 4, data: { name: 'anySpecificError' } }],
      },
      // An arrow's `arguments` is its enclosing function's, which does not hold the arrow's error.
      { code: 'export function outer() {\n  return (err: Error) => arguments.length;\n}', errors: [{ messageId: 'expected', line: 2 }] },
    ],
  },
  {
    host: 'espree',
    valid: ['export function load(err, data) {\n  if (err) throw err;\n  return data;\n}', 'export function f() {\n  return function (err) {\n    console.log(arguments);\n  };\n}'],
    invalid: [{ code: 'export function load(err, data) {\n  return data;\n}', errors: [{ messageId: 'expected' }] }],
  },
]);
