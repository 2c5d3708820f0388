import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/types';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectConfigError, projectConfigFor, readProjectConfig, typedOracleFactory, type TypesUse } from '../src/oracle/typescript-project';
import { parseFile } from '../src/parse';
import { walk } from '../src/walk';

const root = mkdtempSync(path.join(tmpdir(), 'asyncwise-typed-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const config = path.join(root, 'tsconfig.json');
writeFileSync(config, JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, types: [] }, include: ['src'] }));
mkdirSync(path.join(root, 'src'));
mkdirSync(path.join(root, 'other'));
const write = (relative: string, text: string): string => {
  const file = path.join(root, relative);
  writeFileSync(file, text);
  return file;
};
write(
  'src/lib.ts',
  [
    'function make<T>(value: T) { return () => Promise.resolve(value); }',
    'export const later = make(1);',
    'export class Query { then(done: (rows: string[]) => void): void { done([]); } }',
  ].join('\n'),
);
const probeFile = write(
  'src/probe.ts',
  [
    "import { later, Query } from './lib';",
    'export const viaFactory = later();',
    'export const parenthesised = (later());',
    'export const query = new Query();',
    'export const count = 1;',
    'export function loads() { return later(); }',
  ].join('\n'),
);
const outside = write('other/outside.ts', "import { later } from '../src/lib';\nexport const viaFactory = later();\n");

/** The file parsed with the typed oracle, what it used, and the initialiser of each `const`. */
function typed(file: string, text = readFileSync(file, 'utf8')) {
  const uses: TypesUse[] = [];
  const parsed = parseFile(text, file, { parser: 'oxc', oracle: typedOracleFactory(config, (use) => uses.push(use)) });
  const inits = new Map<string, TSESTree.Expression>();
  const functions = new Map<string, TSESTree.FunctionDeclaration>();
  walk(parsed.ast, parsed.visitorKeys, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init) inits.set(node.id.name, node.init);
    if (node.type === 'FunctionDeclaration' && node.id) functions.set(node.id.name, node);
  });
  const init = (name: string) => inits.get(name) as TSESTree.Expression;
  return { oracle: parsed.oracle, uses, init, fn: (name: string) => functions.get(name) as TSESTree.FunctionDeclaration };
}

