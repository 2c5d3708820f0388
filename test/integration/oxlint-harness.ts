/**
 * Runs the same files through oxlint (with eslint-plugin-asyncwise as a JS plugin, as a user loads it)
 * and through ESLint, and puts both results in one shape so a test can compare them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import plugin from 'eslint-plugin-asyncwise';
import tseslint from 'typescript-eslint';

export const repoRoot = path.join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const oxlintBin = path.join(path.dirname(require.resolve('oxlint/package.json')), 'bin', 'oxlint');

/**
 * The plugin ESLint runs here comes from its sources (the test runner's `source` condition, which
 * also reaches `require` in its workers); oxlint loads `dist/`, built from them by `pnpm test`.
 * `assertBuildIsFresh` refuses to compare the two when `dist/` is older than the sources. That the
 * built package itself works in ESLint is `eslint-config.test.ts`'s job.
 */
export { plugin };

/** Throws when a source file of the plugin or the analysis is newer than its build. */
export function assertBuildIsFresh(): void {
  for (const pkg of ['eslint-plugin', 'analysis']) {
    const dist = path.join(repoRoot, 'packages', pkg, 'dist', 'index.js');
    const built = statSync(dist).mtimeMs;
    const src = path.join(repoRoot, 'packages', pkg, 'src');
    const stale = readdirSync(src, { recursive: true, encoding: 'utf8' }).find((f) => {
      const stat = statSync(path.join(src, f));
      // Files only: a folder's time moves when a file is added or removed, not when code changes.
      return stat.isFile() && stat.mtimeMs > built;
    });
    if (stale) throw new Error(`packages/${pkg}/src/${stale} is newer than its dist/: run \`pnpm build\` (pnpm test does).`);
  }
}

/** One file to lint, and which rule (with which options) is on for it. */
export interface LintFile {
  /** Path under the tree's `files/` folder, `/`-separated. */
  file: string;
  code: string;
  rule: string;
  options: readonly unknown[];
}

/**
 * A diagnostic in host-neutral form. `start`/`end` are UTF-16 offsets into the file's text without a
 * BOM (ESLint's `range`); `line`/`column` are derived from `start` the way ESLint counts them (lines
 * also break at `\r`, U+2028 and U+2029; columns in UTF-16 code units, from 1). oxlint's own JSON
 * gives byte offsets and byte columns, which is how its output shows a column after non-ASCII text;
 * the location is the same, so that is what is compared.
 */
export interface Diagnostic {
  rule: string;
  line: number;
  column: number;
  start: number;
  end: number;
  message: string;
}

/** ESLint's view of a file: its diagnostics and the edits each offers. */
export interface EslintFileResult {
  diagnostics: Diagnostic[];
  messages: Linter.LintMessage[];
}

const BOM = '\uFEFF';

/** Where each line of `text` starts, as ESLint splits lines. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|[\r\n\u2028\u2029]/g)) starts.push(match.index + match[0].length);
  return starts;
}

function lineAndColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= offset) line++;
  return { line: line + 1, column: offset - (starts[line] ?? 0) + 1 };
}

/** Files grouped by rule and options: each group is a folder that an override turns its rule on in. */
function groupsOf(files: readonly LintFile[]): Map<string, { rule: string; options: readonly unknown[] }> {
  const groups = new Map<string, { rule: string; options: readonly unknown[] }>();
  for (const f of files) {
    const dir = path.posix.dirname(f.file);
    const existing = groups.get(dir);
    if (existing && (existing.rule !== f.rule || JSON.stringify(existing.options) !== JSON.stringify(f.options))) {
      throw new Error(`${dir} mixes rules or options; put each rule/options pair in its own folder.`);
    }
    groups.set(dir, { rule: f.rule, options: f.options });
  }
  return groups;
}

