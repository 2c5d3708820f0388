/**
 * then-to-await beside TypeScript's own "Convert to async function" code fix
 * (`convertToAsyncFunction`, diagnostic 80006), on this repo's TypeScript version and the codemod's
 * fixture inputs: where TypeScript offers the fix, we apply it (again, until it offers no more, as a
 * user clicking through a file would) and compare with the codemod's output, token by token, with
 * whitespace and comments set aside; then whether TypeScript kept every comment. The expected table
 * is the one docs/codemods/then-to-await.md explains under "Differences from TypeScript's refactor";
 * a change in either tool shows up here as a changed row.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsTokens from 'js-tokens';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { run } from '../../packages/codemods/src/transforms/then-to-await';
import { casesOf } from '../../packages/codemods/test/helpers';

const root = path.join(import.meta.dirname, '..', '..');
const fixturesDir = path.join(root, 'packages/codemods/src/transforms/__testfixtures__/then-to-await');

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  allowJs: true,
  jsx: ts.JsxEmit.Preserve,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  typeRoots: [path.join(root, 'node_modules/@types')],
};

/** One registry for every service of the run: the lib files are parsed once. */
const registry = ts.createDocumentRegistry();

/** TypeScript's code fix applied until it is offered no more: the output, and how many sites it offered it at first. */
function typescriptConvert(fileName: string, text: string): { output: string; offered: number } {
  let current = text;
  let version = 0;
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [fileName],
    getScriptVersion: (f) => (f === fileName ? String(version) : '0'),
    getScriptSnapshot: (f) => {
      const content = f === fileName ? current : ts.sys.readFile(f);
      return content === undefined ? undefined : ts.ScriptSnapshot.fromString(content);
    },
    getCurrentDirectory: () => path.dirname(fileName),
    getCompilationSettings: () => compilerOptions,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (f) => f === fileName || ts.sys.fileExists(f),
    readFile: (f) => (f === fileName ? current : ts.sys.readFile(f)),
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    directoryExists: (f) => ts.sys.directoryExists(f),
    getDirectories: (f) => ts.sys.getDirectories(f),
  };
  const service = ts.createLanguageService(host, registry);
  const format = { ...ts.getDefaultFormatCodeSettings('\n'), indentSize: 2, tabSize: 2, convertTabsToSpaces: true };
  let offered = -1;
  for (let round = 0; round < 20; round++) {
    const sites = service.getSuggestionDiagnostics(fileName).filter((d) => d.code === 80006);
    if (offered < 0) offered = sites.length;
    const fix = sites
      .map((d) => service.getCodeFixesAtPosition(fileName, d.start, d.start + d.length, [80006], format, {}).find((f) => f.fixName === 'convertToAsyncFunction'))
      .find((f) => f !== undefined);
    if (!fix) break;
    const changes = fix.changes.flatMap((c) => c.textChanges).sort((a, b) => b.span.start - a.span.start);
    for (const change of changes) current = current.slice(0, change.span.start) + change.newText + current.slice(change.span.start + change.span.length);
    version++;
  }
  service.dispose();
  return { output: current, offered };
}

const isTrivia = (type: string) => type === 'WhiteSpace' || type === 'LineTerminatorSequence' || type === 'MultiLineComment' || type === 'SingleLineComment';

/** The code tokens of a text, whitespace and comments aside, with a trailing `;` before `}` dropped. */
function codeTokens(text: string): string {
  return [...jsTokens(text, { jsx: true })].filter((t) => !isTrivia(t.type)).map((t) => t.value).join(' ').replace(/ ; }/g, ' }');
}

function comments(text: string): string[] {
  return [...jsTokens(text, { jsx: true })].filter((t) => t.type === 'MultiLineComment' || t.type === 'SingleLineComment').map((t) => t.value);
}

interface Row {
  /** What TypeScript does: offers no fix, converts, or offers a fix at a site but converts nothing. */
  readonly typescript: 'not offered' | 'converts' | 'offered, no change';
  /** What then-to-await does: converts, or the reasons it refuses. */
  readonly asyncwise: string;
  /** When both convert: whether the code is the same (whitespace and comments aside). */
  readonly sameCode?: boolean;
  /** When TypeScript converts: whether it kept every comment. */
  readonly typescriptKeepsComments?: boolean;
}

