import rule from '../../src/rules/no-leaked-timer';
import { defineRuleCases } from '../rule-tester';

const cjs = { languageOptions: { parserOptions: { sourceType: 'script' as const } } };

// Run by ESLint's RuleTester (no-leaked-timer.test.ts) and linted as files by ESLint and oxlint
// alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // plain-sleep: the timer is the whole operation.
      'export async function sleep(ms: number) {\n  await new Promise((resolve) => setTimeout(resolve, ms));\n}',
      // timer-id-kept: cleared once the race settles.
      "export function withTimeout<T>(work: Promise<T>, ms: number) {\n  let timer: ReturnType<typeof setTimeout> | undefined;\n  return Promise.race([\n    work,\n    new Promise<never>((_, reject) => {\n      timer = setTimeout(() => reject(new Error('timeout')), ms);\n    }),\n  ]).finally(() => clearTimeout(timer));\n}",
      // timer-id-kept: the executor clears its timer when the work wins.
      "export function withTimeout<T>(work: Promise<T>, ms: number) {\n  return new Promise<T>((resolve, reject) => {\n    const timer = setTimeout(() => reject(new Error('timeout')), ms);\n    work.then((value) => {\n      clearTimeout(timer);\n      resolve(value);\n    }, reject);\n  });\n}",
      // timer-unref: the timer no longer keeps the process alive.
      'export function race<T>(work: Promise<T>, ms: number) {\n  return Promise.race([work, new Promise((resolve) => setTimeout(resolve, ms).unref())]);\n}',
      // timer-settles-nothing: a log line is not a timeout.
      "export function race<T>(work: Promise<T>, ms: number) {\n  return Promise.race([work, new Promise((resolve) => {\n    setTimeout(() => console.log('still waiting'), ms);\n  })]);\n}",
      // test-file: a timeout that guards a test against hanging.
      {
        code: "it('opens', async () => {\n  await Promise.race([open(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);\n});",
        filename: 'test/open.test.ts',
      },
      // A user's setTimeout is not the timer.
      "import { setTimeout } from './fake-clock';\nexport function race<T>(work: Promise<T>) {\n  return Promise.race([work, new Promise((resolve) => setTimeout(resolve, 10))]);\n}",
      // A user's Promise is not the built-in.
      'class Promise<T> { constructor(run: (resolve: (v: T) => void) => void) { run(() => {}); } }\nexport const p = new Promise((resolve) => setTimeout(resolve, 10));',
      // The signal already bounds the call.
      'export async function get(url: string) {\n  return fetch(url, { signal: AbortSignal.timeout(5000) });\n}',
    ],
    invalid: [
      {
        // The common shape: a fetch raced against a rejecting timer. Two ways out.
        code: "export async function get(url: string, ms: number) {\n  const response = await Promise.race([\n    fetch(url),\n    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms)),\n  ]);\n  return response;\n}",
        errors: [
          {
            messageId: 'leakedRaceTimerAbortable',
            data: { operation: 'fetch' },
            line: 4,
            column: 39,
            suggestions: [
              {
                messageId: 'suggestSignalTimeout',
                data: { operation: 'fetch' },
                output: 'export async function get(url: string, ms: number) {\n  const response = await fetch(url, { signal: AbortSignal.timeout(ms) });\n  return response;\n}',
              },
              {
                messageId: 'suggestClearTimer',
                output:
                  "export async function get(url: string, ms: number) {\n  let timer: ReturnType<typeof setTimeout> | undefined;\n  const response = await Promise.race([\n    fetch(url),\n    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ms))),\n  ]).finally(() => clearTimeout(timer));\n  return response;\n}",
              },
            ],
          },
        ],
      },
      {
        // The options object gets the signal; the delay's text moves into AbortSignal.timeout.
        code: "export async function post(url: string, ms: number) {\n  return Promise.race([\n    fetch(url, { method: 'POST' }).then((r) => r.json()),\n    new Promise<never>(function (_, reject) {\n      setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);\n    }),\n  ]);\n}",
        errors: [
          {
            messageId: 'leakedRaceTimerAbortable',
            line: 5,
            suggestions: [
              {
                messageId: 'suggestSignalTimeout',
                data: { operation: 'fetch' },
                output: "export async function post(url: string, ms: number) {\n  return fetch(url, { method: 'POST', signal: AbortSignal.timeout(ms) }).then((r) => r.json());\n}",
              },
              {
                messageId: 'suggestClearTimer',
                output:
                  "export async function post(url: string, ms: number) {\n  let timer: ReturnType<typeof setTimeout> | undefined;\n  return Promise.race([\n    fetch(url, { method: 'POST' }).then((r) => r.json()),\n    new Promise<never>(function (_, reject) {\n      timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);\n    }),\n  ]).finally(() => clearTimeout(timer));\n}",
              },
            ],
          },
        ],
      },
      {
        // A timer that resolves: a signal cannot give a value, so only clearing is offered.
        code: "export async function withDefault<T>(work: Promise<T>, ms: number) {\n  return Promise.race([work, new Promise((resolve) => setTimeout(resolve, ms, 'late'))]);\n}",
        errors: [
          {
            messageId: 'leakedRaceTimer',
            suggestions: [
              {
                messageId: 'suggestClearTimer',
                output:
                  "export async function withDefault<T>(work: Promise<T>, ms: number) {\n  let timer: ReturnType<typeof setTimeout> | undefined;\n  return Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, ms, 'late')))]).finally(() => clearTimeout(timer));\n}",
              },
            ],
          },
        ],
      },
      {
        // A helper that makes the timer: reported where it is raced; the helper must change by hand.
        code: "const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));\nexport async function run(work: () => Promise<number>) {\n  return Promise.race([work(), timeout(1000)]);\n}",
        errors: [{ messageId: 'leakedRaceTimer', line: 3, column: 32, suggestions: [] }],
      },
      {
        // A function declaration helper, raced twice.
        code: "function deadline(ms: number): Promise<never> {\n  return new Promise((_, reject) => {\n    setTimeout(() => reject(new Error('deadline')), ms);\n  });\n}\nexport const a = (w: Promise<1>) => Promise.race([w, deadline(5)]);\nexport const b = (w: Promise<2>) => Promise.race([deadline(9), w]);",
        errors: [
          { messageId: 'leakedRaceTimer', line: 6, suggestions: [] },
          { messageId: 'leakedRaceTimer', line: 7, suggestions: [] },
        ],
      },
      {
        // The executor settles from the work and from the timer, and never clears the timer.
        code: "export function withTimeout<T>(work: Promise<T>, ms: number) {\n  return new Promise<T>((resolve, reject) => {\n    setTimeout(() => reject(new Error('timeout')), ms);\n    work.then(resolve, reject);\n  });\n}",
        errors: [{ messageId: 'leakedExecutorTimer', line: 3, column: 5, suggestions: [] }],
      },
      {
        // Its id is kept in a variable nobody reads.
        code: "export function withTimeout<T>(work: Promise<T>, ms: number) {\n  return new Promise<T>((resolve, reject) => {\n    const timer = setTimeout(() => reject(new Error('timeout')), ms);\n    work.then(resolve, reject);\n  });\n}",
        errors: [{ messageId: 'leakedExecutorTimer', line: 3 }],
      },
      {
        // `testFiles: []` reports in test files too.
        code: "it('opens', async () => {\n  await Promise.race([open(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);\n});",
        filename: 'test/open.test.ts',
        options: [{ testFiles: [] }],
        errors: [
          {
            messageId: 'leakedRaceTimer',
            line: 2,
            column: 58,
            suggestions: [
              {
                messageId: 'suggestClearTimer',
                output:
                  "it('opens', async () => {\n  let timer: ReturnType<typeof setTimeout> | undefined;\n  await Promise.race([open(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 1000)))]).finally(() => clearTimeout(timer));\n});",
              },
            ],
          },
        ],
      },
      {
        // CommonJS, the timers module's setTimeout.
        code: "const { setTimeout } = require('node:timers');\nasync function withDeadline(work, ms) {\n  return Promise.race([work, new Promise((resolve) => { setTimeout(resolve, ms); })]);\n}\nmodule.exports = withDeadline;",
        ...cjs,
        errors: [
          {
            messageId: 'leakedRaceTimer',
            suggestions: [
              {
                messageId: 'suggestClearTimer',
                output:
                  "const { setTimeout } = require('node:timers');\nasync function withDeadline(work, ms) {\n  let timer: ReturnType<typeof setTimeout> | undefined;\n  return Promise.race([work, new Promise((resolve) => { timer = setTimeout(resolve, ms); })]).finally(() => clearTimeout(timer));\n}\nmodule.exports = withDeadline;",
              },
            ],
          },
        ],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export async function sleep(ms) {\n  await new Promise((resolve) => setTimeout(resolve, ms));\n}'],
    invalid: [
      {
        code: "export async function get(url, ms) {\n  return Promise.race([fetch(url).then((r) => r.json()), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);\n}",
        filename: 'get.js',
        errors: [
          {
            messageId: 'leakedRaceTimerAbortable',
            suggestions: [
              {
                messageId: 'suggestSignalTimeout',
                data: { operation: 'fetch' },
                output: 'export async function get(url, ms) {\n  return fetch(url, { signal: AbortSignal.timeout(ms) }).then((r) => r.json());\n}',
              },
              {
                messageId: 'suggestClearTimer',
                output:
                  "export async function get(url, ms) {\n  let timer;\n  return Promise.race([fetch(url).then((r) => r.json()), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]).finally(() => clearTimeout(timer));\n}",
              },
            ],
          },
        ],
      },
    ],
  },
]);
