import { describe } from 'vitest';
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