/** The agreement table, explained row by row in the codemod's doc. */
const expected: Record<string, Row> = {
  'already-async-and-parenthesised-body': { typescript: 'not offered', asyncwise: 'converts' },
  'arrow-expression-body': { typescript: 'not offered', asyncwise: 'converts' },
  'awaited-chains': { typescript: 'not offered', asyncwise: 'converts' },
  'catch-first': { typescript: 'converts', asyncwise: 'converts', sameCode: false, typescriptKeepsComments: true },
  'comments-preserved': { typescript: 'converts', asyncwise: 'converts', sameCode: true, typescriptKeepsComments: false },
  'commonjs-finally': { typescript: 'converts', asyncwise: 'converts', sameCode: false, typescriptKeepsComments: true },
  'fetch-json-then-catch': { typescript: 'converts', asyncwise: 'converts', sameCode: true, typescriptKeepsComments: true },
  'function-handlers-inlined': { typescript: 'converts', asyncwise: 'converts', sameCode: false, typescriptKeepsComments: true },
  'fresh-error-name': { typescript: 'converts', asyncwise: 'converts', sameCode: false, typescriptKeepsComments: true },
  'multiline-expression-bodies': { typescript: 'converts', asyncwise: 'converts', sameCode: false, typescriptKeepsComments: true },
  'named-handlers-and-methods': { typescript: 'converts', asyncwise: 'converts', sameCode: false, typescriptKeepsComments: true },
  'nested-chain-in-handler': { typescript: 'converts', asyncwise: 'converts', sameCode: true, typescriptKeepsComments: true },
  'refuses-finally-returning': { typescript: 'converts', asyncwise: 'finally-returns-value' },
  'refuses-getter-generator-constructor': { typescript: 'not offered', asyncwise: 'constructor, getter-or-setter, generator-function' },
  'refuses-handler-this': { typescript: 'converts', asyncwise: 'handler-uses-this, handler-uses-arguments' },
  'refuses-awaited-and-returned-shapes': { typescript: 'converts', asyncwise: 'returned-inside-try, declaration-type-unknown, statement-not-rewritable' },
  'refuses-method-handler-and-catch-first': { typescript: 'converts', asyncwise: 'handler-not-inlinable, declaration-type-unknown' },
  'refuses-name-clash': { typescript: 'converts', asyncwise: 'name-clash' },
  'refuses-promise-executor': { typescript: 'not offered', asyncwise: 'promise-executor' },
  'refuses-return-in-non-final-handler': { typescript: 'offered, no change', asyncwise: 'return-in-non-final-handler' },
  'refuses-sync-return': { typescript: 'not offered', asyncwise: 'function-returns-non-promise' },
  'refuses-two-argument-then': { typescript: 'not offered', asyncwise: 'then-two-arguments' },
  'refuses-unknown-receiver': { typescript: 'not offered', asyncwise: 'receiver-not-promise, receiver-not-known-promise' },
  'returned-inside-branches': { typescript: 'converts', asyncwise: 'converts', sameCode: false, typescriptKeepsComments: true },
  'then-chain-values': { typescript: 'converts', asyncwise: 'converts', sameCode: true, typescriptKeepsComments: true },
  'tsx-component-loader': { typescript: 'converts', asyncwise: 'converts', sameCode: false, typescriptKeepsComments: true },
  'zero-parameter-callbacks': { typescript: 'converts', asyncwise: 'converts', sameCode: false, typescriptKeepsComments: true },
};

function rowOf(inputPath: string): Row {
  const input = readFileSync(inputPath, 'utf8');
  const ours = run(input, inputPath, { level: 'review' });
  const theirs = typescriptConvert(inputPath, input);
  const typescript: Row['typescript'] = theirs.offered === 0 ? 'not offered' : theirs.output === input ? 'offered, no change' : 'converts';
  const asyncwise = ours.output !== input ? 'converts' : [...new Set(ours.refusals.map((r) => r.reason))].join(', ');
  if (typescript !== 'converts' || asyncwise !== 'converts') return { typescript, asyncwise };
  const kept = comments(theirs.output);
  return {
    typescript,
    asyncwise,
    sameCode: codeTokens(theirs.output) === codeTokens(ours.output),
    typescriptKeepsComments: comments(input).every((c) => kept.includes(c)),
  };
}

describe("then-to-await beside TypeScript's convertToAsyncFunction", () => {
  const cases = casesOf(fixturesDir);

  it('compares every fixture of the codemod', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(cases.map((c) => [c.name, c.inputPath] as const))('%s', (name, inputPath) => {
    expect(rowOf(inputPath)).toEqual(expected[name]);
  });
});
