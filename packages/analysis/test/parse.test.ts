import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/types';
import { defaultSourceTypeOf, isParsablePath, ParseError, type ParserName, parseFile, withoutBom } from '../src/parse';
import { defaultVisitorKeys, walk } from '../src/walk';

describe.each<ParserName>(['typescript-estree', 'oxc'])('parseFile with %s', (parser) => {
  const parse = (text: string, path: string, options: { sourceType?: 'script' } = {}) => parseFile(text, path, { ...options, parser });

  it('reports a syntax error with file, line and column', () => {
    let error: unknown;
    try {
      parse('const a = 1;\nconst = 2;\n', 'src/broken.ts');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect(error).toMatchObject({ filePath: 'src/broken.ts', line: 2 });
    expect(String((error as Error).message)).toMatch(/^src\/broken\.ts:2:\d+: /);
  });

  it('parses JSX in .tsx and .jsx files but not type assertions in .tsx', () => {
    expect(() => parse('const a = <div>{x}</div>;', 'a.tsx')).not.toThrow();
    expect(() => parse('const a = <div>{x}</div>;', 'a.jsx')).not.toThrow();
    expect(() => parse('const a = <T>x;', 'a.ts')).not.toThrow();
  });

  it('sets parent on every node', () => {
    const file = parse('async function f() { await g(); }', 'a.ts');
    const fn = file.ast.body[0];
    expect(fn?.parent).toBe(file.ast);
  });

  it('reads files as ESLint does by default: .cjs as CommonJS, everything else (.cts too) as a module', () => {
    expect(['a.js', 'a.mjs', 'a.ts', 'a.mts', 'a.cts', 'a.tsx', 'a.jsx'].map(defaultSourceTypeOf)).toEqual(
      Array(7).fill('module'),
    );
    expect(defaultSourceTypeOf('a.cjs')).toBe('commonjs');
    // In a module, top-level `await (x)` awaits even without import/export; in a script it is a call.
    const init = (text: string, path: string, sourceType?: 'script') => {
      const statement = parse(text, path, sourceType ? { sourceType } : {}).ast.body[0];
      return statement?.type === 'VariableDeclaration' ? statement.declarations[0]?.init?.type : undefined;
    };
    expect(init('const a = await (x);', 'a.js')).toBe('AwaitExpression');
    expect(init('const a = await (x);', 'a.cts')).toBe('AwaitExpression');
    expect(init('const a = await (x);', 'a.js', 'script')).toBe('CallExpression');
  });

  it('scopes CommonJS like a function body and scripts like globals', () => {
    // CommonJS: top-level variables belong to the module wrapper, not the global scope.
    expect(parse('var x = 1;', 'a.cjs').scopeManager.globalScope?.set.has('x')).toBe(false);
    expect(() => parse('return;', 'a.cjs')).not.toThrow();
    expect(parse('var x = 1;', 'a.js', { sourceType: 'script' }).scopeManager.globalScope?.set.has('x')).toBe(true);
    expect(parse('var x = 1;', 'a.mjs').scopeManager.globalScope?.set.has('x')).toBe(false);
  });

  it('parses a file that starts with a byte order mark and a hashbang once the mark is set aside', () => {
    const { text, bom } = withoutBom('\uFEFF#!/usr/bin/env node\nconst a = await x();\n');
    expect(bom).toBe(true);
    expect(parse(text, 'cli.js').ast.body).toHaveLength(1);
    expect(withoutBom('const a = 1;')).toEqual({ text: 'const a = 1;', bom: false });
  });

  it('knows which files it can parse', () => {
    expect(isParsablePath('a/b.ts')).toBe(true);
    expect(isParsablePath('a/b.cjs')).toBe(true);
    expect(isParsablePath('a/b.d.ts')).toBe(false);
    expect(isParsablePath('a/b.json')).toBe(false);
  });
});

describe('oxc-parser and typescript-estree', () => {
  /** Every node's type and range, in walk order, and every comment's. */
  const shape = (text: string, path: string, parser: ParserName) => {
    const file = parseFile(text, path, { parser });
    const nodes: string[] = [];
    walk(file.ast, defaultVisitorKeys, (node: TSESTree.Node) => {
      if (node.type !== 'Program') nodes.push(`${node.type}@${node.range.join('-')}`);
    });
    return { nodes, comments: file.comments.map((c) => `${c.type}:${c.value}@${c.range.join('-')}`) };
  };

  it.each([
    ['a.ts', 'export async function f(a: string, { b }: { b?: number } = {}): Promise<void> {\n  const [x, y] = await Promise.all([g(a), h?.(b as number)]); /* c */ // d\n  for (const z of x!) await (z satisfies unknown);\n}\n'],
    ['a.tsx', 'class A<T> extends B { #p?: Promise<T>; static async m() { return <div a="1">{await this.x}</div>; } }\n'],
    ['a.js', '// é\u2028const a = async () => { try { await x`t${1}`; } finally { void (y, z); } };\r\nlabel: for (;;) break label;\n'],
    ['a.cjs', 'const { a } = require("a");\nif (a) return module.exports = { a, [a]: a, ...a };\n'],
  ])('give the same nodes and ranges for %s', (path, text) => {
    expect(shape(text, path, 'oxc')).toEqual(shape(text, path, 'typescript-estree'));
  });

  it('give BigInt and RegExp literals the values typescript-estree gives, which JSON cannot carry', () => {
    const literals = (parser: ParserName) => {
      const values: unknown[] = [];
      walk(parseFile('const a = [10n, /x+/giu, 0x1fn, "s", 2];\nf(/[a-z]/v);\n', 'a.ts', { parser }).ast, defaultVisitorKeys, (node: TSESTree.Node) => {
        if (node.type === 'Literal') values.push(node.value instanceof RegExp ? `re:${node.value.source}/${node.value.flags}` : node.value);
      });
      return values;
    };
    expect(literals('oxc')).toEqual([10n, 're:x+/giu', 31n, 's', 2, 're:[a-z]/v']);
    expect(literals('oxc')).toEqual(literals('typescript-estree'));
  });

  it('puts a syntax error at the line and column oxc-parser names, counting every line terminator', () => {
    let error: unknown;
    try {
      parseFile('const a = 1;\r// é\u2028const = 2;\n', 'src/broken.ts', { parser: 'oxc' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect(error).toMatchObject({ filePath: 'src/broken.ts', line: 3, column: 7 });
  });
});
