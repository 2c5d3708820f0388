import rule from '../../src/rules/no-callback-literal';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (no-callback-literal.test.ts) and linted as files by ESLint and oxlint
// alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export function f(cb: (e?: unknown, v?: unknown) => void) {\n  cb(undefined, "value");\n}',
      'export function f(cb: (e?: unknown, v?: unknown) => void) {\n  cb(null, 1);\n}',
      'export function f(callback: (e?: unknown) => void) {\n  callback(new Error("boom"));\n}',
      // A variable, a call or a member could hold an error.
      'export function f(callback: (e?: unknown) => void, error: unknown) {\n  callback(error);\n}',
      'declare const ERRORS: { missing: Error };\nexport function f(cb: (e?: unknown) => void) {\n  cb(ERRORS.missing);\n}',
      'declare function makeError(): Error;\nexport function f(cb: (e?: unknown) => void) {\n  cb(makeError());\n}',
      'export function f(cb: (e?: unknown) => void, x: unknown) {\n  cb(x || "fallback");\n}',
      'export function f(cb: () => void) {\n  cb();\n}',
      // Another name: eslint-plugin-n checks `callback` and `cb` only.
      'export function f(done: (e?: unknown) => void) {\n  done("text");\n}',
      // not-error-first: the callback is declared with a first parameter that is a value.
      'export function exists(path: string, cb: (found: boolean) => void) {\n  cb(path.length > 0 ? true : false);\n}',
      'export function f() {\n  const cb = (value: string) => console.log(value);\n  cb("hello");\n}',
      'export function f() {\n  function callback(result) {\n    return result;\n  }\n  callback(42);\n}',
    ],
    invalid: [
      { code: 'export function f(cb: (e?: unknown) => void) {\n  cb("this is an error string");\n}', errors: [{ messageId: 'unexpectedLiteral', line: 2, column: 3 }] },
      { code: 'export function f(cb: (e?: unknown) => void) {\n  cb({ a: 1 });\n}', errors: [{ messageId: 'unexpectedLiteral' }] },
      { code: 'export function f(callback: (e?: unknown) => void) {\n  callback(0);\n}', errors: [{ messageId: 'unexpectedLiteral' }] },
      { code: 'export function f(callback: (e?: unknown) => void, n: number) {\n  callback(`failed ${n}`);\n}', errors: [{ messageId: 'unexpectedLiteral' }] },
      { code: 'export function f(callback: (e?: unknown) => void, ok: boolean) {\n  callback(ok ? "bad" : "worse");\n}', errors: [{ messageId: 'unexpectedLiteral' }] },
      // An error-named first parameter: the declaration says error-first.
      { code: 'export function f() {\n  const cb = (err: unknown) => console.log(err);\n  cb("oops");\n}', errors: [{ messageId: 'unexpectedLiteral' }] },
    ],
  },
  {
    host: 'espree',
    valid: ['export function f(cb) {\n  cb(undefined, "value");\n}'],
    invalid: [{ code: 'export function f(cb) {\n  cb("error");\n}', errors: [{ messageId: 'unexpectedLiteral' }] }],
  },
]);
