import { findSinglePromiseInPromiseMethod } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'singlePromise' | 'unwrap' | 'promiseResolve';

export default createRule<Options, MessageIds>({
  name: 'no-single-promise-in-promise-methods',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow passing single-element arrays to `Promise` methods',
      recommended: false,
      strict: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    // eslint-plugin-unicorn's messages word for word.
    messages: {
      singlePromise: 'Wrapping single-element array with `Promise.{{method}}()` is unnecessary.',
      unwrap: 'Use the value directly.',
      promiseResolve: 'Switch to `Promise.resolve(…)`.',
    },
    schema: [],
  },
  create(context) {
    return {
      'CallExpression[arguments.length=1]'(node: Parameters<typeof findSinglePromiseInPromiseMethod>[1]) {
        const finding = findSinglePromiseInPromiseMethod(analysisFileFor(context), node);
        if (!finding) return;
        context.report({
          node: finding.array,
          messageId: 'singlePromise',
          data: { method: finding.method },
          ...getSuggestions(finding.suggestions.map((s) => ({ plan: s.plan, messageId: s.kind === 'unwrap' ? ('unwrap' as const) : ('promiseResolve' as const) }))),
        });
      },
    };
  },
});
