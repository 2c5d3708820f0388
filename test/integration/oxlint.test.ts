/**
 * eslint-plugin-asyncwise under oxlint, loaded as users load it (`jsPlugins` in `.oxlintrc.json`):
 * every rule's fixture files — its RuleTester cases, their invalid ones again with CRLF line ends, a
 * BOM and non-ASCII text before every line, and its doc page's examples — linted by oxlint and by
 * ESLint must give the same diagnostics (rule, line, column, range, message) and the same files after
 * `--fix` and `--fix-suggestions`. Rules are found through the plugin, so a new rule is covered as
 * soon as it has cases and a doc page.
 *
 * ESLint is told, file by file, whether oxlint read the file as a module, a script or CommonJS:
 * oxlint decides from the file (no `import`/`export`/top-level `await` in a .js/.ts file: a script),
 * ESLint's default takes every file but .cjs for a module. The last test here pins that difference.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import jsTokens from 'js-tokens';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplesOf } from '../../packages/eslint-plugin/test/doc-examples';
import type { RuleCases } from '../../packages/eslint-plugin/test/rule-tester';
import {
  applyOnePass,
  assertBuildIsFresh,
  plugin,
  copyTree,
  type Diagnostic,
  type EslintFileResult,
  type LintFile,
  oxlintConfigOf,
  oxlintSourceTypes,
  oxlintVersion,
  repoRoot,
  runEslint,
  runEslintOn,
  runOxlint,
  type OxlintRun,
  sourcesUnder,
  writeOxlintConfig,
  writeTree,
} from './oxlint-harness';

assertBuildIsFresh();
const ruleNames = Object.keys(plugin.rules);
const extensions: Record<string, string> = { syntax: 'ts', typed: 'ts', espree: 'js' };

/** What a case may hold besides code and options: expectations and a name, which linting ignores. */
const supportedCaseKeys = new Set(['code', 'options', 'filename', 'errors', 'output', 'name', 'languageOptions']);

/**
 * The same code as a file could also come: CRLF line ends, a BOM, non-ASCII text before every line
 * (every line that does not start inside a multi-line comment, string or template, where the
 * prefix would be text, not a comment).
 */
function encodings(code: string): Record<string, string> {
  const insideToken = new Set<number>();
  let offset = 0;
  for (const token of jsTokens(code, { jsx: true })) {
    for (let i = token.value.indexOf('\n'); i >= 0; i = token.value.indexOf('\n', i + 1)) {
      if (token.type !== 'LineTerminatorSequence' && i < token.value.length - 1) insideToken.add(offset + i + 1);
    }
    offset += token.value.length;
  }
  let lineStart = 0;
  const unicode = code
    .split('\n')
    .map((line) => {
      const prefixed = insideToken.has(lineStart) ? line : `/* café ☕ 😀 */ ${line}`;
      lineStart += line.length + 1;
      return prefixed;
    })
    .join('\n');
  return { crlf: code.replace(/\r?\n/g, '\r\n'), bom: `\uFEFF${code}`, unicode };
}

/** Every rule's fixture files, one folder per rule and options. */
async function fixtureFiles(): Promise<LintFile[]> {
  const files: LintFile[] = [];
  for (const rule of ruleNames) {
    const folders = new Map<string, string>();
    const folderFor = (options: readonly unknown[]) => {
      const key = JSON.stringify(options);
      if (!folders.has(key)) folders.set(key, `${rule}/${folders.size}`);
      return folders.get(key) as string;
    };
    const { default: cases } = (await import(`../../packages/eslint-plugin/test/cases/${rule}.ts`)) as {
      default: RuleCases;
    };
    cases.suites.forEach((suite, s) => {
      const all = [...suite.valid.map((c) => ['valid', c] as const), ...suite.invalid.map((c) => ['invalid', c] as const)];
      all.forEach(([kind, c], i) => {
        const testCase = typeof c === 'string' ? { code: c } : c;
        const unsupported = Object.keys(testCase).filter((key) => !supportedCaseKeys.has(key));
        const sourceType = (testCase.languageOptions as { parserOptions?: { sourceType?: string } } | undefined)?.parserOptions?.sourceType;
        // `parserOptions.sourceType` alone: oxlint reads it from the file, and ESLint is told what
        // oxlint read, below.
        const languageOptions = (testCase.languageOptions ?? {}) as { parserOptions?: object };
        const otherLanguageOptions = [
          ...Object.keys(languageOptions).filter((key) => key !== 'parserOptions'),
          ...Object.keys(languageOptions.parserOptions ?? {}).filter((key) => key !== 'sourceType'),
        ];
        if (unsupported.length > 0 || otherLanguageOptions.length > 0) {
          throw new Error(`${rule}: a ${suite.host} case uses ${[...unsupported, ...otherLanguageOptions].join(', ')}, which this test cannot give oxlint.`);
        }
        if (sourceType && sourceType !== 'module' && /\b(import|export)\b/.test(testCase.code)) {
          throw new Error(`${rule}: a case asks for sourceType ${sourceType} but oxlint would read it as a module.`);
        }
        const ext = testCase.filename ? path.extname(testCase.filename).slice(1) : extensions[suite.host];
        const options = testCase.options ?? [];
        const base = `${folderFor(options)}/${suite.host}-${s}-${kind}-${i}`;
        files.push({ file: `${base}.${ext}`, code: testCase.code, rule, options });
        if (kind !== 'invalid') return;
        for (const [variant, code] of Object.entries(encodings(testCase.code))) {
          files.push({ file: `${base}-${variant}.${ext}`, code, rule, options });
        }
      });
    });
    const markdown = readFileSync(path.join(repoRoot, 'docs', 'rules', `${rule}.md`), 'utf8');
    for (const example of examplesOf(markdown)) {
      files.push({
        file: `${folderFor(example.options)}/doc-line-${example.line}.${example.lang}`,
        code: example.code,
        rule,
        options: example.options,
      });
    }
  }
  return files;
}

