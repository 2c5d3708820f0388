import { describe, expect, it } from 'vitest';
import { isParsablePath, ParseError, parseFile } from '../src/parse';

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

  it('treats .cjs as a script: top-level declarations are globals there', () => {
    const file = parseFile('var x = 1;', 'a.cjs');
    expect(file.scopeManager.globalScope?.set.has('x')).toBe(true);
    const module = parseFile('var x = 1;', 'a.mjs');
    expect(module.scopeManager.globalScope?.set.has('x')).toBe(false);
  });

  it('knows which files it can parse', () => {
    expect(isParsablePath('a/b.ts')).toBe(true);
    expect(isParsablePath('a/b.cjs')).toBe(true);
    expect(isParsablePath('a/b.d.ts')).toBe(false);
    expect(isParsablePath('a/b.json')).toBe(false);
  });
});
