import rule from '../../src/rules/prefer-promise-static-methods';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (prefer-promise-static-methods.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'const a = Promise.resolve(1);\nconst b = new Promise((resolve) => setTimeout(resolve, 10));',
      // More than the one call, or a value that is computed there.
      'const a = new Promise((resolve) => {\n  log();\n  resolve(1);\n});\nconst b = new Promise((resolve) => resolve(compute()));',
      // The value is the executor's own: a parameter, `arguments`, its name.
      'const a = new Promise((resolve, reject) => resolve(reject));\nconst b = new Promise(function run(resolve) { resolve(run); });',
      // Not the built-in Promise; async executors; no parameters.
      'function f(Promise) {\n  return new Promise((resolve) => resolve(1));\n}\nconst c = new Promise(async (resolve) => resolve(1));\nconst d = new Promise(() => go());',
    ],
    invalid: [
      { code: 'const a = new Promise((resolve) => resolve(1));', output: 'const a = Promise.resolve(1);', errors: [{ messageId: 'resolve', line: 1, column: 11 }] },
      { code: 'const a = new Promise((resolve) => resolve());', output: 'const a = Promise.resolve();', errors: [{ messageId: 'resolve' }] },
      { code: 'const a = new Promise((r) => { r(`done`); });', output: 'const a = Promise.resolve(`done`);', errors: [{ messageId: 'resolve' }] },
      { code: 'const a = new Promise((_, reject) => reject("no"));', output: 'const a = Promise.reject("no");', errors: [{ messageId: 'reject' }] },
      { code: 'const a = new Promise<number>((_, reject) => reject(undefined));', output: 'const a = Promise.reject<number>(undefined);', errors: [{ messageId: 'reject' }] },
      {
        code: 'const a = new Promise(function (resolve) {\n  resolve(value);\n});',
        errors: [{ messageId: 'resolve', suggestions: [{ messageId: 'useStatic', data: { method: 'resolve' }, output: 'const a = Promise.resolve(value);' }] }],
      },
      {
        code: 'const a = new Promise((_, reject) => reject(error));',
        errors: [{ messageId: 'reject', suggestions: [{ messageId: 'useStatic', data: { method: 'reject' }, output: 'const a = Promise.reject(error);' }] }],
      },
      // Reported, nothing rewritten: a type argument `Promise.resolve` may not fit, an annotation, a comment.
      { code: 'const a = new Promise<number>((resolve) => resolve(1));', errors: [{ messageId: 'resolve' }] },
      { code: 'const a = new Promise((resolve: (v: number) => void) => resolve(1));', errors: [{ messageId: 'resolve' }] },
      { code: 'const a = new Promise((resolve) => /* at once */ resolve(1));', errors: [{ messageId: 'resolve' }] },
    ],
  },
  {
    host: 'espree',
    valid: ['const a = Promise.resolve(1);'],
    invalid: [{ code: 'const a = new Promise((resolve) => resolve(1));', output: 'const a = Promise.resolve(1);', errors: [{ messageId: 'resolve' }] }],
  },
]);
