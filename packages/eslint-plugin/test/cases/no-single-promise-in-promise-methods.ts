import rule from '../../src/rules/no-single-promise-in-promise-methods';
import { defineRuleCases } from '../rule-tester';

const wrap = (body: string) => `async function f() {\n  ${body}\n}`;

// Run by ESLint's RuleTester (no-single-promise-in-promise-methods.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      wrap('await Promise.all([a(), b()]);'),
      // A spread, a hole, an empty array: not one element.
      wrap('await Promise.all([...jobs]);\n  await Promise.race([,]);\n  await Promise.all([]);'),
      // `allSettled` gives outcomes, not the value.
      wrap('const [outcome] = await Promise.allSettled([job()]);'),
      // A local `Promise`, an optional call, a second argument.
      'async function f(Promise) {\n  await Promise.all([job()]);\n}',
      wrap('await Promise.all?.([job()]);\n  await Promise.race([job()], extra);'),
    ],
    invalid: [
      {
        code: wrap('await Promise.race([job()]);'),
        errors: [
          {
            messageId: 'singlePromise',
            data: { method: 'race' },
            line: 2,
            column: 22,
            suggestions: [
              { messageId: 'unwrap', output: wrap('await job();') },
              { messageId: 'promiseResolve', output: wrap('await Promise.resolve(job());') },
            ],
          },
        ],
      },
      { code: wrap('await Promise.all([job()]);'), errors: [{ messageId: 'singlePromise', suggestions: [{ messageId: 'unwrap', output: wrap('await job();') }] }] },
      {
        code: wrap('const [user] = await Promise.all([load()]);\n  return user;'),
        errors: [{ messageId: 'singlePromise', suggestions: [{ messageId: 'unwrap', output: wrap('const user = await load();\n  return user;') }] }],
      },
      {
        code: wrap('let user;\n  [user] = await Promise.all([load()]);\n  return user;'),
        errors: [{ messageId: 'singlePromise', suggestions: [{ messageId: 'unwrap', output: wrap('let user;\n  user = await load();\n  return user;') }] }],
      },
      {
        code: wrap('const user = (await Promise.all([load()]))[0];\n  return user;'),
        errors: [{ messageId: 'singlePromise', suggestions: [{ messageId: 'unwrap', output: wrap('const user = await load();\n  return user;') }] }],
      },
      // The array itself is used: no rewrite keeps it.
      { code: wrap('const users = await Promise.all([load()]);\n  return users;'), errors: [{ messageId: 'singlePromise', suggestions: [] }] },
      { code: wrap('return Promise.all([load()]).then(use);'), errors: [{ messageId: 'singlePromise', suggestions: [] }] },
      // Parentheses where the element binds looser than `await`'s operand.
      {
        code: wrap('await Promise.race([a ?? b]);'),
        errors: [
          {
            messageId: 'singlePromise',
            suggestions: [
              { messageId: 'unwrap', output: wrap('await (a ?? b);') },
              { messageId: 'promiseResolve', output: wrap('await Promise.resolve(a ?? b);') },
            ],
          },
        ],
      },
      {
        code: wrap('await Promise.any([(first),]);'),
        errors: [
          {
            messageId: 'singlePromise',
            data: { method: 'any' },
            suggestions: [
              { messageId: 'unwrap', output: wrap('await (first);') },
              { messageId: 'promiseResolve', output: wrap('await Promise.resolve((first));') },
            ],
          },
        ],
      },
      // Not awaited: unwrapping keeps a promise only where the element is shown to be one.
      {
        code: 'const response = Promise.race([fetch(url)]);',
        errors: [
          {
            messageId: 'singlePromise',
            suggestions: [
              { messageId: 'unwrap', output: 'const response = fetch(url);' },
              { messageId: 'promiseResolve', output: 'const response = Promise.resolve(fetch(url));' },
            ],
          },
        ],
      },
      {
        code: 'const settled = Promise.race([value]);',
        errors: [{ messageId: 'singlePromise', suggestions: [{ messageId: 'promiseResolve', output: 'const settled = Promise.resolve(value);' }] }],
      },
      // A comment in the part that would go: nothing is suggested.
      { code: wrap('await Promise.race([/* the only one */ job()]);'), errors: [{ messageId: 'singlePromise', suggestions: [] }] },
    ],
  },
  {
    host: 'espree',
    valid: [wrap('await Promise.all([a(), b()]);')],
    invalid: [{ code: wrap('await Promise.all([job()]);'), errors: [{ messageId: 'singlePromise', suggestions: [{ messageId: 'unwrap', output: wrap('await job();') }] }] }],
  },
]);
