import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule } from '../src/create-rule';
import { syntaxTester, typedTester } from './rule-tester';

// A rule that needs types and reports every file: it must be silent wherever there are none.
const everyFile = createRule<[], 'seen'>({
  name: 'every-file',
  meta: {
    type: 'problem',
    docs: { description: 'Report every file', requiresTypeChecking: true },
    messages: { seen: 'Seen with types.' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return { Program: (node) => context.report({ node, messageId: 'seen' }) };
  },
});

describe('createRule and requiresTypeChecking', () => {
  // Without a program (oxlint, or ESLint without a TS project) the rule gets no listeners at all.
  syntaxTester.run('needs types, has none', everyFile, { valid: ['export const a = 1;'], invalid: [] });
  // With one it runs as written, so the silence above is the wrapper's doing.
  typedTester.run('needs types, has them', everyFile, {
    valid: [],
    invalid: [{ code: 'export const a = 1;', errors: [{ messageId: 'seen' }] }],
  });
});

describe('createRule and default options', () => {
  const seen: unknown[] = [];
  const withDefaults = createRule<[{ depth?: number; names?: string[] }], 'seen'>({
    name: 'with-defaults',
    meta: {
      type: 'problem',
      docs: { description: 'Record the options every file gets' },
      messages: { seen: 'Seen.' },
      schema: [{ type: 'object', properties: { depth: { type: 'number' }, names: { type: 'array', items: { type: 'string' } } } }],
    },
    defaultOptions: [{ depth: 2, names: ['a'] }],
    create(context, [options]) {
      seen.push(options);
      return {};
    },
  });
  const lint = (options: unknown[], files: string[]) => {
    const linter = new Linter({ configType: 'flat' });
    const config = [{ files: ['**/*.js'], plugins: { t: { rules: { 'with-defaults': withDefaults } } }, rules: { 't/with-defaults': ['error', ...options] } }] as unknown as Linter.Config[];
    for (const file of files) linter.verify('export {};', config, file);
  };

  it('merges the defaults into the configured options, once per configured options', () => {
    seen.length = 0;
    lint([{ depth: 5 }], ['a.js', 'b.js']);
    expect(seen[0]).toEqual({ depth: 5, names: ['a'] });
    // Both files have the same configured options (ESLint hands each its own copy): merged once, not per file.
    expect(seen[1]).toBe(seen[0]);
    lint([], ['c.js']);
    expect(seen[2]).toEqual({ depth: 2, names: ['a'] });
    // Options that differ in a nested value, or come back after others, are merged afresh.
    lint([{ depth: 5, names: ['b'] }], ['d.js']);
    expect(seen[3]).toEqual({ depth: 5, names: ['b'] });
    lint([{ depth: 5 }], ['e.js']);
    expect(seen[4]).toEqual({ depth: 5, names: ['a'] });
  });
});
