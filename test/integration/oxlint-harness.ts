/**
 * Runs the same files through oxlint (with eslint-plugin-asyncwise as a JS plugin, as a user loads it)
 * and through ESLint, and puts both results in one shape so a test can compare them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { ESLint, type Linter } from 'eslint';
import plugin from 'eslint-plugin-asyncwise';

export const repoRoot = path.join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const oxlintBin = path.join(path.dirname(require.resolve('oxlint/package.json')), 'bin', 'oxlint');

/**
 * The plugin ESLint runs here comes from its sources (the test runner's `source` condition, which
 * also reaches `require` in its workers); oxlint loads `dist/`, built from them by `pnpm test`.
 * That the built package itself works in ESLint is `eslint-config.test.ts`'s job.
 */
export { plugin };

/** One file to lint, and which rule (with which options) is on for it. */
export interface LintFile {
  /** Path under the tree's `files/` folder, `/`-separated. */
  file: string;
  code: string;
  rule: string;
  options: readonly unknown[];
}

/** A diagnostic in host-neutral form: positions are UTF-16 offsets into the file's text. */
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

/**
 * Writes a tree a user could have: `files/…`, a `.oxlintrc.json` that loads the plugin by package
 * name through `jsPlugins` (resolved from `node_modules/`, linked to the workspace package) with
 * oxlint's own rules off, and one override per folder that turns its rule on with its options.
 */
export function writeTree(dir: string, files: readonly LintFile[]): void {
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
  writeOxlintConfig(dir, { jsPlugins: ['eslint-plugin-asyncwise'], overrides });
}

/** Writes `.oxlintrc.json` with oxlint's built-in rules off, so only asyncwise reports. */
export function writeOxlintConfig(dir: string, config: Record<string, unknown>): void {
  const full = { plugins: [], categories: { correctness: 'off' }, ignorePatterns: ['node_modules/**'], ...config };
  writeFileSync(path.join(dir, '.oxlintrc.json'), `${JSON.stringify(full, null, 2)}\n`);
}

/** Copies a written tree's files to a fresh tree (same config), to let `--fix` write there. */
export function copyTree(from: string, to: string, files: readonly LintFile[]): void {
  writeTree(to, files);
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
  status: number | null;
}

/** UTF-8 byte offset → UTF-16 offset (oxlint reports bytes, ESLint UTF-16 code units). */
function utf16Offset(text: string, byteOffset: number): number {
  return Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8').length;
}

/** Runs oxlint in `dir` on `paths` (default `files`) with the tree's config. */
export function runOxlint(dir: string, extraArgs: readonly string[] = [], paths: readonly string[] = ['files']): OxlintRun {
  const result = spawnSync(process.execPath, [oxlintBin, '-c', '.oxlintrc.json', '-f', 'json', ...extraArgs, ...paths], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const start = result.stdout.indexOf('{');
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
    const text = readFileSync(absolute, 'utf8');
    const list = byFile.get(rel) ?? [];
    list.push({
      rule: match[1],
      line: label.span.line,
      column: label.span.column,
      start: utf16Offset(text, label.span.offset),
      end: utf16Offset(text, label.span.offset + label.span.length),
      message: d.message,
    });
    byFile.set(rel, list);
  }
  return { byFile, foreign, filesLinted: json.number_of_files, status: result.status };
}

/** Where a TypeScript file's extension sends ESLint: typescript-eslint's parser, no type information. */
const tsFiles = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/** Lints the tree's files with ESLint: typescript-eslint's parser for TS, espree for JS, the plugin. */
export async function runEslint(dir: string, files: readonly LintFile[]): Promise<Map<string, EslintFileResult>> {
  const overrides = [...groupsOf(files)].map(([folder, { rule, options }]) => ({
    files: [`files/${folder}/**`],
    rules: { [`asyncwise/${rule}`]: ['error', ...options] satisfies Linter.RuleEntry },
  }));
  return runEslintOn(dir, files.map((f) => path.join(dir, 'files', f.file)), overrides, dir);
}

/**
 * Lints any files with ESLint as a user would for a mixed TS/JS project, keyed like `runOxlint`
 * (relative to the tree's `files/` folder). `rules` turns rules on (config entries whose `files`
 * globs are relative to `cwd`; the file system's root by default, so any path can be linted).
 */
export async function runEslintOn(
  dir: string,
  paths: readonly string[],
  rules: readonly Linter.Config[],
  cwd = path.parse(dir).root,
): Promise<Map<string, EslintFileResult>> {
  const config: Linter.Config[] = [
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
    { files: tsFiles, languageOptions: { parser: tseslint.parser } },
    { files: ['**/*.jsx', '**/*.tsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], plugins: { asyncwise: plugin as never } },
    ...rules,
  ];
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, ignore: false });
  const results = await eslint.lintFiles([...paths]);
  const out = new Map<string, EslintFileResult>();
  for (const r of results) {
    const rel = path.relative(path.join(dir, 'files'), r.filePath).split(path.sep).join('/');
    const text = r.source ?? readFileSync(r.filePath, 'utf8');
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const offset = (line: number, column: number) => (lineStarts[line - 1] ?? 0) + column - 1;
    out.set(rel, {
      messages: r.messages,
      diagnostics: r.messages.map((m) => ({
        rule: m.ruleId?.replace(/^asyncwise\//, '') ?? `fatal: ${m.message}`,
        line: m.line,
        column: m.column,
        start: offset(m.line, m.column),
        end: offset(m.endLine ?? m.line, m.endColumn ?? m.column),
        message: m.message,
      })),
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
 * What one fix pass makes of a file, as ESLint applies fixes: sorted by range, a fix that overlaps
 * (or touches) the previous one left for a later pass. `pick` chooses each message's edit: its fix,
 * or for `--fix-suggestions` its fix or else its first suggestion.
 */
export function applyOnePass(
  text: string,
  messages: readonly Linter.LintMessage[],
  pick: (m: Linter.LintMessage) => Linter.LintMessage['fix'],
): string {
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
  return out + text.slice(copied);
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
