import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { calleeMatcher, calleeNames, operationName } from '../src/names';
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
