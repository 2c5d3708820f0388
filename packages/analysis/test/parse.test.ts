import { describe, expect, it } from 'vitest';
import { defaultSourceTypeOf, isParsablePath, ParseError, parseFile, withoutBom } from '../src/parse';

describe('parseFile', () => {
  it('reports a syntax error with file, line and column', () => {
    let error: unknown;
    try {
      parseFile('const a = 1;\nconst = 2;\n', 'src/broken.ts');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect(error).toMatchObject({ filePath: 'src/broken.ts', line: 2 });
    expect(String((error as Error).message)).toMatch(/^src\/broken\.ts:2:\d+: /);
  });

  it('parses JSX in .tsx and .jsx files but not type assertions in .tsx', () => {
    expect(() => parseFile('const a = <div>{x}</div>;', 'a.tsx')).not.toThrow();
    expect(() => parseFile('const a = <div>{x}</div>;', 'a.jsx')).not.toThrow();
    expect(() => parseFile('const a = <T>x;', 'a.ts')).not.toThrow();
  });

  it('sets parent on every node', () => {
    const file = parseFile('async function f() { await g(); }', 'a.ts');
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
      const statement = parseFile(text, path, sourceType ? { sourceType } : {}).ast.body[0];
      return statement?.type === 'VariableDeclaration' ? statement.declarations[0]?.init?.type : undefined;
    };
    expect(init('const a = await (x);', 'a.js')).toBe('AwaitExpression');
    expect(init('const a = await (x);', 'a.cts')).toBe('AwaitExpression');
    expect(init('const a = await (x);', 'a.js', 'script')).toBe('CallExpression');
  });

  it('scopes CommonJS like a function body and scripts like globals', () => {
    // CommonJS: top-level variables belong to the module wrapper, not the global scope.
    expect(parseFile('var x = 1;', 'a.cjs').scopeManager.globalScope?.set.has('x')).toBe(false);
    expect(() => parseFile('return;', 'a.cjs')).not.toThrow();
    expect(parseFile('var x = 1;', 'a.js', { sourceType: 'script' }).scopeManager.globalScope?.set.has('x')).toBe(true);
    expect(parseFile('var x = 1;', 'a.mjs').scopeManager.globalScope?.set.has('x')).toBe(false);
  });

  it('parses a file that starts with a byte order mark and a hashbang once the mark is set aside', () => {
    const { text, bom } = withoutBom('\uFEFF#!/usr/bin/env node\nconst a = await x();\n');
    expect(bom).toBe(true);
    expect(parseFile(text, 'cli.js').ast.body).toHaveLength(1);
    expect(withoutBom('const a = 1;')).toEqual({ text: 'const a = 1;', bom: false });
  });

  it('knows which files it can parse', () => {
    expect(isParsablePath('a/b.ts')).toBe(true);
    expect(isParsablePath('a/b.cjs')).toBe(true);
    expect(isParsablePath('a/b.d.ts')).toBe(false);
    expect(isParsablePath('a/b.json')).toBe(false);
  });
});