/** More JS plugins and rules for a tree's config (a test-only plugin, for instance). */
export interface ExtraPlugins {
  /** Absolute paths of JS plugin modules. */
  jsPlugins: readonly string[];
  rules: Record<string, unknown>;
}

/**
 * Writes a tree a user could have: `files/…`, a `.oxlintrc.json` that loads the plugin by package
 * name through `jsPlugins` (resolved from `node_modules/`, linked to the workspace package) with
 * oxlint's own rules off, and one override per folder that turns its rule on with its options.
 */
export function writeTree(dir: string, files: readonly LintFile[], extra?: ExtraPlugins): void {
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  symlinkSync(path.join(repoRoot, 'packages', 'eslint-plugin'), path.join(dir, 'node_modules', 'eslint-plugin-asyncwise'));
  for (const f of files) {
    const target = path.join(dir, 'files', f.file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, f.code);
  }
  const overrides = [...groupsOf(files)].map(([folder, { rule, options }]) => ({
    files: [`files/${folder}/**`],
    rules: { [`asyncwise/${rule}`]: ['error', ...options] },
  }));
  writeOxlintConfig(dir, {
    jsPlugins: ['eslint-plugin-asyncwise', ...(extra?.jsPlugins ?? [])],
    rules: extra?.rules ?? {},
    overrides,
  });
}

/** Writes `.oxlintrc.json` with oxlint's built-in rules off, so only asyncwise reports. */
export function writeOxlintConfig(dir: string, config: Record<string, unknown>, name = '.oxlintrc.json'): void {
  const full = { plugins: [], categories: { correctness: 'off' }, ignorePatterns: ['node_modules/**'], ...config };
  writeFileSync(path.join(dir, name), `${JSON.stringify(full, null, 2)}\n`);
}

/** Copies a written tree's files to a fresh tree, to let `--fix` write there. */
export function copyTree(from: string, to: string, files: readonly LintFile[], extra?: ExtraPlugins): void {
  writeTree(to, files, extra);
  cpSync(path.join(from, 'files'), path.join(to, 'files'), { recursive: true });
}

interface OxlintJson {
  diagnostics: {
    message: string;
    code?: string;
    filename: string;
    labels: { span: { offset: number; length: number; line: number; column: number } }[];
  }[];
  number_of_files: number;
}

export interface OxlintRun {
  /** Diagnostics by file (relative to the tree's `files/`), asyncwise's only. */
  byFile: Map<string, Diagnostic[]>;
  /** Anything that is not an asyncwise diagnostic: a crashed rule ("Error running JS plugin"), a config error. */
  foreign: string[];
  filesLinted: number;
}

/** A UTF-8 byte offset into a file (BOM included) → a UTF-16 offset into its text without the BOM. */
function textOffset(content: string, byteOffset: number): number {
  const offset = Buffer.from(content, 'utf8').subarray(0, byteOffset).toString('utf8').length;
  return content.startsWith(BOM) ? offset - 1 : offset;
}

