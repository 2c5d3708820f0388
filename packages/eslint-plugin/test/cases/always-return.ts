import rule from '../../src/rules/always-return';
import { defineRuleCases } from '../rule-tester';

const error = (line = 1, column?: number) => ({ messageId: 'thenShouldReturnOrThrow' as const, line, ...(column ? { column } : {}) });

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export const size = fetch("/a").then((response) => response.headers.get("length"));',
      'export const size = fetch("/a").then((response) => {\n  return response.status;\n});',
      'export const size = fetch("/a").then(function (response) {\n  if (!response.ok) throw new Error("failed");\n  return response.status;\n});',
      // Every branch returns: if/else, switch with default, try/catch, an infinite loop left only by return.
      'export const kind = fetch("/a").then((r) => {\n  if (r.ok) {\n    return "ok";\n  } else {\n    return "bad";\n  }\n});',
      'export const kind = fetch("/a").then((r) => {\n  switch (r.status) {\n    case 200:\n      return "ok";\n    case 404:\n    default:\n      throw new Error("bad");\n  }\n});',
      'export const kind = fetch("/a").then((r) => {\n  try {\n    return r.headers.get("x");\n  } catch (error) {\n    return null;\n  }\n});',
      'export const kind = fetch("/a").then((r) => {\n  for (;;) {\n    if (r.ok) return 1;\n  }\n});',
      'export const kind = fetch("/a").then((r) => {\n  try {\n    console.log(r);\n  } finally {\n    return 1;\n  }\n});',
      'fetch("/a").then((r) => {\n  console.log(r.status);\n  process.exit(0);\n});',
      // A nested function's return does not count, but its own body is not the handler's.
      'export const ok = fetch("/a").then((r) => {\n  const f = () => {\n    console.log(r);\n  };\n  return f;\n});',
      // last-callback: with ignoreLastCallback the last handler of a discarded chain is not checked.
      { code: 'fetch("/a").then((r) => {\n  console.log(r.status);\n});', options: [{ ignoreLastCallback: true }] },
      { code: 'fetch("/a").then((r) => {\n  console.log(r.status);\n}).catch(() => {});', options: [{ ignoreLastCallback: true }] },
      // ignored-assignment: the last handler stores the value on globalThis (the default) or a configured name.
      'fetch("/a").then((r) => {\n  globalThis.status = r.status;\n});',
      { code: 'fetch("/a").then((r) => {\n  window.status = r.status;\n});', options: [{ ignoreAssignmentVariable: ['window'] }] },
      // not-known-promise: Cypress, an untyped parameter, a declared thenable (eslint-plugin-promise reports all three).
      "cy.get('button').then(($button) => {\n  $button.click();\n});",
      'export function load(db) {\n  return db.query("select 1").then((rows) => {\n    console.log(rows);\n  });\n}',
      'declare const q: { then(f: (rows: string[]) => void): void };\nq.then((rows) => {\n  console.log(rows);\n});',
      // An expression body always returns its value.
      'fetch("/a").then((r) => console.log(r.status));',
    ],
    invalid: [
      { code: 'fetch("/a").then((r) => {\n  console.log(r.status);\n});', errors: [error(1, 18)] },
      { code: 'export const p = fetch("/a").then(function (r) {\n  if (r.ok) return r.status;\n});', errors: [error(1, 35)] },
      { code: 'export const p = fetch("/a").then((r) => {\n  switch (r.status) {\n    case 200:\n      return 1;\n  }\n});', errors: [error()] },
      { code: 'export const p = fetch("/a").then((r) => {\n  try {\n    return r.status;\n  } catch {\n    console.log("no");\n  }\n});', errors: [error()] },
      { code: 'export const p = fetch("/a").then((r) => {\n  while (true) {\n    if (r.ok) break;\n  }\n});', errors: [error()] },
      { code: 'export const p = fetch("/a").then((r) => {\n  outer: for (;;) {\n    for (;;) break outer;\n  }\n});', errors: [error()] },
      // Not the last handler: ignoreLastCallback does not apply, nor does the globalThis assignment.
      {
        code: 'fetch("/a").then((r) => {\n  globalThis.status = r.status;\n}).then((x) => console.log(x));',
        options: [{ ignoreLastCallback: true }],
        errors: [error()],
      },
      // Chains on a promise further down: then() after then().
      { code: 'export const p = Promise.resolve(1).then((n) => n + 1).then((n) => {\n  console.log(n);\n});', errors: [error(1, 61)] },
      { code: 'export async function load() {\n  return 1;\n}\nexport const p = load().then(async (n) => {\n  await Promise.resolve(n);\n});', errors: [error(4)] },
    ],
  },
  {
    host: 'typed',
    valid: ['declare const q: PromiseLike<number>;\nexport const p = q.then((n) => {\n  return n;\n});'],
    invalid: [
      {
        code: 'const pending = new Map<string, Promise<string>>();\nexport const p = pending.get("a")!.then((value) => {\n  console.log(value);\n});',
        errors: [error(2)],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export const p = fetch("/a").then((r) => {\n  return r.ok;\n});'],
    invalid: [{ code: 'fetch("/a").then(function (r) {\n  console.log(r.ok);\n});', errors: [error()] }],
  },
]);
