/**
 * The fixture `fixtures/pool-service`: a request handler on a `pg` pool (a stand-in whose `connect()`
 * counts the clients checked out) that releases its client only when the query succeeds. Linted
 * as a user would (ESLint CLI, the plugin's `recommended` config by package name), the handler gets
 * one `require-resource-cleanup` report; before its suggestion a failing statement leaves a client
 * checked out (the fixture's own leak tests fail), after it none does and the whole suite passes,
 * and the rule is silent on the fixed file.
 *
 * Uses the built plugin (`eslint-plugin-asyncwise` resolves to the workspace package from `.tmp/`):
 * `pnpm test` builds first.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exec, explain, repoRoot } from './fixture-process';

const fixtureDir = path.join(repoRoot, 'fixtures/pool-service');
const eslintBin = path.join(repoRoot, 'node_modules/eslint/bin/eslint.js');
const builtPlugin = path.join(repoRoot, 'packages/eslint-plugin/dist/index.js');


interface LintMessage {
  ruleId: string | null;
  messageId?: string;
  line: number;
  message: string;
  suggestions?: { messageId?: string; fix: { range: [number, number]; text: string } }[];
}

describe('fixtures/pool-service: a client leaked on a failing statement, and the suggested finally', () => {
  let copy = '';
  const service = () => path.join(copy, 'lib/service.js');
  const runFixtureTests = () => exec(['--test', 'test/'], copy);
  // One failing request, then the count of clients still checked out.
  const leakedAfterOneFailure = () =>
    exec(['-e', "const { handle, pool } = require('./lib/service');\nhandle({ sql: 'select fail' }).catch(() => console.log(pool.live));"], copy);
  const lint = (): LintMessage[] => {
    const result = exec([eslintBin, '--format', 'json', 'lib/service.js'], copy);
    const [file] = JSON.parse(result.stdout) as { messages: LintMessage[] }[];
    return (file?.messages ?? []).filter((m) => m.ruleId === 'asyncwise/require-resource-cleanup');
  };

  beforeAll(() => {
    if (!existsSync(builtPlugin)) throw new Error(`${path.relative(repoRoot, builtPlugin)} is missing: build first (pnpm build).`);
    mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
    copy = mkdtempSync(path.join(repoRoot, '.tmp', 'pool-service-'));
    cpSync(fixtureDir, copy, { recursive: true });
    // What installing fake-pg as a `file:` dependency would do, without a registry.
    mkdirSync(path.join(copy, 'node_modules'), { recursive: true });
    rmSync(path.join(copy, 'node_modules', 'pg'), { recursive: true, force: true });
    symlinkSync(path.join(copy, 'fake-pg'), path.join(copy, 'node_modules', 'pg'));
    writeFileSync(path.join(copy, 'eslint.config.mjs'), "import asyncwise from 'eslint-plugin-asyncwise';\nexport default [asyncwise.configs.recommended];\n");
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('leaks a client on a failing statement before the fix: its own leak tests fail', () => {
    expect(leakedAfterOneFailure().stdout.trim()).toBe('1');
    const result = runFixtureTests();
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/# pass 2\n/);
    expect(result.stdout).toMatch(/not ok \d+ - a failing statement leaves no client checked out/);
    expect(result.stdout).toMatch(/not ok \d+ - the pool still serves requests after failures/);
  });

  it('is reported once by the recommended config, and the suggestion wraps the query in try/finally', () => {
    const before = readFileSync(service(), 'utf8');
    const reports = lint();
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report?.messageId).toBe('notReleasedOnThrow');
    expect(report?.line).toBe(9);
    const suggestion = report?.suggestions?.[0];
    expect(suggestion?.messageId).toBe('suggestFinally');
    if (!suggestion) throw new Error('no suggestion');
    const { range, text } = suggestion.fix;
    writeFileSync(service(), before.slice(0, range[0]) + text + before.slice(range[1]));
    expect(readFileSync(service(), 'utf8')).toContain(
      '  const client = await pool.connect();\n  try {\n    const result = await client.query(request.sql, request.values);\n    return result.rows;\n  } finally {\n    client.release();\n  }\n}',
    );
  });

  it('leaks nothing after the fix: its whole suite passes, and the rule is silent', () => {
    expect(leakedAfterOneFailure().stdout.trim()).toBe('0');
    const result = runFixtureTests();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/# fail 0/);
    expect(lint()).toEqual([]);
  });
});