/** Runs oxlint in `dir` on `paths` (default `files`) with the tree's config (or `config`). */
export function runOxlint(
  dir: string,
  extraArgs: readonly string[] = [],
  paths: readonly string[] = ['files'],
  config = '.oxlintrc.json',
): OxlintRun {
  const result = spawnSync(process.execPath, [oxlintBin, '-c', config, '-f', 'json', ...extraArgs, ...paths], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  // 0: nothing reported, 1: something reported; anything else is oxlint failing.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`oxlint exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  const start = result.stdout.search(/^\{/m);
  if (start < 0) throw new Error(`oxlint printed no JSON (status ${result.status}):\n${result.stdout}\n${result.stderr}`);
  const json = JSON.parse(result.stdout.slice(start)) as OxlintJson;
  const byFile = new Map<string, Diagnostic[]>();
  const foreign: string[] = [];
  for (const d of json.diagnostics) {
    const match = d.code ? /^asyncwise\((.+)\)$/.exec(d.code) : null;
    const label = d.labels[0];
    if (!match?.[1] || !label) {
      foreign.push(`${d.filename}: ${d.code ?? '(no code)'}: ${d.message}`);
      continue;
    }
    const absolute = path.resolve(dir, d.filename);
    const rel = path.relative(path.join(dir, 'files'), absolute).split(path.sep).join('/');
    const content = readFileSync(absolute, 'utf8');
    const startOffset = textOffset(content, label.span.offset);
    const list = byFile.get(rel) ?? [];
    list.push({
      rule: match[1],
      ...lineAndColumn(lineStartsOf(content.replace(/^\uFEFF/, '')), startOffset),
      start: startOffset,
      end: textOffset(content, label.span.offset + label.span.length),
      message: d.message,
    });
    byFile.set(rel, list);
  }
  return { byFile, foreign, filesLinted: json.number_of_files };
}

/** oxlint's verdict on each file: `module`, `script` or `commonjs` (it reads it from the file). */
export function oxlintSourceTypes(dir: string, paths: readonly string[]): Map<string, string> {
  const probe = path.join(dir, 'source-type-probe.mjs');
  writeFileSync(
    probe,
    `export default { meta: { name: 'source-type' }, rules: { probe: { create: (context) => ({
  'Program:exit': (node) => context.report({ node, message: node.sourceType }),
}) } } };\n`,
  );
  writeOxlintConfig(dir, { jsPlugins: [probe], rules: { 'source-type/probe': 'error' } }, '.oxlintrc.source-type.json');
  const run = runOxlint(dir, [], paths, '.oxlintrc.source-type.json');
  const types = new Map<string, string>();
  for (const line of run.foreign) {
    const match = /^(.*): source-type\(probe\): (module|script|commonjs)$/.exec(line);
    if (!match?.[1] || !match[2]) throw new Error(`Unexpected oxlint output: ${line}`);
    types.set(path.resolve(dir, match[1]), match[2]);
  }
  return types;
}

/** Where a TypeScript file's extension sends ESLint: typescript-eslint's parser, no type information. */
const tsFiles = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/** Lints the tree's files with ESLint: typescript-eslint's parser for TS, espree for JS, the plugin. */
export async function runEslint(
  dir: string,
  files: readonly LintFile[],
  options: { extra?: readonly Linter.Config[]; sourceTypes?: ReadonlyMap<string, string> } = {},
): Promise<Map<string, EslintFileResult>> {
  const overrides: Linter.Config[] = [...groupsOf(files)].map(([folder, { rule, options: ruleOptions }]) => ({
    files: [`files/${folder}/**`],
    rules: { [`asyncwise/${rule}`]: ['error', ...ruleOptions] satisfies Linter.RuleEntry },
  }));
  const paths = files.map((f) => path.join(dir, 'files', f.file));
  return runEslintOn(dir, paths, [...overrides, ...(options.extra ?? [])], { cwd: dir, sourceTypes: options.sourceTypes });
}

/**
 * Lints any files with ESLint as a user would for a mixed TS/JS project, keyed like `runOxlint`
 * (relative to the tree's `files/` folder). `rules` turns rules on (config entries whose `files`
 * globs are relative to `cwd`; the file system's root by default, so any path can be linted).
 * `sourceTypes` (absolute path → `module`/`script`/`commonjs`) reads each file as oxlint does,
 * where ESLint would otherwise take every file but `.cjs` for a module.
 */
export async function runEslintOn(
  dir: string,
  paths: readonly string[],
  rules: readonly Linter.Config[],
  options: { cwd?: string; sourceTypes?: ReadonlyMap<string, string> | undefined } = {},
): Promise<Map<string, EslintFileResult>> {
  const cwd = options.cwd ?? path.parse(dir).root;
  const asOxlintReadsThem: Linter.Config[] = [...(options.sourceTypes ?? [])].map(([file, sourceType]) => ({
    files: [path.relative(cwd, file).split(path.sep).join('/')],
    // typescript-eslint's parser gets CommonJS's function scope from `globalReturn`; ESLint's
    // `sourceType: 'commonjs'` does not reach it (the top level stays global).
    languageOptions:
      sourceType === 'commonjs' && /\.[cm]?tsx?$/.test(file)
        ? { sourceType: 'script', parserOptions: { ecmaFeatures: { globalReturn: true } } }
        : { sourceType: sourceType as 'module' | 'script' | 'commonjs' },
  }));
  const config: Linter.Config[] = [
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
    { files: tsFiles, languageOptions: { parser: tseslint.parser } },
    { files: ['**/*.jsx', '**/*.tsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], plugins: { asyncwise: plugin as never } },
    ...asOxlintReadsThem,
    ...rules,
  ];
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, ignore: false });
  const results = await eslint.lintFiles([...paths]);
  const out = new Map<string, EslintFileResult>();
  for (const r of results) {
    const rel = path.relative(path.join(dir, 'files'), r.filePath).split(path.sep).join('/');
    const text = readFileSync(r.filePath, 'utf8').replace(/^\uFEFF/, '');
    const starts = lineStartsOf(text);
    const offset = (line: number, column: number) => (starts[line - 1] ?? 0) + column - 1;
    out.set(rel, {
      messages: r.messages,
      diagnostics: r.messages.map((m) => {
        const start = offset(m.line, m.column);
        return {
          rule: m.ruleId?.replace(/^asyncwise\//, '') ?? `fatal: ${m.message}`,
          ...lineAndColumn(starts, start),
          start,
          end: offset(m.endLine ?? m.line, m.endColumn ?? m.column),
          message: m.message,
        };
      }),
    });
  }
  return out;
}

/** Every JS/TS source under `root`'s folders, skipping installs, builds and generated or scratch trees. */
export function sourcesUnder(root: string, folders: readonly string[]): string[] {
  const skip = /(^|[\\/])(node_modules|dist|\.tmp|\.corpus|\.results|\.git)([\\/]|$)/;
  return folders.flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(file) && !skip.test(file))
      .map((file) => path.join(root, folder, file)),
  );
}

