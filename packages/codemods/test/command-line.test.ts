/**
 * The CLI in process (`main`), with a registry that holds a codemod of the tests beside the real
 * one: what the CLI knows of a codemod, its options included, comes from the registry row alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliEnvironment, main } from '../src/command-line';
import { codemods } from '../src/registry';
import type { Report } from '../src/report';
import { removeTempProjects, tempProject } from './helpers';
import { registryWithTestCodemod } from './test-codemods';

afterEach(removeTempProjects);

/** A writable that keeps what it is given. */
function sink(): NodeJS.WritableStream & { text: () => string } {
  const chunks: string[] = [];
  const stream = {
    write(chunk: string | Uint8Array) {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    },
    text: () => chunks.join(''),
  };
  return stream as unknown as NodeJS.WritableStream & { text: () => string };
}

async function run(cwd: string, ...argv: string[]) {
  return runWith({}, cwd, ...argv);
}

/** As `run`, with stderr a terminal or not, and the given environment variables. */
async function runWith(setting: { stderrIsTTY?: boolean; variables?: Record<string, string> }, cwd: string, ...argv: string[]) {
  const stdout = sink();
  const stderr = Object.assign(sink(), { isTTY: setting.stderrIsTTY === true, columns: 120 });
  const env: CliEnvironment = { cwd, stdout, stderr, codemods: registryWithTestCodemod, variables: setting.variables ?? {} };
  const code = await main(argv, env);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const logs = 'export function f() {\n  console.log("a");\n}\n';

describe('codemod options from the registry', () => {
  it('parses a codemod option the CLI has no code for', async () => {
    const root = tempProject({ 'a.ts': logs });
    const plain = await run(root, 'migrate', 'log-to-logger', '--write');
    expect(plain.code).toBe(0);
    expect(readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe('export function f() {\n  logger.info("a");\n}\n');

    const warned = tempProject({ 'a.ts': logs });
    const run2 = await run(warned, 'migrate', 'log-to-logger', '--warn', '--write');
    expect(run2.code).toBe(0);
    expect(readFileSync(path.join(warned, 'a.ts'), 'utf8')).toBe('export function f() {\n  logger.warn("a");\n}\n');
  });

  it('documents every codemod option in --help and explain, with its default', async () => {
    const help = await run(tempProject({}), '--help');
    expect(help.stdout).toContain('Options of log-to-logger:\n  --warn  write logger.warn instead of logger.info\n');
    expect(help.stdout).toMatch(/^ {2}--min-run <n> +the fewest awaits that make a run \(default 2\)$/m);
    const explain = await run(tempProject({}), 'explain', 'log-to-logger');
    expect(explain.stdout).toContain('  --warn  write logger.warn instead of logger.info');
  });

  it('refuses an option of a codemod the run does not include, naming its codemod', async () => {
    const root = tempProject({ 'a.ts': logs });
    const result = await run(root, 'migrate', 'log-to-logger', '--min-run', '3');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--min-run is an option of sequential-to-concurrent, which this run does not include.');
    expect(readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe(logs);
  });

  it('validates a boolean given a value and an integer by their declarations', async () => {
    const root = tempProject({ 'a.ts': logs });
    const result = await run(root, 'migrate', 'sequential-to-concurrent', '--min-run', 'two');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('--min-run: invalid value "two": expected a whole number of at least 2.');
  });

  it('gives every flag one declaration: rows that share a flag share its key and type', () => {
    const byFlag = new Map<string, { key: string; type: string }>();
    for (const codemod of codemods) {
      for (const option of codemod.options) {
        const seen = byFlag.get(option.flag);
        if (seen) expect({ key: option.key, type: option.type }).toEqual(seen);
        byFlag.set(option.flag, { key: option.key, type: option.type });
        expect(option.description).not.toMatch(/\.$/);
        expect(['help', 'version', 'write', 'level', 'report', 'source-type', 'allow-dirty', 'quiet']).not.toContain(option.flag);
      }
    }
  });
});

describe('usage messages', () => {
  it('names an unknown codemod and the nearest known ones', async () => {
    const result = await run(tempProject({}), 'migrate', 'log-to-loger', '.');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown codemod "log-to-loger". Did you mean "log-to-logger"?');
    const far = await run(tempProject({}), 'migrate', 'no-such-codemod', '.');
    expect(far.stderr).toContain('Unknown codemod "no-such-codemod". The nearest known: loop-to-bounded, log-to-logger, pipe-to-pipeline.');
    expect(far.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists every codemod of the registry when none is given', async () => {
    const result = await run(tempProject({}), 'migrate');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}log-to-logger +Write console\.log calls as logger calls/m);
    expect(result.stderr).toMatch(/^ {2}sequential-to-concurrent +Run independent sequential awaits/m);
  });
});

describe('several codemods in one pass', () => {
  const both = [
    'export async function load(id: string) {',
    '  console.log("loading");',
    '  const user = await getUser(id, console.log);',
    '  const posts = await getPosts(id);',
    '  return { user, posts };',
    '}',
    '',
  ].join('\n');

  it('runs them in registry order, each on the output of the one before, and attributes every change', async () => {
    const root = tempProject({ 'a.ts': both });
    // Named in the other order: the registry's decides.
    const result = await run(root, 'migrate', 'log-to-logger', 'sequential-to-concurrent', '--level', 'review', '--write', '--report', 'r.json');
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe(
      [
        'export async function load(id: string) {',
        '  logger.info("loading");',
        '  const [user, posts] = await Promise.all([',
        '    getUser(id, console.log),',
        '    getPosts(id),',
        '  ]);',
        '  return { user, posts };',
        '}',
        '',
      ].join('\n'),
    );
    const report = JSON.parse(readFileSync(path.join(root, 'r.json'), 'utf8')) as Report;
    expect(report.codemods).toEqual(['sequential-to-concurrent', 'log-to-logger']);
    const [file] = report.files;
    expect(file?.changes.map((c) => [c.codemod, c.description, c.applied])).toEqual([
      ['sequential-to-concurrent', '2 awaits → Promise.all: getUser(), getPosts()', true],
      ['log-to-logger', 'console.log → logger.info', true],
    ]);
    // The second console.log sits in code the first codemod rewrote: refused, not applied over it.
    expect(file?.refusals).toEqual([
      // In the input's coordinates (line 4 of the rewritten text): at the start of the statements the
      // first codemod replaced, since the code inside a replacement has no place of its own there.
      expect.objectContaining({ codemod: 'log-to-logger', reason: 'overlaps-earlier-change', line: 3, column: 3 }),
    ]);
    expect(report.summary.refusals).toEqual({ 'overlaps-earlier-change': 1 });
    expect(report.summary.asyncwiseBugs).toBe(0);
    // The summary counts each codemod's changes in its own noun, from its registry row.
    expect(result.stdout).toContain('Runs rewritten by sequential-to-concurrent: 1 review, 0 safe\nLog calls rewritten by log-to-logger: 0 review, 1 safe\n');
    expect(result.stdout).toContain('1 log call refused by log-to-logger: overlaps-earlier-change ×1\n');
    expect(result.stdout).not.toMatch(/runs? refused/);

    // A second run, on the new text, takes up the refused change.
    const again = await run(root, 'migrate', 'sequential-to-concurrent', 'log-to-logger', '--level', 'review', '--write');
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(root, 'a.ts'), 'utf8')).toContain('    getUser(id, logger.info),\n');
  });

  it("counts sync-to-async-io's changes as calls, alone as in a set", async () => {
    const io = "import fs from 'node:fs';\nexport async function read(p: string) {\n  return fs.readFileSync(p, 'utf8');\n}\n";
    const alone = await run(tempProject({ 'io.ts': io }), 'migrate', 'sync-to-async-io', '--level', 'review');
    expect(alone.code).toBe(0);
    expect(alone.stdout).toContain('\nCalls rewritten: 1 review, 0 safe\n');
    const set = await run(tempProject({ 'io.ts': io }), 'migrate', 'sequential-to-concurrent', 'sync-to-async-io', '--level', 'review');
    expect(set.stdout).toContain('\nRuns rewritten by sequential-to-concurrent: 0 review, 0 safe\nCalls rewritten by sync-to-async-io: 1 review, 0 safe\n');
  });

  it('at level safe, applies the safe codemod and lists the review one', async () => {
    const root = tempProject({ 'a.ts': both });
    const result = await run(root, 'migrate', 'sequential-to-concurrent', 'log-to-logger', '--write');
    expect(result.code).toBe(0);
    const text = readFileSync(path.join(root, 'a.ts'), 'utf8');
    expect(text).toContain('logger.info("loading")');
    expect(text).toContain('await getUser(id, logger.info)');
    expect(result.stdout).toContain('1 review change listed, not applied; rerun with --level review');
  });
});

