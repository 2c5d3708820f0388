import rule from '../../src/rules/require-timeout';
import { defineRuleCases } from '../rule-tester';

const cjs = { languageOptions: { parserOptions: { sourceType: 'script' as const } } };

// Run by ESLint's RuleTester (require-timeout.test.ts) and linted as files by ESLint and oxlint
// alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // signal-passed: a timeout signal, or the caller's.
      'export async function get(url: string) {\n  return fetch(url, { signal: AbortSignal.timeout(5000) });\n}',
      'export async function get(url: string, signal: AbortSignal) {\n  return fetch(url, { method: "GET", signal });\n}',
      // timeout-option: http's own timeout.
      "import http from 'node:http';\nexport function ping(host: string) {\n  return http.get({ host, path: '/ping', timeout: 2000 }, (res) => res.resume());\n}",
      "import { request } from 'undici';\nexport function load(url: string) {\n  return request(url, { headersTimeout: 5000 });\n}",
      // opaque-options: a variable or a spread may carry a signal or a timeout.
      'export async function get(url: string, init: RequestInit) {\n  return fetch(url, init);\n}',
      'export async function get(url: string, init: RequestInit) {\n  return fetch(url, { ...init, method: "POST" });\n}',
      // request-object: the Request may carry its own signal.
      'export async function get(url: string, signal: AbortSignal) {\n  const request = new Request(url, { signal });\n  return fetch(request);\n}',
      // signal-in-scope: propagate-abort-signal reports it; passing `signal` is the remedy.
      'export async function get(url: string, signal: AbortSignal) {\n  if (signal.aborted) return null;\n  return fetch(url);\n}',
      // test-file: the runner bounds the call.
      { code: "it('answers', async () => {\n  const res = await fetch('http://127.0.0.1:3000/ping');\n  expect(res.ok).toBe(true);\n});", filename: 'test/ping.test.ts' },
      // A method of yours called fetch is not the global.
      'export async function load(client: { fetch(url: string): Promise<string> }) {\n  return client.fetch("/x");\n}',
      'import { fetch } from "./my-fetch";\nexport const load = () => fetch("/x");',
      // A shadowed fetch.
      'export function make(fetch: (u: string) => Promise<Response>) {\n  return () => fetch("/x");\n}',
    ],
    invalid: [
      {
        code: 'export async function get(url: string) {\n  const response = await fetch(url);\n  return response.json();\n}',
        errors: [{ messageId: 'requireTimeout', data: { name: 'fetch' }, line: 2, column: 26, endLine: 2, endColumn: 36 }],
      },
      {
        // An options literal without signal or timeout.
        code: 'export async function post(url: string, body: string) {\n  return fetch(url, { method: "POST", body });\n}',
        errors: [{ messageId: 'requireTimeout', data: { name: 'fetch' }, line: 2, column: 10 }],
      },
      {
        // `signal: undefined` passes none; `timeout: undefined` sets none.
        code: "import http from 'node:http';\nexport function ping(host: string) {\n  return http.request({ host, timeout: undefined, signal: undefined });\n}",
        errors: [{ messageId: 'requireTimeoutOrOption', data: { name: 'http.request', options: '`timeout`' }, line: 3, column: 10 }],
      },
      {
        // Every require form resolves; the options name undici's own timeouts.
        code: "const undici = require('undici');\nasync function load(url) {\n  return undici.request(url, { method: 'GET' });\n}\nmodule.exports = load;",
        ...cjs,
        errors: [{ messageId: 'requireTimeoutOrOption', data: { name: 'undici.request', options: '`headersTimeout` or `bodyTimeout`' } }],
      },
      {
        // The testFiles option: `[]` checks test files too.
        code: "it('answers', async () => {\n  await fetch('http://127.0.0.1:3000/ping');\n});",
        filename: 'test/ping.test.ts',
        options: [{ testFiles: [] }],
        errors: [{ messageId: 'requireTimeout', line: 2, column: 9 }],
      },
      {
        // A file outside the default test globs, e.g. a script, unless the option names it.
        code: "const res = await fetch('https://example.com/data.json');\nexport const data = await res.json();",
        filename: 'scripts/download.ts',
        errors: [{ messageId: 'requireTimeout', line: 1, column: 19 }],
      },
    ],
  },
  {
    host: 'typed',
    valid: ['export async function get(url: string) {\n  return fetch(url, { signal: AbortSignal.timeout(1000) });\n}'],
    invalid: [{ code: 'export async function get(url: string) {\n  return fetch(url);\n}', errors: [{ messageId: 'requireTimeout', line: 2, column: 10 }] }],
  },
  {
    host: 'espree',
    valid: [{ code: "const res = await fetch('https://example.com/x');", filename: 'scripts/download.js', options: [{ testFiles: ['scripts/**'] }] }],
    invalid: [{ code: 'export async function get(url) {\n  return fetch(url);\n}', filename: 'get.js', errors: [{ messageId: 'requireTimeout', line: 2, column: 10 }] }],
  },
]);