const comparable = (list: readonly Diagnostic[] | undefined) =>
  [...(list ?? [])].sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));

const dirs: string[] = [];
function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `asyncwise-oxlint-${name}-`));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe(`oxlint (${oxlintVersion()}) and ESLint agree on every rule's fixture files`, () => {
  let files: LintFile[];
  let lintDir: string;
  let oxlint: OxlintRun;
  let eslint: Map<string, EslintFileResult>;
  let sourceTypes: Map<string, string>;

  beforeAll(async () => {
    files = await fixtureFiles();
    lintDir = tempDir('lint');
    writeTree(lintDir, files);
    oxlint = runOxlint(lintDir);
    sourceTypes = oxlintSourceTypes(lintDir, ['files']);
    eslint = await runEslint(lintDir, files, { sourceTypes });
  });

  it('lints every fixture file, with no crashed rule and no config error', () => {
    expect(oxlint.foreign).toEqual([]);
    expect(oxlint.filesLinted).toBe(files.length);
    expect(eslint.size).toBe(files.length);
  });

  it.each(ruleNames)('%s: the same diagnostics, file by file', (rule) => {
    const ofRule = files.filter((f) => f.rule === rule);
    let reported = 0;
    for (const f of ofRule) {
      const fromEslint = comparable(eslint.get(f.file)?.diagnostics);
      expect(fromEslint.filter((d) => d.rule.startsWith('fatal')), `${f.file} parses in ESLint`).toEqual([]);
      expect(comparable(oxlint.byFile.get(f.file)), f.file).toEqual(fromEslint);
      reported += fromEslint.length;
    }
    // Not a comparison of two empty sets: the rule's invalid cases report under both linters.
    expect(reported).toBeGreaterThan(0);
  });

  const fixProbe = path.join(import.meta.dirname, 'fix-probe.mjs');

  /**
   * Expects every file oxlint rewrote in `fixDir` to read as ESLint's messages (`results`) applied in
   * one pass, each message's edit chosen by `pick`; returns how many files changed.
   */
  function expectFixedAsEslintWould(
    fixDir: string,
    flag: string,
    results: Map<string, EslintFileResult>,
    pick: (m: Linter.LintMessage) => Linter.LintMessage['fix'],
  ): number {
    let changed = 0;
    for (const f of files) {
      const expected = applyOnePass(f.code, results.get(f.file)?.messages ?? [], pick);
      const actual = readFileSync(path.join(fixDir, 'files', f.file), 'utf8');
      expect(actual, `${f.file} after ${flag}`).toBe(expected);
      if (actual !== f.code) changed++;
    }
    return changed;
  }

  it('--fix leaves every file as ESLint’s fixes would (with a test plugin whose fixes nest and overlap)', async () => {
    // @ts-expect-error -- a plain .mjs plugin, as oxlint loads it; ESLint gets the same module.
    const { default: probe } = (await import('./fix-probe.mjs')) as { default: object };
    const fixDir = tempDir('fix');
    copyTree(lintDir, fixDir, files, { jsPlugins: [fixProbe], rules: { 'fix-probe/fix': 'error' } });
    const run = runOxlint(fixDir, ['--fix']);
    expect(run.foreign.filter((line) => !/: fix-probe\(fix\): /.test(line))).toEqual([]);
    const withProbe = await runEslint(lintDir, files, {
      sourceTypes,
      extra: [{ plugins: { 'fix-probe': probe }, rules: { 'fix-probe/fix': 'error' } }],
    });
    // Every file ESLint would fix changed, and there are such files (the probe fires on every await).
    const fixable = files.filter((f) => (withProbe.get(f.file)?.messages ?? []).some((m) => m.fix)).length;
    expect(fixable).toBeGreaterThan(files.length / 4);
    expect(expectFixedAsEslintWould(fixDir, '--fix', withProbe, (m) => m.fix)).toBe(fixable);
  });

  it('--fix-suggestions leaves every file as ESLint’s first suggestions would', () => {
    const fixDir = tempDir('suggest');
    copyTree(lintDir, fixDir, files);
    const run = runOxlint(fixDir, ['--fix-suggestions']);
    expect(run.foreign).toEqual([]);
    const firstEdit = (m: Linter.LintMessage) => m.fix ?? m.suggestions?.[0]?.fix;
    expect(expectFixedAsEslintWould(fixDir, '--fix-suggestions', eslint, firstEdit)).toBeGreaterThan(0);
  });
});

