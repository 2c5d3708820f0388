import rule from '../../src/rules/callback-return';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (callback-return.test.ts) and linted as files by ESLint and oxlint
// alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export function read(err: Error | null, callback: (e?: Error | null) => void) {\n  if (err) {\n    return callback(err);\n  }\n  callback();\n}',
      'export function read(callback: () => void) {\n  callback();\n  return;\n}',
      'export const read = (cb: () => void) => cb();',
      'export function read(cb: () => void) {\n  cb && cb();\n}',
      'export function read(cb?: () => void) {\n  cb?.();\n}',
      // last-on-path: each call is the last thing its branch does.
      'export function read(err: Error | null, callback: (e?: Error | null) => void) {\n  if (err) {\n    callback(err);\n  } else {\n    callback();\n  }\n}',
      'export function read(err: Error | null, cb: (e?: Error | null) => void) {\n  if (err) cb(err);\n  else cb(null);\n}',
      'export function read(cb: (e?: unknown, v?: unknown) => void) {\n  try {\n    cb(null, JSON.parse("1"));\n  } catch (e) {\n    cb(e);\n  }\n}',
      'export function route(kind: string, next: (v?: number) => void) {\n  switch (kind) {\n    case "a":\n      next(1);\n      break;\n    default:\n      next();\n  }\n}',
      'export function read(cb: () => void) {\n  if (Math.random()) {\n    cb();\n    return;\n  }\n  cb();\n}',
      // A hoisted function declaration after the call runs nothing.
      'export function read(cb: (v: number) => void) {\n  cb(helper());\n  function helper() {\n    return 1;\n  }\n}',
      // A call nested in another function, the last thing that function does.
      'export function read(list: number[], cb: (v: number) => void) {\n  list.forEach(function (x) {\n    cb(x);\n  });\n}',
      // value-used: the call's value is used, not a call-and-forget.
      'export function read(callback: () => number) {\n  const n = callback();\n  console.log(n);\n}',
      // Not one of the names, or at module top level.
      'export function read(done: () => void) {\n  done();\n  console.log(1);\n}',
      'declare const callback: () => void;\ncallback();\nconsole.log(1);',
      { code: 'export function read(done: () => void) {\n  if (Math.random()) done();\n}', options: [['done']] },
      // A visitor called on every iteration: a `return` would stop the loop after one element.
      'export function each(list: number[], cb: (v: number) => void) {\n  for (const x of list) {\n    cb(x);\n  }\n}',
      'export function each(list: number[], cb: (v: number, i: number) => void) {\n  for (let i = 0; i < list.length; i++) {\n    cb(list[i], i);\n    console.log(i);\n  }\n}',
      'export function drain(queue: number[], next: (v: number) => void) {\n  do next(queue.shift()!); while (queue.length);\n}',
    ],
    invalid: [
      {
        code: 'export function read(err: Error | null, callback: (e?: Error | null) => void) {\n  if (err) {\n    callback(err);\n  }\n  callback();\n}',
        errors: [{ messageId: 'missingReturn', line: 3, column: 5, data: { name: 'callback' } }],
      },
      { code: 'export function read(err: unknown, cb: (e?: unknown) => void) {\n  if (err) cb(err);\n  cb();\n}', errors: [{ messageId: 'missingReturn', line: 2 }] },
      { code: 'export function read(next: () => void) {\n  next();\n  console.log("after");\n}', errors: [{ messageId: 'missingReturn', line: 2, data: { name: 'next' } }] },
      { code: 'export function read(cb: () => void) {\n  cb && cb();\n  console.log(1);\n}', errors: [{ messageId: 'missingReturn' }] },
      // A call under an `if` in a loop lets the next iteration run and call back again.
      { code: 'export function check(list: number[], cb: (e?: Error) => void) {\n  for (const x of list) {\n    if (!x) cb(new Error("empty"));\n  }\n}', errors: [{ messageId: 'missingReturn', line: 3 }] },
      { code: 'export function check(list: number[], cb: (e?: Error) => void) {\n  while (list.length) {\n    try {\n      list.pop();\n    } catch (e) {\n      cb(e as Error);\n    }\n  }\n}', errors: [{ messageId: 'missingReturn', line: 6 }] },
      // Falling through into the next case runs it.
      {
        code: 'export function route(kind: string, next: (v?: number) => void) {\n  switch (kind) {\n    case "a":\n      next(1);\n    default:\n      next();\n  }\n}',
        errors: [{ messageId: 'missingReturn', line: 4 }],
      },
      {
        code: 'export class Job {\n  callback = (e?: Error) => {};\n  run(e?: Error) {\n    if (e) this.callback(e);\n    this.callback();\n  }\n}',
        options: [['this.callback']],
        errors: [{ messageId: 'missingReturn', line: 4, data: { name: 'this.callback' } }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export function read(err, callback) {\n  if (err) {\n    callback(err);\n  } else {\n    callback();\n  }\n}'],
    invalid: [{ code: 'export function read(err, callback) {\n  if (err) {\n    callback(err);\n  }\n  callback();\n}', errors: [{ messageId: 'missingReturn', line: 3 }] }],
  },
]);