describe('typedOracleFactory', () => {
  it('answers from the checker what only inference shows, through ESTree nodes mapped by range', () => {
    const { oracle, uses, init } = typed(probeFile);
    expect(oracle.source).toBe('types');
    expect(uses).toEqual([{ source: 'types', project: config }]);
    // The syntax oracle cannot see through the generic factory.
    expect(parseFile(readFileSync(probeFile, 'utf8'), probeFile, { parser: 'oxc' }).oracle.source).toBe('syntax');
    expect(oracle.promiseKind(init('viaFactory'))).toBe('promise');
    // oxc drops the parentheses, as typescript-estree does; the range maps inside them.
    expect(oracle.promiseKind(init('parenthesised'))).toBe('promise');
    expect(oracle.promiseKind(init('query'))).toBe('thenable');
    expect(oracle.promiseKind(init('count'))).toBe('no');
  });

  it('maps a declaration under `export`, which starts at `export` in TypeScript', () => {
    const { oracle, fn } = typed(probeFile);
    expect(oracle.signatureReturnKind(fn('loads'), [])).toBe('promise');
  });

  it('reads a changed text with the program brought up to date for it, never with the old ranges', () => {
    const original = readFileSync(probeFile, 'utf8');
    const changed = original.replace('export const count = 1;', 'export const count = later();');
    const updated = typed(probeFile, changed);
    expect(updated.oracle.promiseKind(updated.init('count'))).toBe('promise');
    // Positions moved by an edit before them still map to what is at them now.
    const shifted = `// a comment that moves every offset\n${original}`;
    const moved = typed(probeFile, shifted);
    expect(moved.oracle.promiseKind(moved.init('viaFactory'))).toBe('promise');
    expect(moved.oracle.promiseKind(moved.init('count'))).toBe('no');
    // And the file's own text is read from the program as built.
    const again = typed(probeFile);
    expect(again.oracle.promiseKind(again.init('count'))).toBe('no');
  });

  it('reads a file the program does not hold with the syntax oracle, and says so', () => {
    const { oracle, uses, init } = typed(outside);
    expect(oracle.source).toBe('syntax');
    expect(uses).toEqual([expect.objectContaining({ source: 'syntax', reason: 'not-in-project', project: config })]);
    expect(oracle.promiseKind(init('viaFactory'))).toBe('unknown');
  });

  it('reads a file whose tsconfig cannot be read without types, and says why', () => {
    const broken = write('other/broken.json', '{ "include": ["nothing-here"] }');
    const uses: TypesUse[] = [];
    const parsed = parseFile('export const x = 1;\n', outside, { parser: 'oxc', oracle: typedOracleFactory(broken, (use) => uses.push(use)) });
    expect(parsed.oracle.source).toBe('syntax');
    expect(uses.map((use) => (use.source === 'syntax' ? `${use.reason}: ${use.message}` : use.source))).toEqual([
      expect.stringMatching(/^project-unreadable: No inputs were found in config file .*, so the file was read without types$/),
    ]);
  });

  it('reads where a call takes an AbortSignal from its signature, and stays unsure where signatures disagree', () => {
    // The probe file's text changed for this test: a file the program holds.
    const text = [
      'interface Options { retries?: number; signal?: AbortSignal | null }',
      'interface Api {',
      '  get(path: string, options?: Options): Promise<string>;',
      '  poll(id: string, signal?: AbortSignal): Promise<boolean>;',
      '  list(): Promise<string[]>;',
      '  list(query: string, options?: Options): Promise<string[]>;',
      '  read(path: string, options?: string | Options): Promise<string>;',
      '  send(request: Request): Promise<Response>;',
      '  open(path: string, options?: Options): Promise<Response>;',
      '  watch(path: string, options?: Options): { close(): void };',
      '}',
      'declare const api: Api;',
      'declare const vague: any;',
      'async function own(path: string, options: Options = {}) { return fetch(path, { signal: options.signal }); }',
      'async function ignores(path: string, { retries }: Options = {}) { return fetch(path + retries); }',
      'function forward(...args: unknown[]) { return Promise.resolve(args); }',
      'declare const fallback: AbortSignal;',
      'async function defaulted(path: string, signal: AbortSignal = fallback) { return fetch(path, { signal }); }',
      "export const calls = [api.get('/a'), api.poll('a'), api.list(), api.read('/a'), api.send(new Request('/a')), api.open('/a'), api.watch('/a'), vague.get('/a'), own('/a'), ignores('/a'), forward('/a'), defaulted('/a')];",
    ].join('\n');
    const { oracle, init } = typed(probeFile, text);
    const array = init('calls') as TSESTree.ArrayExpression;
    const answers = array.elements.map((call) => oracle.signalParameterAt(call as TSESTree.CallExpression));
    const option = { kind: 'option', argument: 1, property: 'signal' };
    expect(answers).toEqual([
      { kind: 'takes', signal: option, implementation: false, returnsPromise: true, settlesBeforeRead: false, signalDefaulted: false },
      { kind: 'takes', signal: { kind: 'argument', argument: 1 }, implementation: false, returnsPromise: true, settlesBeforeRead: false, signalDefaulted: false },
      // Overloads of which only one takes a signal; options that may be a string.
      { kind: 'unknown' },
      { kind: 'unknown' },
      // A `Request` carries a signal, but not as an option.
      { kind: 'none' },
      // A `Response` is read after its promise settles.
      { kind: 'takes', signal: option, implementation: false, returnsPromise: true, settlesBeforeRead: true, signalDefaulted: false },
      { kind: 'takes', signal: option, implementation: false, returnsPromise: false, settlesBeforeRead: false, signalDefaulted: false },
      { kind: 'unknown' },
      // The function the call runs, which reads its options' signal.
      { kind: 'takes', signal: option, implementation: true, returnsPromise: true, settlesBeforeRead: true, signalDefaulted: false },
      // Its body destructures no `signal`; a rest parameter forwards what it is given.
      { kind: 'none' },
      { kind: 'none' },
      // A signal parameter with a default: a call that leaves it out gets that one.
      { kind: 'takes', signal: { kind: 'argument', argument: 1 }, implementation: true, returnsPromise: true, settlesBeforeRead: true, signalDefaulted: true },
    ]);
  });

  it('builds no program for a file whose analysis asks no type question', () => {
    const uses: TypesUse[] = [];
    parseFile('export const x = 1;\n', path.join(root, 'src/probe.ts'), { parser: 'oxc', oracle: typedOracleFactory(config, (use) => uses.push(use)) });
    expect(uses).toEqual([]);
  });
});

describe('project configs', () => {
  it('auto finds the nearest tsconfig.json above the file', () => {
    expect(projectConfigFor('auto', probeFile)).toBe(config);
    expect(projectConfigFor(config, outside)).toBe(config);
  });

  it('reads the root files, and names the config and the cause when it cannot', () => {
    expect(readProjectConfig(config).fileNames.map((f) => path.basename(f)).sort()).toEqual(['lib.ts', 'probe.ts']);
    expect(() => readProjectConfig(path.join(root, 'missing.json'))).toThrow(ProjectConfigError);
    const empty = write('other/tsconfig.json', JSON.stringify({ include: ['nothing-here'] }));
    expect(() => readProjectConfig(empty)).toThrow(/No inputs were found/);
  });
});
