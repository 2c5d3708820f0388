import rule from '../../src/rules/param-names';
import { defineRuleCases } from '../rule-tester';

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export const p = new Promise((resolve, reject) => setTimeout(resolve, 10));',
      'export const p = new Promise((_resolve, _reject) => {});',
      'export const p = new Promise(function (resolve) {\n  resolve(1);\n});',
      'export const p = new Promise(() => {});',
      // Destructured or rest parameters have no name to judge.
      'export const p = new Promise((...settle) => settle[0](1));',
      // Not an inline executor, or not one argument.
      'declare function executor(a: () => void, b: () => void): void;\nexport const p = new Promise(executor);',
      // A local `Promise` is not the built-in one.
      'class Promise {\n  constructor(f: (ok: () => void) => void) {}\n}\nexport const p = new Promise((ok) => ok());',
      { code: 'export const p = new Promise((ok, fail) => ok());', options: [{ resolvePattern: '^ok$', rejectPattern: '^fail$' }] },
      // The name the pattern allows is taken by a binding the executor uses: renaming would hide it.
      'let resolve!: () => void;\nexport const ready = new Promise<void>((res) => (resolve = res));\nexport const open = () => resolve();',
      "import { resolve } from 'node:path';\nexport const full = (p: string) => new Promise<string>((ok) => setImmediate(() => ok(resolve(p))));",
    ],
    invalid: [
      {
        code: 'export const p = new Promise((reject, resolve) => reject(1));',
        errors: [
          { messageId: 'resolveParamNames', line: 1, column: 31, data: { resolvePattern: '^_?resolve$' } },
          { messageId: 'rejectParamNames', line: 1, column: 39, data: { rejectPattern: '^_?reject$' } },
        ],
      },
      { code: 'export const p = new Promise(function (ok) {\n  ok(1);\n});', errors: [{ messageId: 'resolveParamNames', column: 40 }] },
      { code: 'export const p = new Promise((resolve, fail) => resolve(1));', errors: [{ messageId: 'rejectParamNames' }] },
      {
        // Only the taken name is excused: `rej` could still be `reject`.
        code: 'let resolve: (v: number) => void;\nexport const p = new Promise<number>((res, rej) => {\n  resolve = res;\n  setTimeout(rej, 10);\n});',
        errors: [{ messageId: 'rejectParamNames', line: 2 }],
      },
      {
        code: 'export const p = new Promise((resolve, reject) => resolve(1));',
        options: [{ resolvePattern: '^ok$' }],
        errors: [{ messageId: 'resolveParamNames', data: { resolvePattern: '^ok$' } }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export const p = new Promise((resolve, reject) => resolve(1));'],
    invalid: [{ code: 'export const p = new Promise((done) => done(1));', errors: [{ messageId: 'resolveParamNames' }] }],
  },
]);
