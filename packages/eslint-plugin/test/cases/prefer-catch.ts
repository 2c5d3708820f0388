import rule from '../../src/rules/prefer-catch';
import { defineRuleCases } from '../rule-tester';

const suggestion = (output: string) => [{ messageId: 'catchThenThen' as const, output }];

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export const p = fetch("/a").then((r) => r.ok).catch(() => false);',
      'export const p = fetch("/a").catch(() => false);',
      // not-known-promise: another library's then(a, b) (eslint-plugin-promise reports it).
      'export function load(q) {\n  return q.then((rows) => rows, () => []);\n}',
      'declare const q: PromiseLike<number>;\nexport const p = q.then((n) => n, () => 0);',
    ],
    invalid: [
      {
        code: 'export const p = fetch("/a").then(null, () => false);',
        output: 'export const p = fetch("/a").catch(() => false);',
        errors: [{ messageId: 'preferCatchToThen', line: 1, column: 30, suggestions: [] }],
      },
      {
        code: 'export const p = fetch("/a").then(undefined, /* offline */ () => false);',
        output: 'export const p = fetch("/a").catch(/* offline */ () => false);',
        errors: [{ messageId: 'preferCatchToThen' }],
      },
      {
        code: 'export const p = fetch("/a").then((r) => r.ok, () => false);',
        output: null,
        errors: [{ messageId: 'preferCatchToThen', suggestions: suggestion('export const p = fetch("/a").catch(() => false).then((r) => r.ok);') }],
      },
      {
        code: 'export const p = fetch("/a").then(\n  (r) => r.ok,\n  (error) => {\n    console.error(error);\n    return false;\n  },\n);',
        output: null,
        errors: [
          {
            messageId: 'preferCatchToThen',
            suggestions: suggestion('export const p = fetch("/a").catch((error) => {\n    console.error(error);\n    return false;\n  }).then(\n  (r) => r.ok,\n);'),
          },
        ],
      },
      {
        // unsupported-call-shape: three arguments, reported without a rewrite.
        code: 'export const p = fetch("/a").then((r) => r.ok, () => false, 3);',
        output: null,
        errors: [{ messageId: 'preferCatchToThen', suggestions: [] }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export const p = fetch("/a").catch(() => false);'],
    invalid: [{ code: 'export const p = fetch("/a").then(null, () => false);', output: 'export const p = fetch("/a").catch(() => false);', errors: [{ messageId: 'preferCatchToThen' }] }],
  },
]);
