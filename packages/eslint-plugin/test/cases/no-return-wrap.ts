import rule from '../../src/rules/no-return-wrap';
import { defineRuleCases } from '../rule-tester';

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export const p = fetch("/a").then((r) => r.status);',
      'export const p = fetch("/a").then((r) => {\n  if (!r.ok) throw new Error("failed");\n  return r.status;\n});',
      // Outside a handler, Promise.resolve is how a function returns a promise.
      'export function cached(value: number) {\n  return Promise.resolve(value);\n}',
      // A nested function inside a handler is not the handler.
      'export const p = fetch("/a").then((r) => {\n  const later = () => Promise.resolve(r.status);\n  return later;\n});',
      // allowReject
      { code: 'export const p = fetch("/a").then((r) => {\n  if (!r.ok) return Promise.reject(new Error("failed"));\n  return r;\n});', options: [{ allowReject: true }] },
      // not-known-promise: the chain is a query builder's or unknown (eslint-plugin-promise reports both).
      'export function rows(db) {\n  return db.query("select 1").then((rows) => Promise.resolve(rows));\n}',
      'declare const q: { then(f: (rows: string[]) => unknown): void };\nq.then((rows) => Promise.resolve(rows));',
      // A local `Promise` is not the built-in one.
      'import Promise from "bluebird";\nexport const p = fetch("/a").then((r) => Promise.resolve(r));',
    ],
    invalid: [
      {
        code: 'export const p = fetch("/a").then((r) => {\n  return Promise.resolve(r.status);\n});',
        errors: [{ messageId: 'resolve', line: 2, column: 3 }],
      },
      { code: 'export const p = fetch("/a").then((r) => Promise.resolve(r.status));', errors: [{ messageId: 'resolve', line: 1, column: 42 }] },
      {
        code: 'export const p = fetch("/a").then(function (r) {\n  if (!r.ok) return Promise.reject(new Error("failed"));\n  return r;\n});',
        errors: [{ messageId: 'reject', line: 2 }],
      },
      { code: 'export const p = fetch("/a").catch(() => Promise.resolve(null));', errors: [{ messageId: 'resolve' }] },
      { code: 'export const p = fetch("/a").finally(function () {\n  return Promise.resolve();\n}.bind(this));', errors: [{ messageId: 'resolve' }] },
      {
        code: 'export const p = Promise.resolve(1).then((n) => n).then((n) => Promise.reject(new Error(String(n))));',
        options: [{ allowReject: false }],
        errors: [{ messageId: 'reject' }],
      },
    ],
  },
  {
    host: 'typed',
    valid: ['declare const q: PromiseLike<number>;\nexport const p = q.then((n) => Promise.resolve(n));'],
    invalid: [
      {
        code: 'const pending = new Map<string, Promise<string>>();\nexport const p = pending.get("a")!.then((v) => Promise.resolve(v.length));',
        errors: [{ messageId: 'resolve', line: 2 }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export const p = fetch("/a").then((r) => r.ok);'],
    invalid: [{ code: 'export const p = fetch("/a").then(function (r) {\n  return Promise.resolve(r.ok);\n});', errors: [{ messageId: 'resolve' }] }],
  },
]);