describe('progress', () => {
  const files = { 'a.ts': logs, 'b.ts': logs, 'c.ts': 'export const c = 1;\n' };

  it('draws a line on a terminal stderr, never on stdout, and the diff is the same without it', async () => {
    const shown = await runWith({ stderrIsTTY: true }, tempProject(files), 'migrate', 'log-to-logger');
    const hidden = await runWith({ stderrIsTTY: true }, tempProject(files), 'migrate', 'log-to-logger', '--no-progress');
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain('3/3 files, 2 changed, 0 errors');
    expect(shown.stdout).toBe(hidden.stdout);
    expect(shown.stdout).not.toContain('files/s');
    expect(hidden.stderr).toBe('');
  });

  it('shows nothing in CI, with --quiet, or when stderr is no terminal, unless asked with --progress', async () => {
    for (const [setting, flags] of [
      [{ stderrIsTTY: true, variables: { CI: 'true' } }, []],
      [{ stderrIsTTY: true }, ['--quiet']],
      [{ stderrIsTTY: false }, []],
    ] as const) {
      const quiet = await runWith(setting, tempProject(files), 'migrate', 'log-to-logger', ...flags);
      expect(quiet.stderr, JSON.stringify([setting, flags])).toBe('');
      const asked = await runWith(setting, tempProject(files), 'migrate', 'log-to-logger', ...flags, '--progress');
      expect(asked.stderr, JSON.stringify([setting, flags])).toContain('3/3 files, 2 changed, 0 errors');
    }
  });

  it('writes plain lines, no escape codes, when stderr is no terminal', async () => {
    const result = await runWith({ stderrIsTTY: false }, tempProject(files), 'migrate', 'log-to-logger', '--progress');
    expect(result.stderr).toMatch(/^asyncwise 3\/3 files, 2 changed, 0 errors, [\d.]+ files\/s, done$/m);
    expect(result.stderr).not.toContain('\x1b[');
  });

  it('refuses --progress with --no-progress', async () => {
    const result = await run(tempProject(files), 'migrate', 'log-to-logger', '--progress', '--no-progress');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--progress and --no-progress contradict each other');
  });
});
