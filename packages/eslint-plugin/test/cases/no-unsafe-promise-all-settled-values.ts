import rule from '../../src/rules/no-unsafe-promise-all-settled-values';
import { defineRuleCases } from '../rule-tester';

const value = { messageId: 'unsafeValue' } as const;
const reason = { messageId: 'unsafeReason' } as const;

// Run by ESLint's RuleTester (no-unsafe-promise-all-settled-values.test.ts) and linted as files by
// ESLint and oxlint alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // unicorn's own shapes: a ternary, `&&`, an `if`, a filter by status.
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => (r.status === 'fulfilled' ? r.value : null));\n}",
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => r.status === 'fulfilled' && r.value.id);\n}",
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.filter((r) => r.status === 'fulfilled').map((r) => r.value);\n}",
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => {\n    if (r.status === 'rejected') return null;\n    return r.value;\n  });\n}",
      // `||` and negated checks: the right side runs only when the left is false.
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => r.status !== 'fulfilled' || use(r.value));\n}",
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => (!(r.status === 'fulfilled') ? null : r.value));\n}",
      // A for…of loop with an early continue, `.entries()`, a switch, `throw r.reason`.
      "async function f(ps) {\n  for (const r of await Promise.allSettled(ps)) {\n    if (r.status === 'rejected') {\n      log(r.reason);\n      continue;\n    }\n    use(r.value);\n  }\n}",
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  for (const [i, r] of results.entries()) {\n    if (r.status !== 'fulfilled') continue;\n    use(i, r.value);\n  }\n}",
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  for (const r of results) {\n    switch (r.status) {\n      case 'fulfilled':\n        use(r.value);\n        break;\n      case 'rejected':\n        throw r.reason;\n    }\n  }\n}",
      // Destructuring with `status`, a destructuring default, `'value' in r`.
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map(({ status, value }) => (status === 'fulfilled' ? value : undefined));\n}",
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map(({ value = null }) => value);\n}",
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => ('value' in r ? r.value : null));\n}",
      // Indexed results with their own check; array destructuring with an early exit.
      "async function f(a, b) {\n  const results = await Promise.allSettled([a, b]);\n  if (results[0].status === 'fulfilled') use(results[0].value);\n}",
      "async function f(a, b) {\n  const [first, second] = await Promise.allSettled([a, b]);\n  if (first.status !== 'fulfilled' || second.status !== 'fulfilled') throw new Error('failed');\n  return [first.value, second.value];\n}",
      // A named type guard and a named predicate as the filter.
      "const isFulfilled = (r: PromiseSettledResult<unknown>): r is PromiseFulfilledResult<unknown> => r.status === 'fulfilled';\nasync function f(ps: Promise<number>[]) {\n  const results = await Promise.allSettled(ps);\n  return results.filter(isFulfilled).map((r) => r.value);\n}",
      "function isOk(r) {\n  return r.status === 'fulfilled';\n}\nasync function f(ps) {\n  const ok = (await Promise.allSettled(ps)).filter(isOk);\n  return ok.map((r) => r.value);\n}",
      // A missing value handled where it is read.
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => r.value ?? null);\n}",
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => r.value?.id);\n}",
      // Test assertions of the status before the read.
      "it('settles', async () => {\n  const [r] = await Promise.allSettled([load()]);\n  expect(r.status).toBe('fulfilled');\n  expect(r.value).toBe(1);\n});",
      "test('settles', async () => {\n  const [r] = await Promise.allSettled([load()]);\n  assert.equal(r.status, 'rejected');\n  assert.match(r.reason.message, /boom/);\n});",
      // Assertions through node:test's context and bare imported asserts; a check over the whole array.
      "test('aborts', async (t) => {\n  const [opened] = await Promise.allSettled([socket.opened]);\n  t.assert.strictEqual(opened.status, 'rejected');\n  t.assert.strictEqual(opened.reason.name, 'WebSocketError');\n});",
      "test('fails', async () => {\n  const results = await Promise.allSettled(requests);\n  strictEqual(results[0].status, 'rejected');\n  strictEqual(results[0].reason.code, 'ECONNRESET');\n});",
      "test('rejects all', async () => {\n  const settled = await Promise.allSettled(requests);\n  assert.ok(settled.every(({ status }) => status === 'rejected'));\n  assert.ok(settled.every(({ reason }) => reason.code === 'ERR_TLS'));\n});",
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  if (!results.every((r) => r.status === 'fulfilled')) throw new Error('failed');\n  return results.map((r) => r.value);\n}",
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return !results.some((r) => r.status === 'rejected') && results.map((r) => r.value);\n}",
      // Not the built-in Promise, not allSettled, not results at all.
      "async function f(Promise, ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => r.value);\n}",
      "async function f(ps) {\n  const results = await Promise.all(ps);\n  return results.map((r) => r.value);\n}",
      "async function f(items) {\n  return items.map((r) => r.value);\n}",
      // A reassigned binding is not followed; writing a field is no read.
      "async function f(ps) {\n  let results = await Promise.allSettled(ps);\n  results = normalize(results);\n  return results.map((r) => r.value);\n}",
      "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  results.forEach((r) => {\n    r.value = 0;\n  });\n}",
      // A reason read under a rejected check.
      "Promise.allSettled(tasks).then((results) => {\n  results.forEach((r) => {\n    if (r.status === 'rejected') console.error(r.reason);\n  });\n});",
    ],
    invalid: [
      // unicorn's own example.
      { code: 'async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => r.value);\n}', errors: [{ ...value, line: 3, column: 29 }] },
      { code: 'Promise.allSettled(tasks).then((results) => results.map((result) => result.value));', errors: [value] },
      // The check is for the other status, or for nothing that narrows.
      { code: "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => (r.status === 'rejected' ? r.value : null));\n}", errors: [value] },
      { code: "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => (r.status === 'fulfilled' || r.value));\n}", errors: [value] },
      // A for…of loop, a destructured value, a nested pattern, an index.
      { code: 'async function f(ps) {\n  for (const r of await Promise.allSettled(ps)) use(r.value);\n}', errors: [{ ...value, line: 2 }] },
      { code: 'async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map(({ value }) => value.id);\n}', errors: [{ ...value, line: 3, column: 37 }] },
      { code: 'async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map(({ value: { id } }) => id);\n}', errors: [{ ...value, line: 3, column: 25 }] },
      { code: 'async function f(a, b) {\n  const results = await Promise.allSettled([a, b]);\n  return results[0].value + results[1].value;\n}', errors: [value, value] },
      { code: 'async function f(a, b) {\n  const [first] = await Promise.allSettled([a, b]);\n  return first.value;\n}', errors: [value] },
      // A reason read without a rejected check, and one after a fulfilled filter.
      { code: 'async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  results.forEach((r) => log(r.reason));\n}', errors: [reason] },
      { code: "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.filter((r) => r.status === 'fulfilled').map((r) => r.reason);\n}", errors: [reason] },
      // The early exit is on another result, or does not leave.
      { code: "async function f(a, b) {\n  const [first, second] = await Promise.allSettled([a, b]);\n  if (first.status !== 'fulfilled') return;\n  return second.value;\n}", errors: [value] },
      { code: "async function f(ps) {\n  for (const r of await Promise.allSettled(ps)) {\n    if (r.status === 'rejected') log(r.reason);\n    use(r.value);\n  }\n}", errors: [{ ...value, line: 4 }] },
      // One report per result binding, at its first unchecked read.
      { code: 'async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => [r.value, r.value]);\n}', errors: [{ ...value, column: 30 }] },
      // A check over the whole array for the other status, or over another array.
      { code: "async function f(ps, qs) {\n  const results = await Promise.allSettled(ps);\n  const others = await Promise.allSettled(qs);\n  if (!others.every((r) => r.status === 'fulfilled')) return;\n  return results.map((r) => r.value);\n}", errors: [{ ...value, line: 5 }] },
      { code: "async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  assert.ok(results.every((r) => r.status === 'rejected'));\n  return results.map((r) => r.value);\n}", errors: [value] },
      // An annotated array or result.
      { code: 'function summarize(results: PromiseSettledResult<number>[]) {\n  return results.map((r) => r.value);\n}', errors: [value] },
    ],
  },
  {
    host: 'espree',
    valid: ["async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => (r.status === 'fulfilled' ? r.value : null));\n}"],
    invalid: [{ code: 'async function f(ps) {\n  const results = await Promise.allSettled(ps);\n  return results.map((r) => r.value);\n}', errors: [value] }],
  },
]);
