import rule from '../../src/rules/no-nesting';
import { defineRuleCases } from '../rule-tester';

const error = (line: number, column: number) => ({ messageId: 'avoidNesting' as const, line, column });

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // Flat chains.
      'export const p = fetch("/a").then((r) => r.json()).then((data) => fetch(data.next));',
      // uses-handler-values: the nested chain reads the outer handler's parameter.
      'export const p = fetch("/a").then((first) => fetch("/b").then((second) => [first.status, second.status]));',
      'export const p = fetch("/a").then((r) => {\n  const base = r.url;\n  return fetch("/b").catch(() => base);\n});',
      // not-known-promise: either chain unknown (eslint-plugin-promise reports both).
      'export function load(db) {\n  return fetch("/a").then(() => db.query("x").then((rows) => rows.length));\n}',
      'export function load(db) {\n  return db.query("x").then(() => fetch("/b").then((r) => r.status));\n}',
      // Not inside a then/catch handler.
      'export const p = new Promise((resolve) => fetch("/a").then(resolve));',
      'export function f() {\n  return fetch("/a").then((r) => r.ok);\n}',
    ],
    invalid: [
      { code: 'export const p = fetch("/a").then(() => fetch("/b").then((r) => r.status));', errors: [error(1, 53)] },
      { code: 'export const p = fetch("/a").catch(() => {\n  return fetch("/fallback").catch(() => null);\n});', errors: [error(2, 29)] },
      {
        // Only the closest handler counts: `a` belongs to the outer one, so the innermost chain can move up a level.
        code: 'export const p = fetch("/a").then((a) => fetch("/b").then((b) => fetch("/c").then((c) => [a, c])));',
        errors: [error(1, 78)],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export const p = fetch("/a").then((r) => r.ok);'],
    invalid: [{ code: 'export const p = fetch("/a").then(function () {\n  return fetch("/b").then((r) => r.ok);\n});', errors: [error(2, 22)] }],
  },
]);
