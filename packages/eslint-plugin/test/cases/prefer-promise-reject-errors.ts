import rule from '../../src/rules/prefer-promise-reject-errors';
import { defineRuleCases } from '../rule-tester';

type Options = [{ allowEmptyReject?: boolean; allowThrowingAny?: boolean; allowThrowingUnknown?: boolean }];
const reported = (code: string, count = 1, options?: Options) => ({
  code,
  ...(options ? { options } : {}),
  errors: Array.from({ length: count }, () => ({ messageId: 'rejectAnError' as const })),
});

// Run by ESLint's RuleTester (prefer-promise-reject-errors.test.ts) and linted as files by ESLint and
// oxlint alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'Promise.reject(new Error("not found"));',
      'new Promise((resolve, reject) => reject(new TypeError("bad input")));',
      // Anything that may hold an Error: without types the rule does not guess.
      'Promise.reject(error);\nPromise.reject(makeError());\nPromise.reject(this.lastError);',
      'new Promise((resolve, reject) => {\n  try {\n    resolve(JSON.parse(text));\n  } catch (error) {\n    reject(error);\n  }\n});',
      'Promise.reject(ok ? new Error("a") : "b");\nPromise.reject(cause || "unknown");',
      // TypeScript's assertions say what the author knows (ESLint core reports these).
      'new Promise((resolve, reject) => {\n  reject(cause as Error);\n});',
      // A spread's first element is not known.
      'new Promise((resolve, reject) => {\n  reject(...errors);\n});',
      // Not the built-in Promise, or not its reject.
      'import { Promise } from "bluebird";\nPromise.reject("x");',
      'function retry(Promise: PromiseConstructor) {\n  return Promise.reject("x");\n}',
      'queue.reject("x");\nPromise.resolve("x");',
      // `reject` passed on or renamed is not followed (ESLint core does not either).
      'new Promise((resolve, reject) => {\n  const fail = reject;\n  fail("x");\n});',
      'new Promise((resolve) => {\n  reject("not the executor\'s");\n});',
      { code: 'Promise.reject();\nnew Promise((resolve, reject) => reject());', options: [{ allowEmptyReject: true }] },
    ],
    invalid: [
      reported('Promise.reject("failed");'),
      reported('Promise.reject(404);\nPromise.reject({ code: 404 });\nPromise.reject([1]);', 3),
      reported('Promise.reject(`failed: ${id}`);\nPromise.reject(undefined);\nPromise.reject();', 3),
      reported('Promise?.reject("x");\nPromise["reject"]("x");', 2),
      reported('Promise.reject(count += 1);\nPromise.reject((load(), "x"));\nPromise.reject("x" satisfies string);', 3),
      reported('Promise.reject(ready && "x");\nPromise.reject(a ? "x" : 1);', 2),
      {
        code: 'new Promise((resolve, reject) => {\n  setTimeout(() => reject(`timeout after ${ms}ms`), ms);\n});',
        errors: [{ messageId: 'rejectAnError', line: 2, column: 20, endColumn: 51 }],
      },
      reported('new Promise(function (resolve, reject) {\n  reject("x");\n  reject?.({ code: 1 });\n});', 2),
      reported('new Promise(async (resolve, reject) => {\n  reject();\n});'),
    ],
  },
  {
    host: 'typed',
    valid: [
      'declare const error: Error;\nPromise.reject(error);',
      'class HttpError extends Error {}\ndeclare const error: HttpError;\nnew Promise((resolve, reject) => reject(error));',
      'declare const error: Readonly<Error> | TypeError;\nPromise.reject(error);',
      'function fail<E extends Error>(error: E) {\n  return Promise.reject(error);\n}',
      { code: 'declare const error: any;\nPromise.reject(error);', options: [{ allowThrowingAny: true }] },
      { code: 'declare const error: unknown;\nPromise.reject(error);', options: [{ allowThrowingUnknown: true }] },
    ],
    invalid: [
      // Only types show these are not Errors.
      reported('declare const code: number;\nPromise.reject(code);'),
      reported('declare const reason: Error | string;\nPromise.reject(reason);'),
      reported('declare function describe(): { message: string };\nPromise.reject(describe());'),
      // `any` and `unknown` are reported unless allowed, as typescript-eslint does.
      reported('declare const error: any;\nPromise.reject(error);'),
      reported('new Promise((resolve, reject) => {\n  try {\n    resolve(JSON.parse("{}"));\n  } catch (error) {\n    reject(error);\n  }\n});'),
      reported('Promise.reject("x");'),
    ],
  },
  {
    host: 'espree',
    valid: ['Promise.reject(new Error("x"));', 'new Promise(function (resolve, reject) {\n  reject(error);\n});'],
    invalid: [reported('Promise.reject("x");\nnew Promise(function (resolve, reject) {\n  reject(1);\n});', 2)],
  },
]);
