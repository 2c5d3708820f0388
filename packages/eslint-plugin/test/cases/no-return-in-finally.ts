import rule from '../../src/rules/no-return-in-finally';
import { defineRuleCases } from '../rule-tester';

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export const p = fetch("/a").finally(() => {\n  console.log("done");\n});',
      'export const p = fetch("/a").finally(() => console.log("done"));',
      // returns-promise: finally() waits for a returned promise and passes its rejection on (eslint-plugin-promise reports it).
      'declare function close(): Promise<void>;\nexport const p = fetch("/a").finally(() => {\n  return close();\n});',
      'export function load(db) {\n  return fetch("/a").finally(() => {\n    return db.close();\n  });\n}',
      // A nested function's return is its own.
      'export const p = fetch("/a").finally(() => {\n  const f = () => 1;\n  f();\n});',
      // not-known-promise: a query builder's finally.
      'export function load(q) {\n  return q.finally(() => {\n    return 1;\n  });\n}',
    ],
    invalid: [
      { code: 'export const p = fetch("/a").finally(() => {\n  return 1;\n});', errors: [{ messageId: 'avoidReturnInFinally', line: 1, column: 30 }] },
      { code: 'export const p = fetch("/a").finally(function () {\n  console.log("done");\n  return;\n});', errors: [{ messageId: 'avoidReturnInFinally' }] },
      // A value returned from inside a block is ignored too.
      { code: 'export const p = fetch("/a").finally(() => {\n  if (Math.random() > 0.5) return "half";\n});', errors: [{ messageId: 'avoidReturnInFinally' }] },
      { code: 'export const p = Promise.resolve(1).then((n) => n).finally(() => {\n  return { done: true };\n});', errors: [{ messageId: 'avoidReturnInFinally' }] },
    ],
  },
  {
    host: 'espree',
    valid: ['export const p = fetch("/a").finally(() => {});'],
    invalid: [{ code: 'export const p = fetch("/a").finally(() => {\n  return 1;\n});', errors: [{ messageId: 'avoidReturnInFinally' }] }],
  },
]);
