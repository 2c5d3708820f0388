import rule from '../../src/rules/prefer-abort-signal-any';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (prefer-abort-signal-any.test.ts) and linted as files by ESLint and
// oxlint alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export function follow(a: AbortSignal, b: AbortSignal) {\n  return AbortSignal.any([a, b]);\n}',
      // controller-aborted-elsewhere: it also stops on its own, after the race.
      "export async function first(urls: string[], parent: AbortSignal) {\n  const controller = new AbortController();\n  parent.addEventListener('abort', () => controller.abort());\n  try {\n    return await Promise.any(urls.map((u) => fetch(u, { signal: controller.signal })));\n  } finally {\n    controller.abort();\n  }\n}",
      // A listener that does more than abort, or is removed through its own signal.
      "export function follow(parent: AbortSignal, log: (m: string) => void) {\n  const c = new AbortController();\n  parent.addEventListener('abort', () => {\n    log('parent aborted');\n    c.abort();\n  });\n  return c.signal;\n}",
      "export function follow(parent: AbortSignal, stop: AbortSignal) {\n  const c = new AbortController();\n  parent.addEventListener('abort', () => c.abort(), { signal: stop });\n  return c.signal;\n}",
      // custom-abort-reason.
      "export function follow(parent: AbortSignal) {\n  const c = new AbortController();\n  parent.addEventListener('abort', () => c.abort(new Error('parent gone')));\n  return c.signal;\n}",
      // An `aborted` check with no listener on that signal is a one-off abort.
      "export function snapshot(parent: AbortSignal, other: AbortSignal) {\n  const c = new AbortController();\n  if (parent.aborted) c.abort();\n  other.addEventListener('abort', () => c.abort());\n  return c.signal;\n}",
      // controller-escapes.
      "export function follow(parent: AbortSignal) {\n  const c = new AbortController();\n  parent.addEventListener('abort', () => c.abort());\n  return c;\n}",
      // test-file.
      {
        code: "it('follows', () => {\n  const parent = new AbortController();\n  const c = new AbortController();\n  parent.signal.addEventListener('abort', () => c.abort());\n  parent.abort();\n  expect(c.signal.aborted).toBe(true);\n});",
        filename: 'src/__tests__/follow.ts',
      },
      // A timer alone is prefer-abort-signal-timeout's.
      'export function deadline() {\n  const c = new AbortController();\n  setTimeout(() => c.abort(), 10);\n  return c.signal;\n}',
      // An 'abort' listener on something that is not a signal's event is still only code: a user's `AbortController` is not the built-in.
      "class AbortController { signal = null; abort() {} }\nexport function follow(parent: AbortSignal) {\n  const c = new AbortController();\n  parent.addEventListener('abort', () => c.abort());\n  return c.signal;\n}",
    ],
    invalid: [
      {
        code: "export async function get(url: string, signal: AbortSignal, ms: number) {\n  const controller = new AbortController();\n  signal.addEventListener('abort', () => controller.abort(), { once: true });\n  const timer = setTimeout(() => controller.abort(), ms);\n  try {\n    return await fetch(url, { signal: controller.signal });\n  } finally {\n    clearTimeout(timer);\n  }\n}",
        errors: [
          {
            messageId: 'preferAbortSignalAny',
            data: { replacement: 'AbortSignal.any([signal, AbortSignal.timeout(ms)])' },
            line: 2,
            column: 22,
            suggestions: [
              {
                messageId: 'suggestReplace',
                data: { replacement: 'AbortSignal.any([signal, AbortSignal.timeout(ms)])' },
                output: 'export async function get(url: string, signal: AbortSignal, ms: number) {\n  const combinedSignal = AbortSignal.any([signal, AbortSignal.timeout(ms)]);\n  return await fetch(url, { signal: combinedSignal });\n}',
              },
            ],
          },
        ],
      },
      {
        // Two sources, with the already-aborted check the platform does for you.
        code: "export function follow(a: AbortSignal, b: AbortSignal) {\n  const c = new AbortController();\n  if (a.aborted) c.abort(a.reason);\n  a.addEventListener('abort', () => c.abort(a.reason));\n  b.addEventListener('abort', () => c.abort(b.reason));\n  return c.signal;\n}",
        errors: [
          {
            messageId: 'preferAbortSignalAny',
            data: { replacement: 'AbortSignal.any([a, b])' },
            line: 2,
            column: 13,
            suggestions: [
              {
                messageId: 'suggestReplace',
                data: { replacement: 'AbortSignal.any([a, b])' },
                output: 'export function follow(a: AbortSignal, b: AbortSignal) {\n  const combinedSignal = AbortSignal.any([a, b]);\n  return combinedSignal;\n}',
              },
            ],
          },
        ],
      },
      {
        // unsupported-call-shape: a source computed by a call cannot move; reported, no suggestion.
        code: "export function follow(make: () => AbortSignal) {\n  const c = new AbortController();\n  make().addEventListener('abort', () => c.abort());\n  return c.signal;\n}",
        errors: [{ messageId: 'preferAbortSignalAny', data: { replacement: 'AbortSignal.any([make()])' }, suggestions: [] }],
      },
    ],
  },
  {
    host: 'typed',
    valid: ['export function follow(a: AbortSignal, b: AbortSignal) {\n  return AbortSignal.any([a, b]);\n}'],
    invalid: [
      {
        code: "export function follow(a: AbortSignal, b: AbortSignal) {\n  const c = new AbortController();\n  a.addEventListener('abort', () => c.abort(a.reason));\n  b.addEventListener('abort', () => c.abort(b.reason));\n  return c.signal;\n}",
        errors: [{ messageId: 'preferAbortSignalAny', suggestions: [{ messageId: 'suggestReplace', output: 'export function follow(a: AbortSignal, b: AbortSignal) {\n  const combinedSignal = AbortSignal.any([a, b]);\n  return combinedSignal;\n}' }] }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export function follow(a, b) {\n  return AbortSignal.any([a, b]);\n}'],
    invalid: [
      {
        code: "export function follow(parent) {\n  const inner = new AbortController();\n  parent.addEventListener('abort', function () {\n    inner.abort();\n  });\n  return inner.signal;\n}",
        filename: 'follow.js',
        errors: [{ messageId: 'preferAbortSignalAny', line: 2, column: 17, suggestions: [{ messageId: 'suggestReplace', output: 'export function follow(parent) {\n  const combinedSignal = AbortSignal.any([parent]);\n  return combinedSignal;\n}' }] }],
      },
    ],
  },
]);
