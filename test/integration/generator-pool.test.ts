/**
 * An async generator that streams a query's rows while it holds a pooled client (the
 * `fixtures/pool-service` stand-in for `pg`, whose `connect()` counts the clients checked out), and
 * releases it after the last row. A consumer that breaks out of `for await` after the first row
 * leaves the client checked out; `no-async-iterator-leak` reports the generator, and after its
 * suggestion (the release in a `finally`, which the consumer's `return()` runs) nothing leaks and
 * the rule is silent.
 *
 * Uses the built plugin (`eslint-plugin-asyncwise` resolves to the workspace package from `.tmp/`):
 * `pnpm test` builds first.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fakePg = path.join(repoRoot, 'fixtures/pool-service/fake-pg');
const eslintBin = path.join(repoRoot, 'node_modules/eslint/bin/eslint.js');
const builtPlugin = path.join(repoRoot, 'packages/eslint-plugin/dist/index.js');

const stream = `'use strict';

const { Pool } = require('pg');

const pool = new Pool({ max: 3 });

/** Each row of a statement, read on a pooled client. */
async function* rows(sql) {
  const client = await pool.connect();
  const result = await client.query(sql);
  for (const row of result.rows.concat(result.rows)) yield row;
  client.release();
}

module.exports = { rows, pool };
`;

interface LintMessage {
  ruleId: string | null;
  messageId?: string;
  line: number;
  suggestions?: { messageId?: string; fix: { range: [number, number]; text: string } }[];
}

function run(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('an async generator holding a pooled client across a yield, and the suggested finally', () => {
  let copy = '';
  const file = () => path.join(copy, 'lib/stream.js');
  // Take the first row and break, as a consumer that needs one row does; then count the clients still checked out.
  const leakedAfterBreak = () =>
    run(['-e', "const { rows, pool } = require('./lib/stream');\n(async () => {\n  for await (const row of rows('select 1')) break;\n  console.log(pool.live);\n})();"], copy).stdout.trim();
  const lint = (): LintMessage[] => {
    const result = run([eslintBin, '--format', 'json', 'lib/stream.js'], copy);
    const [report] = JSON.parse(result.stdout) as { messages: LintMessage[] }[];
    return (report?.messages ?? []).filter((m) => m.ruleId === 'asyncwise/no-async-iterator-leak');
  };

  beforeAll(() => {
    if (!existsSync(builtPlugin)) throw new Error(`${path.relative(repoRoot, builtPlugin)} is missing: build first (pnpm build).`);
    mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
    copy = mkdtempSync(path.join(repoRoot, '.tmp', 'generator-pool-'));
    mkdirSync(path.join(copy, 'lib'), { recursive: true });
    mkdirSync(path.join(copy, 'node_modules'), { recursive: true });
    cpSync(fakePg, path.join(copy, 'fake-pg'), { recursive: true });
    symlinkSync(path.join(copy, 'fake-pg'), path.join(copy, 'node_modules', 'pg'));
    writeFileSync(path.join(copy, 'package.json'), '{ "name": "generator-pool", "private": true }\n');
    writeFileSync(file(), stream);
    writeFileSync(
      path.join(copy, 'eslint.config.mjs'),
      "import asyncwise from 'eslint-plugin-asyncwise';\nexport default [{ files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' }, plugins: { asyncwise }, rules: { 'asyncwise/no-async-iterator-leak': 'error' } }];\n",
    );
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('leaks the client when the consumer breaks early, and the rule reports the generator', () => {
    expect(leakedAfterBreak()).toBe('1');
    const reports = lint();
    expect(reports.map((r) => [r.messageId, r.line])).toEqual([['heldAcrossYield', 9]]);
    const suggestion = reports[0]?.suggestions?.[0];
    expect(suggestion?.messageId).toBe('suggestFinally');
    if (!suggestion) throw new Error('no suggestion');
    const before = readFileSync(file(), 'utf8');
    writeFileSync(file(), before.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + before.slice(suggestion.fix.range[1]));
    expect(readFileSync(file(), 'utf8')).toContain('  try {\n    const result = await client.query(sql);\n    for (const row of result.rows.concat(result.rows)) yield row;\n  } finally {\n    client.release();\n  }\n');
  });

  it('leaks nothing after the fix, and the rule is silent', () => {
    expect(leakedAfterBreak()).toBe('0');
    expect(lint()).toEqual([]);
  });
});
