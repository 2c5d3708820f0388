import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { calleeMatcher, calleeNames, freeNameAt, isNameFreeAt, nameOfValue, operationName } from '../src/names';
import { parseFile } from '../src/parse';

function expressionOf(code: string): { text: string; node: TSESTree.Expression } {
  const file = parseFile(code, 'a.ts');
  const statement = file.ast.body[0];
  if (statement?.type !== 'ExpressionStatement') throw new Error('expected an expression statement');
  return { text: code, node: statement.expression };
}

describe('operationName', () => {
  it.each([
    ['getUser(id)', 'getUser()'],
    ['this.api.users.get(id)', 'this.api.users.get()'],
    ['client?.fetch(url)', 'client?.fetch()'],
    ['new Worker(file)', 'new Worker()'],
    ['import("./x")', 'import()'],
    ['fetch(url).then((r) => r.json())', 'fetch().then()'],
    ['map["key"](x)', 'map["key"]()'],
    ['(a || b)(x)', 'a || b()'],
  ])('%s → %s', (code, expected) => {
    const { text, node } = expressionOf(code);
    expect(operationName(text, node)).toBe(expected);
  });
});

describe('calleeMatcher', () => {
  const ignored = calleeMatcher(['logger.*', '*.write', 'audit']);
  const names = (code: string) => calleeNames(expressionOf(code).node);

  it('matches dotted callee names with globs', () => {
    expect(ignored(names('logger.info("x")'))).toBe(true);
    expect(ignored(names('db.users.write(row)'))).toBe(true);
    expect(ignored(names('audit("x")'))).toBe(true);
    expect(ignored(names('getUser(1)'))).toBe(false);
  });

  it('treats a leading this. as optional', () => {
    expect(ignored(names('this.logger.warn("x")'))).toBe(true);
  });

  it('matches any call along a chain', () => {
    expect(ignored(names('logger.child().flush()'))).toBe(true);
    expect(names('fetch(url).then((r) => r.json())')).toEqual(['fetch().then', 'fetch']);
  });

  it('matches nothing without patterns', () => {
    expect(calleeMatcher([])(['anything'])).toBe(false);
  });
});

describe('nameOfValue', () => {
  it.each([
    ['result', 'result'],
    ['info.size', 'size'],
    ['(await load(id)).tags', 'tags'],
    ['await readLocalFile(name)', 'localFile'],
    ['client.getUser(id)', 'user'],
    ['item?.name', 'name'],
    ['load(id)', null],
    ['x.default', null],
    ['undefined', null],
    ['"a"', null],
    ['a + b', null],
    ['map[key]', null],
    ['this', null],
  ])('%s → %s', (code, expected) => {
    expect(nameOfValue(expressionOf(code).node)).toBe(expected);
  });
});

describe('isNameFreeAt', () => {
  const code = `const outer = 1;
function f(items) {
  for (const item of items) {
    const size = item.size;
    use(outer, size);
  }
}
function g() {
  const local = 2;
}
`;
  const file = parseFile(code, 'a.js');
  const fn = file.ast.body[1] as TSESTree.FunctionDeclaration;
  const loop = fn.body.body[0] as TSESTree.ForOfStatement;

  it('refuses a name declared around the site, used inside it, or an undeclared global of the file', () => {
    expect(isNameFreeAt(file, loop, 'outer')).toBe(false);
    expect(isNameFreeAt(file, loop, 'items')).toBe(false);
    expect(isNameFreeAt(file, loop, 'size')).toBe(false);
    expect(isNameFreeAt(file, loop, 'use')).toBe(false);
    expect(isNameFreeAt(file, loop, 'class')).toBe(false);
  });

  it('takes a name another function declares: unlike a search of the text, scopes apart do not meet', () => {
    expect(isNameFreeAt(file, loop, 'local')).toBe(true);
    expect(freeNameAt(file, loop, ['outer', null, 'size', 'total'])).toBe('total');
    expect(freeNameAt(file, loop, ['total'], new Set(['total']))).toBe(null);
  });

  it('with ownedBySite, takes a name the site declares and uses only as its own', () => {
    expect(isNameFreeAt(file, loop, 'item', true)).toBe(true);
    expect(isNameFreeAt(file, loop, 'size', true)).toBe(true);
    expect(isNameFreeAt(file, loop, 'outer', true)).toBe(false);
    expect(isNameFreeAt(file, loop, 'use', true)).toBe(false);
  });
});
