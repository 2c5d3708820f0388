import { nonStandardPromiseMember } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [{ allowedMethods?: string[] }];
export type MessageIds = 'avoidNonStandard';

export default createRule<Options, MessageIds>({
  name: 'spec-only',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow members of the global `Promise` that no specification defines', recommended: false, requiresTypeChecking: false },
    messages: {
      // eslint-plugin-promise's message, and the remedy.
      avoidNonStandard: "Avoid using non-standard 'Promise.{{name}}': it exists only where a library replaced the global Promise. Use the standard API, or import the library.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowedMethods: { type: 'array', items: { type: 'string' }, description: 'Non-standard static or instance method names to allow.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowedMethods: [] }],
  },
  create(context, [options]) {
    return {
      'MemberExpression[object.name="Promise"]'(node) {
        const name = nonStandardPromiseMember(analysisFileFor(context), node, options.allowedMethods);
        if (name !== null) context.report({ node, messageId: 'avoidNonStandard', data: { name } });
      },
    };
  },
});
