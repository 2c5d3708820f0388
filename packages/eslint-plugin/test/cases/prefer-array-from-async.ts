import path from 'node:path';
import rule from '../../src/rules/prefer-array-from-async';
import { defineRuleCases } from '../rule-tester';

const fixture = (dir: string, ext = 'ts') => path.join(import.meta.dirname, '..', 'fixtures', dir, `start.${ext}`);
/**
 * Reported cases run as files of a project on Node 24: a bare name would be read against the
 * package.json nearest the test's working directory, whose engines (>=20.19) predate Array.fromAsync.
 */
const onNode24 = <T extends object>(c: T, ext = 'ts'): T & { filename: string } => ({ filename: fixture('node-24', ext), ...c });
const report = { messageId: 'preferArrayFromAsync' } as const;
const suggest = (output: string) => [{ messageId: 'replaceWithArrayFromAsync' as const, output }];

// Run by ESLint's RuleTester (prefer-array-from-async.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      onNode24({ code: 'async function f(source) {\n  const items = await Array.fromAsync(source);\n  return items;\n}' }),
      // The loop does more than push, pushes something else, or is not right after the declaration.
      onNode24({ code: 'async function f(source) {\n  const items = [];\n  for await (const item of source) {\n    log(item);\n    items.push(item);\n  }\n}' }),
      onNode24({ code: 'async function f(source) {\n  const items = [];\n  for await (const item of source) items.push(item.id);\n}' }),
      onNode24({ code: 'async function f(source) {\n  const items = [];\n  setup();\n  for await (const item of source) items.push(item);\n}' }),
      // A plain for…of over values that awaiting could change (promises, objects), or with no await at all.
      onNode24({ code: 'async function f(urls) {\n  const pages = [];\n  for (const url of urls) pages.push(await load(url));\n}' }),
      onNode24({ code: "async function f() {\n  const pages = [];\n  for (const url of [first, 'b']) pages.push(await load(url));\n}" }),
      onNode24({ code: 'function f(source) {\n  const items = [];\n  for (const item of source) items.push(item);\n}' }),
      // A second suspension in the mapper; a destructuring binding; a non-empty or shared array.
      onNode24({ code: 'async function f(urls) {\n  const pages = [];\n  for await (const url of urls) pages.push(await load(await resolve(url)));\n}' }),
      onNode24({ code: 'async function f(source) {\n  const items = [];\n  for await (const { id } of source) items.push(id);\n}' }),
      onNode24({ code: 'async function f(source) {\n  const items = [seed];\n  for await (const item of source) items.push(item);\n}' }),
      // The array is read by the source, during the loop, or by a hoisted function that may run then.
      onNode24({ code: 'async function f() {\n  const items = [];\n  for await (const item of pages(items)) items.push(item);\n}' }),
      onNode24({ code: 'async function f(source) {\n  const items = [];\n  for await (const item of source) items.push(item);\n  function count() {\n    return items.length;\n  }\n  return count;\n}' }),
      onNode24({ code: 'export const items = [];\nfor await (const item of source) items.push(item);' }),
      // `Array` is not the global one.
      onNode24({ code: 'async function f(source, Array) {\n  const items = [];\n  for await (const item of source) items.push(item);\n}' }),
      // A project whose engines admit a Node without Array.fromAsync (before 22).
      { code: 'async function f(source) {\n  const items = [];\n  for await (const item of source) items.push(item);\n}', filename: fixture('node-18') },
    ],
    invalid: [
      onNode24({
        code: 'async function f(source) {\n  const items = [];\n  for await (const item of source) items.push(item);\n  return items;\n}',
        errors: [{ ...report, line: 3, column: 3, suggestions: suggest('async function f(source) {\n  const items = await Array.fromAsync(source);\n  return items;\n}') }],
      }),
      onNode24({
        code: 'async function f(urls) {\n  let pages = [];\n  for await (const url of urls) {\n    pages.push(await load(url, { retry: true }));\n  }\n  return pages;\n}',
        errors: [{ ...report, line: 3, suggestions: suggest('async function f(urls) {\n  let pages = await Array.fromAsync(urls, url => load(url, { retry: true }));\n  return pages;\n}') }],
      }),
      // A type annotation stays; an object-literal mapper is parenthesised.
      onNode24({
        code: 'async function f(ids: AsyncIterable<string>) {\n  const rows: Row[] = [];\n  for await (const id of ids) rows.push(await ({ id }).load());\n  return rows;\n}',
        errors: [{ ...report, suggestions: suggest('async function f(ids: AsyncIterable<string>) {\n  const rows: Row[] = await Array.fromAsync(ids, id => ({ id }).load());\n  return rows;\n}') }],
      }),
      // A plain for…of over primitives: the mapper form, as unicorn.
      onNode24({
        code: "async function f() {\n  const pages = [];\n  for (const name of ['a', 'b']) pages.push(await load(name));\n  return pages;\n}",
        errors: [{ ...report, suggestions: suggest("async function f() {\n  const pages = await Array.fromAsync(['a', 'b'], name => load(name));\n  return pages;\n}") }],
      }),
      // Reported, not rewritten: a comment would be lost.
      onNode24({ code: 'async function f(source) {\n  const items = [];\n  // collect\n  for await (const item of source) items.push(item);\n}', errors: [{ ...report, suggestions: [] }] }),
      // Module top level.
      onNode24({
        code: 'const items = [];\nfor await (const item of source()) items.push(item);\nexport { items };',
        errors: [{ ...report, suggestions: suggest('const items = await Array.fromAsync(source());\nexport { items };') }],
      }),
    ],
  },
  {
    host: 'espree',
    valid: [onNode24({ code: 'async function f(source) {\n  const items = await Array.fromAsync(source);\n}' }, 'js')],
    invalid: [
      onNode24(
        {
          code: 'async function f(source) {\n  const items = [];\n  for await (const item of source) items.push(item);\n}',
          errors: [{ ...report, suggestions: suggest('async function f(source) {\n  const items = await Array.fromAsync(source);\n}') }],
        },
        'js',
      ),
    ],
  },
]);
