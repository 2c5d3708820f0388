import rule from '../../src/rules/no-multiple-resolved';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (no-multiple-resolved.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // The second call follows a `return` on the other path.
      'new Promise((resolve, reject) => {\n  if (error) {\n    reject(error);\n    return;\n  }\n  resolve(value);\n});',
      'new Promise((resolve, reject) => {\n  if (error) return reject(error);\n  resolve(value);\n});',
      // Exclusive paths: if/else, `?:`, `&&`/`||`, a switch with breaks.
      'new Promise((resolve, reject) => {\n  if (error) reject(error);\n  else resolve(value);\n});',
      'new Promise((resolve, reject) => (error ? reject(error) : resolve(value)));',
      'new Promise((resolve, reject) => {\n  switch (state) {\n    case 1:\n      resolve(1);\n      break;\n    default:\n      reject(2);\n  }\n});',
      // A throw before the call goes to the catch: the promise is not settled yet.
      'new Promise((resolve, reject) => {\n  try {\n    const data = JSON.parse(text);\n    resolve(data.value);\n  } catch (error) {\n    reject(error);\n  }\n});',
      // A callback settles on its own path, and returns first.
      "new Promise((resolve, reject) => {\n  readFile(path, (err, data) => {\n    if (err) return reject(err);\n    resolve(data);\n  });\n  stream.on('end', () => resolve());\n});",
      // A loop that leaves after settling.
      'new Promise((resolve) => {\n  for (const item of items) {\n    if (item.ready) {\n      resolve(item);\n      break;\n    }\n  }\n});',
      'new Promise((resolve, reject) => {\n  while (true) {\n    if (poll()) {\n      resolve();\n      return;\n    }\n  }\n  reject(new Error("unreachable"));\n});',
      // `finally` on the normal path only, and the process ending.
      'new Promise((resolve, reject) => {\n  try {\n    if (bad) {\n      reject(new Error("bad"));\n      return;\n    }\n  } finally {\n    cleanup();\n  }\n  resolve(1);\n});',
      'new Promise((resolve, reject) => {\n  if (fatal) {\n    reject(fatal);\n    process.exit(1);\n  }\n  resolve(1);\n});',
      // A reassigned resolver may be anything; a local `Promise` is not the built-in.
      'new Promise((resolve) => {\n  resolve = once(resolve);\n  resolve(1);\n  resolve(2);\n});\nfunction f(Promise) {\n  return new Promise((resolve) => {\n    resolve(1);\n    resolve(2);\n  });\n}',
      // A labelled break leaves both loops; the process ends inside a callback.
      'new Promise((resolve) => {\n  outer: for (const a of rows) {\n    for (const b of a) {\n      if (b) {\n        resolve(b);\n        break outer;\n      }\n    }\n  }\n});',
      'new Promise((resolve, reject) => {\n  verify((error) => {\n    if (error) {\n      reject(error);\n      process.exit(1);\n    }\n    resolve();\n  });\n});',
      // A do-while(false) body runs once.
      'new Promise((resolve) => {\n  do {\n    resolve(1);\n  } while (false);\n});',
    ],
    invalid: [
      {
        // The missing `return`: both peers' first example.
        code: 'new Promise((resolve, reject) => {\n  if (error) {\n    reject(error);\n  }\n  resolve(value);\n});',
        errors: [{ messageId: 'potentiallyAlreadyResolved', data: { line: 3 }, line: 5, column: 3 }],
      },
      {
        code: 'new Promise((resolve, reject) => {\n  resolve(1);\n  reject(2);\n  resolve(3);\n});',
        errors: [
          { messageId: 'alreadyResolved', data: { line: 2 }, line: 3 },
          { messageId: 'alreadyResolved', data: { line: 2 }, line: 4 },
        ],
      },
      {
        // In a callback, the error-first shape without a return.
        code: 'new Promise((resolve, reject) => {\n  readFile(path, (err, data) => {\n    if (err) reject(err);\n    resolve(data);\n  });\n});',
        errors: [{ messageId: 'potentiallyAlreadyResolved', data: { line: 3 }, line: 4 }],
      },
      {
        // Something after the call may throw into the catch.
        code: 'new Promise((resolve, reject) => {\n  try {\n    resolve(value);\n    log(value);\n  } catch (error) {\n    reject(error);\n  }\n});',
        errors: [{ messageId: 'alreadyResolved', data: { line: 3 }, line: 6 }],
      },
      {
        // A loop body runs again after it settled.
        code: 'new Promise((resolve) => {\n  for (const item of items) {\n    if (item.ready) resolve(item);\n  }\n});',
        errors: [{ messageId: 'potentiallyAlreadyResolved', data: { line: 3 }, line: 3 }],
      },
      {
        // A switch case falls through; a finally settles after a return that settled.
        code: 'new Promise((resolve, reject) => {\n  switch (kind) {\n    case "a":\n      resolve(1);\n    case "b":\n      reject(2);\n  }\n});\nnew Promise((resolve, reject) => {\n  try {\n    return resolve(1);\n  } finally {\n    reject(2);\n  }\n});',
        errors: [
          { messageId: 'potentiallyAlreadyResolved', data: { line: 4 }, line: 6 },
          { messageId: 'alreadyResolved', data: { line: 11 }, line: 13 },
        ],
      },
      {
        // `?:` and `??` after a settled path; an async executor's await is no exit.
        code: 'new Promise(async (resolve, reject) => {\n  if (cached) resolve(cached);\n  const value = await load();\n  value ? resolve(value) : reject(new Error("none"));\n});',
        errors: [
          { messageId: 'potentiallyAlreadyResolved', data: { line: 2 }, line: 4, column: 11 },
          { messageId: 'potentiallyAlreadyResolved', data: { line: 2 }, line: 4, column: 28 },
        ],
      },
      {
        // `continue` goes round again; a do-while body repeats.
        code: 'new Promise((resolve) => {\n  for (const a of rows) {\n    if (a) {\n      resolve(a);\n      continue;\n    }\n  }\n});\nnew Promise((resolve) => {\n  do {\n    if (ready()) resolve();\n  } while (waiting());\n});',
        errors: [
          { messageId: 'potentiallyAlreadyResolved', data: { line: 4 }, line: 4 },
          { messageId: 'potentiallyAlreadyResolved', data: { line: 11 }, line: 11 },
        ],
      },
      {
        // Correlated conditions are not modelled (as by both peers).
        code: 'new Promise((resolve, reject) => {\n  if (err) reject(err);\n  if (!err) resolve(data);\n});',
        errors: [{ messageId: 'potentiallyAlreadyResolved', data: { line: 2 }, line: 3 }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['new Promise((resolve, reject) => {\n  if (error) return reject(error);\n  resolve(value);\n});'],
    invalid: [{ code: 'new Promise((resolve, reject) => {\n  if (error) reject(error);\n  resolve(value);\n});', errors: [{ messageId: 'potentiallyAlreadyResolved', data: { line: 2 } }] }],
  },
]);
