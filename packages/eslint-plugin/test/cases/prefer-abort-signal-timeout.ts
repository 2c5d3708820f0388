import rule from '../../src/rules/prefer-abort-signal-timeout';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (prefer-abort-signal-timeout.test.ts) and linted as files by ESLint
// and oxlint alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export async function get(url: string) {\n  return fetch(url, { signal: AbortSignal.timeout(5000) });\n}',
      // controller-aborted-elsewhere: a cancel button aborts it too.
      'export function cancellable(url: string, button: HTMLButtonElement) {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 1000);\n  button.onclick = () => controller.abort();\n  return fetch(url, { signal: controller.signal });\n}',
      'export async function get(url: string) {\n  const controller = new AbortController();\n  const timer = setTimeout(() => controller.abort(), 1000);\n  try {\n    return await fetch(url, { signal: controller.signal });\n  } finally {\n    clearTimeout(timer);\n    controller.abort();\n  }\n}',
      // controller-escapes: whoever gets it may abort it.
      'export function start(url: string) {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 1000);\n  return { controller, done: fetch(url, { signal: controller.signal }) };\n}',
      // custom-abort-reason: the caller may look for that error.
      "export async function get(url: string) {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(new Error('too slow')), 1000);\n  return fetch(url, { signal: controller.signal });\n}",
      // timer-id-used: the id is returned, so the caller may refresh or keep it.
      'export function arm(ms: number) {\n  const controller = new AbortController();\n  const timer = setTimeout(() => controller.abort(), ms);\n  return { signal: controller.signal, timer };\n}',
      // several-timers.
      'export function twice() {\n  const c = new AbortController();\n  setTimeout(() => c.abort(), 10);\n  setTimeout(() => c.abort(), 20);\n  return c.signal;\n}',
      // signal-never-read.
      'export function nothing() {\n  const c = new AbortController();\n  setTimeout(() => c.abort(), 10);\n}',
      // trigger-elsewhere: a timer armed in a callback, or only sometimes.
      'export function later(url: string, start: (run: () => void) => void) {\n  const controller = new AbortController();\n  start(() => {\n    setTimeout(() => controller.abort(), 10);\n  });\n  return fetch(url, { signal: controller.signal });\n}',
      'export function maybe(url: string, ms?: number) {\n  const controller = new AbortController();\n  if (ms) setTimeout(() => controller.abort(), ms);\n  return fetch(url, { signal: controller.signal });\n}',
      // A timer of yours, a controller of yours.
      "import { setTimeout } from './fake-clock';\nexport function get(url: string) {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 10);\n  return fetch(url, { signal: controller.signal });\n}",
      "import { AbortController } from './my-abort';\nexport function get(url: string) {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 10);\n  return fetch(url, { signal: controller.signal });\n}",
      // test-file: a timer that plays a user who cancels.
      {
        code: "test('aborts', async () => {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 200);\n  await expect(get('/slow', { signal: controller.signal })).rejects.toThrow('aborted');\n});",
        filename: 'tests/client.test.ts',
      },
      // Following another signal is prefer-abort-signal-any's.
      'export function follow(parent: AbortSignal) {\n  const c = new AbortController();\n  parent.addEventListener("abort", () => c.abort());\n  setTimeout(() => c.abort(), 10);\n  return c.signal;\n}',
    ],
    invalid: [
      {
        code: 'export async function get(url: string) {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 5000);\n  return fetch(url, { signal: controller.signal });\n}',
        errors: [
          {
            messageId: 'preferAbortSignalTimeout',
            data: { replacement: 'AbortSignal.timeout(5000)' },
            line: 3,
            column: 3,
            suggestions: [
              {
                messageId: 'suggestReplace',
                data: { replacement: 'AbortSignal.timeout(5000)' },
                output: 'export async function get(url: string) {\n  const timeoutSignal = AbortSignal.timeout(5000);\n  return fetch(url, { signal: timeoutSignal });\n}',
              },
            ],
          },
        ],
      },
      {
        // The usual shape: the timer cleared in `finally`, which goes with it.
        code: 'export async function get(url: string, ms: number) {\n  const controller = new AbortController();\n  const timeout = setTimeout(() => controller.abort(), ms);\n  try {\n    const response = await fetch(url, { signal: controller.signal });\n    return await response.json();\n  } finally {\n    clearTimeout(timeout);\n  }\n}',
        errors: [
          {
            messageId: 'preferAbortSignalTimeout',
            line: 3,
            column: 19,
            suggestions: [
              {
                messageId: 'suggestReplace',
                data: { replacement: 'AbortSignal.timeout(ms)' },
                output: 'export async function get(url: string, ms: number) {\n  const timeoutSignal = AbortSignal.timeout(ms);\n  const response = await fetch(url, { signal: timeoutSignal });\n  return await response.json();\n}',
              },
            ],
          },
        ],
      },
      {
        // A `catch` stays; only the `finally` goes.
        code: 'export async function get(url: string) {\n  const controller = new AbortController();\n  const timer = setTimeout(() => controller.abort(), 1000);\n  try {\n    return await fetch(url, { signal: controller.signal });\n  } catch {\n    return null;\n  } finally {\n    clearTimeout(timer);\n  }\n}',
        errors: [
          {
            messageId: 'preferAbortSignalTimeout',
            suggestions: [
              {
                messageId: 'suggestReplace',
                data: { replacement: 'AbortSignal.timeout(1000)' },
                output: 'export async function get(url: string) {\n  const timeoutSignal = AbortSignal.timeout(1000);\n  try {\n    return await fetch(url, { signal: timeoutSignal });\n  } catch {\n    return null;\n  }\n}',
              },
            ],
          },
        ],
      },
      {
        // testFiles: [] checks test files too.
        code: "test('aborts', async () => {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 200);\n  await get('/slow', { signal: controller.signal });\n});",
        filename: 'tests/client.test.ts',
        options: [{ testFiles: [] }],
        errors: [{ messageId: 'preferAbortSignalTimeout', line: 3, column: 3, suggestions: [{ messageId: 'suggestReplace', output: "test('aborts', async () => {\n  const timeoutSignal = AbortSignal.timeout(200);\n  await get('/slow', { signal: timeoutSignal });\n});" }] }],
      },
      {
        // unsupported-call-shape: a statement between the controller and its timer; reported, no suggestion.
        code: "export async function get(url: string) {\n  const controller = new AbortController();\n  const headers = { accept: 'application/json' };\n  setTimeout(() => controller.abort(), 1000);\n  return fetch(url, { headers, signal: controller.signal });\n}",
        errors: [{ messageId: 'preferAbortSignalTimeout', line: 4, column: 3, suggestions: [] }],
      },
      {
        // would-drop-comment.
        code: 'export async function get(url: string) {\n  const controller = new AbortController();\n  // give up after a second\n  setTimeout(() => controller.abort(), 1000);\n  return fetch(url, { signal: controller.signal });\n}',
        errors: [{ messageId: 'preferAbortSignalTimeout', line: 4, column: 3, suggestions: [] }],
      },
      {
        // try-block declarations that would clash once unwrapped: no suggestion.
        code: 'export async function get(url: string) {\n  const controller = new AbortController();\n  const timer = setTimeout(() => controller.abort(), 1000);\n  try {\n    const response = await fetch(url, { signal: controller.signal });\n    return response;\n  } finally {\n    clearTimeout(timer);\n  }\n  const response = null;\n}',
        errors: [{ messageId: 'preferAbortSignalTimeout', suggestions: [] }],
      },
    ],
  },
  {
    host: 'typed',
    valid: ['export async function get(url: string) {\n  return fetch(url, { signal: AbortSignal.timeout(1000) });\n}'],
    invalid: [
      {
        code: 'export async function get(url: string) {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 5000);\n  return fetch(url, { signal: controller.signal });\n}',
        errors: [{ messageId: 'preferAbortSignalTimeout', suggestions: [{ messageId: 'suggestReplace', output: 'export async function get(url: string) {\n  const timeoutSignal = AbortSignal.timeout(5000);\n  return fetch(url, { signal: timeoutSignal });\n}' }] }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export function get(url) {\n  return fetch(url, { signal: AbortSignal.timeout(10) });\n}'],
    invalid: [
      {
        code: 'export async function get(url) {\n  const controller = new AbortController();\n  const id = setTimeout(function () {\n    controller.abort();\n  }, 2000);\n  const response = await fetch(url, { signal: controller.signal });\n  clearTimeout(id);\n  return response;\n}',
        filename: 'get.js',
        errors: [
          {
            messageId: 'preferAbortSignalTimeout',
            line: 3,
            column: 14,
            suggestions: [
              {
                messageId: 'suggestReplace',
                output: 'export async function get(url) {\n  const timeoutSignal = AbortSignal.timeout(2000);\n  const response = await fetch(url, { signal: timeoutSignal });\n  return response;\n}',
              },
            ],
          },
        ],
      },
    ],
  },
]);