describe('loading the plugin into oxlint', () => {
  const code = 'export async function f(id: string) {\n  const a = await getA(id);\n  const b = await getB(id);\n  return [a, b];\n}\n';
  const one: LintFile[] = [{ file: 'x/one.ts', code, rule: 'prefer-promise-all', options: [] }];

  it('by path, from the built package', () => {
    const dir = tempDir('path');
    writeTree(dir, one);
    const dist = path.join(repoRoot, 'packages', 'eslint-plugin', 'dist', 'index.js');
    writeOxlintConfig(dir, { jsPlugins: [dist], rules: { 'asyncwise/prefer-promise-all': 'error' } });
    const run = runOxlint(dir);
    expect(run.foreign).toEqual([]);
    expect(run.byFile.get('x/one.ts')?.map((d) => [d.rule, d.line, d.column])).toEqual([['prefer-promise-all', 2, 13]]);
  });

  /** The `.oxlintrc.json` snippets of the README's "Use with oxlint" section, as a user copies them. */
  function readmeSnippets(): Record<string, unknown>[] {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const section = readme.split('## Use with oxlint')[1]?.split('\n## ')[0] ?? '';
    return [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>);
  }

  it('through the shipped preset, as the README shows it, which turns on exactly configs.recommended', () => {
    const [presetSnippet] = readmeSnippets();
    expect(presetSnippet?.extends).toEqual(['./node_modules/eslint-plugin-asyncwise/oxlint/recommended.json']);
    const dir = tempDir('preset');
    writeTree(dir, one);
    writeOxlintConfig(dir, presetSnippet ?? {});
    const run = runOxlint(dir);
    expect(run.foreign).toEqual([]);
    expect(run.byFile.get('x/one.ts')?.map((d) => d.rule)).toEqual(['prefer-promise-all']);
    const printed = oxlintConfigOf(dir);
    const asyncwiseRules = Object.keys(printed.rules).filter((r) => r.startsWith('asyncwise/'));
    expect(asyncwiseRules.sort()).toEqual(Object.keys(plugin.configs.recommended.rules ?? {}).sort());
  });

  it('by package name with rule options, as the README shows it', () => {
    const [, namedSnippet] = readmeSnippets();
    expect(namedSnippet?.jsPlugins).toEqual(['eslint-plugin-asyncwise']);
    const dir = tempDir('named');
    const logged = 'export async function f() {\n  const a = await logger.info("a");\n  const b = await logger.info("b");\n  return [a, b];\n}\n';
    writeTree(dir, [...one, { file: 'x/logged.ts', code: logged, rule: 'prefer-promise-all', options: [] }]);
    writeOxlintConfig(dir, namedSnippet ?? {});
    const run = runOxlint(dir);
    expect(run.foreign).toEqual([]);
    // The snippet's `ignore: ["logger.*"]` reached the rule: only the file without logger calls reports.
    expect([...run.byFile.keys()]).toEqual(['x/one.ts']);
  });

  it('hands every rule of a file the same Program and each file its own, which the per-file analysis cache keys on', () => {
    const dir = tempDir('probe');
    const files: LintFile[] = ['a', 'b', 'c', 'd'].map((n) => ({ file: `x/${n}.ts`, code: `export const ${n} = 1;\n`, rule: 'prefer-promise-all', options: [] }));
    writeTree(dir, files);
    // Both rules look the Program up in one WeakMap, as analysisFileFor does, and say what they found.
    const probe = `const seen = new WeakMap();
const rule = { create(context) { return { 'Program:exit'(node) {
  const ast = context.sourceCode.ast;
  const hit = seen.get(ast);
  if (!hit) seen.set(ast, context.sourceCode.text);
  const outcome = hit === undefined ? 'built' : hit === context.sourceCode.text ? 'shared' : 'stale';
  context.report({ node, message: outcome + (context.sourceCode.parserServices?.program ? ' typed' : ' untyped') });
} }; } };
export default { meta: { name: 'probe' }, rules: { first: rule, second: rule } };
`;
    writeFileSync(path.join(dir, 'probe.mjs'), probe);
    writeOxlintConfig(dir, { jsPlugins: ['./probe.mjs'], rules: { 'probe/first': 'error', 'probe/second': 'error' } });
    const run = runOxlint(dir, ['--threads=2']);
    // Per file: one rule built, the other found it; never a Program seen with another file's text.
    // And no TypeScript program, so typed rules stay silent and nothing asks for parser services.
    const byFile = new Map<string, string[]>();
    for (const line of run.foreign) {
      const match = /^files\/x\/(\w)\.ts: probe\(\w+\): (\w+) untyped$/.exec(line);
      expect(match, line).not.toBeNull();
      const [, file = '', outcome = ''] = match ?? [];
      byFile.set(file, [...(byFile.get(file) ?? []), outcome].sort());
    }
    expect(Object.fromEntries(byFile)).toEqual({ a: ['built', 'shared'], b: ['built', 'shared'], c: ['built', 'shared'], d: ['built', 'shared'] });
  });

  it('with every rule on, over this repository’s own sources: no rule errors, and the same reports as ESLint', async () => {
    const dir = tempDir('all');
    writeTree(dir, one);
    const rules = Object.fromEntries(ruleNames.map((r) => [`asyncwise/${r}`, 'error' as const]));
    writeOxlintConfig(dir, { jsPlugins: ['eslint-plugin-asyncwise'], rules });
    // Real code in every syntax the repo has: sources, tests, scripts, the codemods' fixtures.
    // A BOM before `#!` (the codemods' bom-and-hashbang fixture) is a syntax error to oxlint 1.94,
    // which reads the BOM as white space before the hashbang, as the language spec does; ESLint and
    // the codemods set the BOM aside first, as Node does. Both linters agree on every other file.
    const sources = sourcesUnder(repoRoot, ['packages', 'fixtures', 'scripts', 'bench', 'test']).filter(
      (file) => !readFileSync(file, 'utf8').startsWith('\uFEFF#!'),
    );
    expect(sources.length).toBeGreaterThan(50);
    const run = runOxlint(dir, [], sources);
    expect(run.foreign).toEqual([]);
    expect(run.filesLinted).toBe(sources.length);
    const fromEslint = await runEslintOn(dir, sources, [{ rules }], { sourceTypes: oxlintSourceTypes(dir, sources) });
    let reported = 0;
    for (const [file, result] of fromEslint) {
      expect(comparable(run.byFile.get(file)), file).toEqual(comparable(result.diagnostics));
      reported += result.diagnostics.length;
    }
    expect(reported).toBeGreaterThan(0);
    // Both linters over the whole repository: it grows with every rule and source file, and takes minutes on a loaded machine.
  }, 240_000);

  it('reads a file without import or export as a script, where ESLint by default reads a module (documented in the README)', async () => {
    // Top-level bindings of a script are globals other scripts can read between the awaits, so the
    // rule stays silent there (`written-binding-observable`); in a module nothing else can see them.
    const code = 'let a, b;\nasync function f() {\n  a = await getA();\n  b = await getB();\n}\nf();\n';
    const files: LintFile[] = ['ts', 'js', 'tsx', 'cts'].map((ext) => ({ file: `x/script.${ext}`, code, rule: 'prefer-promise-all', options: [] }));
    const dir = tempDir('source-type');
    writeTree(dir, files);
    const run = runOxlint(dir);
    expect(run.foreign).toEqual([]);
    // A CommonJS file's top level is a function's scope: private, as in a module. The scripts: silent.
    expect([...run.byFile.keys()]).toEqual(['x/script.cts']);
    const sourceTypes = oxlintSourceTypes(dir, ['files']);
    expect([...sourceTypes.values()].sort()).toEqual(['commonjs', 'script', 'script', 'script']);
    const reported = (results: Map<string, EslintFileResult>) =>
      files.filter((f) => (results.get(f.file)?.diagnostics.length ?? 0) > 0).map((f) => f.file);
    expect(reported(await runEslint(dir, files))).toEqual(files.map((f) => f.file));
    expect(reported(await runEslint(dir, files, { sourceTypes }))).toEqual(['x/script.cts']);
  });
});