/**
 * What one fix pass makes of a file, as ESLint applies fixes: ranges are over the text without its
 * BOM (kept), sorted, and a fix that overlaps or touches the previous one is left for a later pass.
 * `pick` chooses each message's edit: its fix, or for `--fix-suggestions` its fix or else its first
 * suggestion.
 */
export function applyOnePass(
  content: string,
  messages: readonly Linter.LintMessage[],
  pick: (m: Linter.LintMessage) => Linter.LintMessage['fix'],
): string {
  const bom = content.startsWith(BOM) ? BOM : '';
  const text = content.slice(bom.length);
  const fixes = messages
    .map(pick)
    .filter((f): f is NonNullable<typeof f> => f !== undefined)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let last = Number.NEGATIVE_INFINITY;
  let copied = 0;
  for (const fix of fixes) {
    if (last >= fix.range[0]) continue;
    out += text.slice(copied, fix.range[0]) + fix.text;
    copied = fix.range[1];
    last = fix.range[1];
  }
  return bom + out + text.slice(copied);
}

/** The configuration oxlint resolves in `dir` (`--print-config`): extends followed, presets merged. */
export function oxlintConfigOf(dir: string): { rules: Record<string, unknown> } {
  const out = execFileSync(process.execPath, [oxlintBin, '-c', '.oxlintrc.json', '--print-config'], { cwd: dir, encoding: 'utf8' });
  return JSON.parse(out) as { rules: Record<string, unknown> };
}

/** The oxlint version this repo pins, for messages. */
export function oxlintVersion(): string {
  return execFileSync(process.execPath, [oxlintBin, '--version'], { encoding: 'utf8' }).trim();
}
